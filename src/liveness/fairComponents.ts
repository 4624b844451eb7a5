/**
 * The fair cycles of a subgraph: strongly connected components inside which some behaviour can
 * stay forever and be fair to every group. A component qualifies when it has a cycle (more than
 * one state, or a self-loop), or is a single state where no action is enabled (the behaviour
 * stutters there forever, every group disabled). Then, as TLC and SPIN test it:
 * - weak fairness of a group: some edge inside takes it, or some state inside has it disabled
 *   (a loop through every state and edge of the component is then fair to it);
 * - strong fairness: if it is enabled in some state inside, some edge inside takes it. Otherwise a
 *   fair cycle can only avoid the states where it is enabled: they are removed and the components
 *   of the rest examined in turn.
 */
import type { StopPoll } from './analysisStop.js';
import type { BehaviourGraph } from './behaviourGraph.js';
import type { FairGroup } from './fairness.js';
import { ComponentFinder } from './scc.js';

type Edges = Pick<BehaviourGraph, 'start' | 'to' | 'action'>;
type Graph = Edges & Pick<BehaviourGraph, 'states'>;

/** Whether any action of `group` is enabled in state s: every enabled action is an edge of the graph. */
export function enabledIn(graph: Edges, group: FairGroup, s: number): boolean {
  for (let e = graph.start[s]!; e < graph.start[s + 1]!; e++) if (group.actions[graph.action[e]!]) return true;
  return false;
}

/** The first edge (by source state, then recorded order) inside the component that takes `group`, with its source. */
export function edgeTaking(graph: Edges, group: FairGroup, members: readonly number[], inComponent: Uint8Array): { from: number; edge: number } | undefined {
  for (const from of members) {
    for (let edge = graph.start[from]!; edge < graph.start[from + 1]!; edge++) {
      if (group.actions[graph.action[edge]!] && inComponent[graph.to[edge]!]) return { from, edge };
    }
  }
  return undefined;
}

function hasCycle(graph: Graph, members: readonly number[]): boolean {
  if (members.length > 1) return true;
  const s = members[0]!;
  if (graph.start[s] === graph.start[s + 1]) return true;
  for (let e = graph.start[s]!; e < graph.start[s + 1]!; e++) if (graph.to[e] === s) return true;
  return false;
}

/**
 * The fair components of the subgraph `inside` marks, reachable from `roots`, each as its states
 * in increasing order; in a deterministic order.
 */
export function fairComponents(graph: Graph, inside: Uint8Array, roots: Iterable<number>, groups: readonly FairGroup[], poll: StopPoll): number[][] {
  const fair: number[][] = [];
  const mask = new Uint8Array(graph.states);
  const finder = new ComponentFinder(graph, poll);
  const work = [finder.components(inside, roots)];
  while (work.length > 0) {
    for (const members of work.pop()!) {
      if (!hasCycle(graph, members)) continue;
      for (const s of members) mask[s] = 1;
      let unfair = false;
      const blocked = new Set<number>();
      for (const group of groups) {
        poll.step();
        if (edgeTaking(graph, group, members, mask)) continue;
        const enabled = members.filter((s) => {
          poll.step();
          return enabledIn(graph, group, s);
        });
        if (group.kind === 'weak' && enabled.length === members.length) unfair = true;
        if (group.kind === 'strong') for (const s of enabled) blocked.add(s);
      }
      if (!unfair && blocked.size === 0) fair.push(members);
      else if (!unfair) {
        for (const s of blocked) mask[s] = 0;
        work.push(finder.components(mask, members));
      }
      for (const s of members) mask[s] = 0;
    }
  }
  return fair.sort((a, b) => a[0]! - b[0]!);
}
