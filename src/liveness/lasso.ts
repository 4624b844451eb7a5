/**
 * A liveness counterexample as a lasso: the breadth-first search's own (shortest) path to the
 * state where the property starts to wait, the shortest path from there into a fair component,
 * then a loop inside that component, from its entry back to it, that meets every fairness
 * obligation (takes each group, or passes a state where a weakly fair group is disabled). Every
 * choice is the first in state and edge order, so the lasso is the same whatever the number of
 * workers.
 */
import type { StopPoll } from './analysisStop.js';
import type { BehaviourGraph } from './behaviourGraph.js';
import { edgeTaking, enabledIn } from './fairComponents.js';
import type { FairGroup } from './fairness.js';

/** A lasso as a replayable path, [initial state index, action, action, ...], and the step its loop starts at. */
export interface Lasso {
  path: number[];
  loopStart: number;
}

/** How the search reached each state first: the breadth-first tree. */
export interface SearchTree {
  parentOf(id: number): number;
  /** For an initial state, its index among the model's initial states. */
  initialIndexOf(id: number): number;
  readonly noParent: number;
}

type Graph = Pick<BehaviourGraph, 'start' | 'to' | 'action'>;

/** The actions of a shortest path inside `allowed` from `from` to a state `isGoal` accepts (at least one step when `nonEmpty`), and its end. */
function shortestPath(graph: Graph, allowed: Uint8Array, from: number, isGoal: (s: number) => boolean, nonEmpty: boolean, poll: StopPoll): { actions: number[]; end: number } {
  if (!nonEmpty && isGoal(from)) return { actions: [], end: from };
  const { start, to, action } = graph;
  const cameBy = new Map<number, { prev: number; edge: number }>([[from, { prev: -1, edge: -1 }]]);
  const queue = [from];
  const pathTo = (v: number, last: number): number[] => {
    const actions = [action[last]!];
    for (let s = v; s !== from; ) {
      const step = cameBy.get(s)!;
      actions.push(action[step.edge]!);
      s = step.prev;
    }
    return actions.reverse();
  };
  for (let head = 0; head < queue.length; head++) {
    poll.step();
    const v = queue[head]!;
    for (let e = start[v]!; e < start[v + 1]!; e++) {
      const w = to[e]!;
      if (!allowed[w]) continue;
      if (isGoal(w)) return { actions: pathTo(v, e), end: w };
      if (cameBy.has(w)) continue;
      cameBy.set(w, { prev: v, edge: e });
      queue.push(w);
    }
  }
  throw new Error(`internal error: no path inside the component from state ${from}`);
}

/** The tree path to `state`: [initial state index, action, ...], each action the first edge from parent to child. */
function treePath(graph: Graph, tree: SearchTree, state: number): number[] {
  const actions: number[] = [];
  let child = state;
  for (let parent = tree.parentOf(child); parent !== tree.noParent; child = parent, parent = tree.parentOf(child)) {
    let e = graph.start[parent]!;
    while (graph.to[e] !== child) e++;
    actions.push(graph.action[e]!);
  }
  return [tree.initialIndexOf(child), ...actions.reverse()];
}

/**
 * The lasso from `waiting` (a state where the property waits, which can reach a fair component
 * inside `inside`): the tree path to it, the shortest path into a fair component, and a fair loop.
 * `componentOf` gives each state's fair component (its states), undefined outside them.
 */
export function lassoFrom(
  graph: Graph,
  tree: SearchTree,
  inside: Uint8Array,
  waiting: number,
  componentOf: (s: number) => readonly number[] | undefined,
  groups: readonly FairGroup[],
  poll: StopPoll,
): Lasso {
  const prefix = treePath(graph, tree, waiting);
  const toEntry = shortestPath(graph, inside, waiting, (s) => componentOf(s) !== undefined, false, poll);
  const entry = toEntry.end;
  const members = componentOf(entry)!;
  const inComponent = new Uint8Array(inside.length);
  for (const s of members) inComponent[s] = 1;

  const loop: number[] = [];
  // One by one: spreading a leg of some 100,000 actions into push() overflows the call stack.
  const follow = (actions: readonly number[]): void => actions.forEach((a) => void loop.push(a));
  let at = entry;
  const goTo = (target: number): void => {
    const leg = shortestPath(graph, inComponent, at, (s) => s === target, false, poll);
    follow(leg.actions);
    at = target;
  };
  for (const group of groups) {
    const taking = edgeTaking(graph, group, members, inComponent);
    if (taking) {
      goTo(taking.from);
      loop.push(graph.action[taking.edge]!);
      at = graph.to[taking.edge]!;
    } else if (group.kind === 'weak') {
      goTo(members.find((s) => !enabledIn(graph, group, s))!);
    }
  }
  const terminal = graph.start[entry] === graph.start[entry + 1];
  const back = shortestPath(graph, inComponent, at, (s) => s === entry, loop.length === 0 && !terminal, poll);
  follow(back.actions);
  const loopStart = prefix.length - 1 + toEntry.actions.length;
  return { path: [...prefix, ...toEntry.actions, ...loop], loopStart };
}
