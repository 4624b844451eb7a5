/**
 * The verdict on one liveness property, from the state graph of a complete search. `leadsTo(p, q)`
 * is violated when a reachable state with p and not q starts a fair infinite behaviour that never
 * meets q; `eventually(q)` when an initial state does. Such a behaviour stays, from some point on,
 * in a fair component of the subgraph of the states without q: the property is violated exactly
 * when a waiting state reaches one inside that subgraph. The lasso starts from the waiting state
 * the search numbered first (so the one of least depth).
 */
import type { StopPoll } from './analysisStop.js';
import { FROM, HOLDS, type BehaviourGraph } from './behaviourGraph.js';
import { reachingStates } from './backwardReach.js';
import { fairComponents } from './fairComponents.js';
import type { FairGroup } from './fairness.js';
import { lassoFrom, type Lasso, type SearchTree } from './lasso.js';

/**
 * The lasso that violates the liveness property labelled `k`-th in the graph, or null when it holds.
 * @param fromInitial `eventually`: the behaviours from the initial states; else (`leadsTo`) from every state with `from`.
 * @throws AnalysisStopped when `poll` hears a stop
 */
export function livenessViolation(graph: BehaviourGraph, k: number, fromInitial: boolean, tree: SearchTree, groups: readonly FairGroup[], poll: StopPoll): Lasso | null {
  const { states, labels, properties } = graph;
  const inside = new Uint8Array(states);
  const waiting: number[] = [];
  for (let s = 0; s < states; s++) {
    poll.step();
    const label = labels[s * properties + k]!;
    if (label & HOLDS) continue;
    inside[s] = 1;
    if (fromInitial ? s < graph.initialStates : label & FROM) waiting.push(s);
  }
  if (waiting.length === 0) return null;
  const fair = fairComponents(graph, inside, waiting, groups, poll);
  if (fair.length === 0) return null;
  const componentOf = new Int32Array(states).fill(-1);
  fair.forEach((members, c) => members.forEach((s) => void (componentOf[s] = c)));
  const reaching = reachingStates(graph, inside, fair.flat(), poll);
  // The fair components were found from the waiting states, so one of these reaches them.
  const first = waiting.find((s) => reaching[s])!;
  return lassoFrom(graph, tree, inside, first, (s) => (componentOf[s]! >= 0 ? fair[componentOf[s]!] : undefined), groups, poll);
}
