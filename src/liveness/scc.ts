/**
 * Strongly connected components by Tarjan's algorithm, with an explicit stack instead of
 * recursion (a path of millions of states would overflow the call stack). Roots are taken in the
 * order given and edges in their recorded order, so the components come out the same every time.
 */
import type { BehaviourGraph } from './behaviourGraph.js';

const UNVISITED = -1;

/**
 * The strongly connected components of the subgraph of the states `inside` marks (and the edges
 * between them) reachable from `roots`, each as its states in increasing order.
 */
export function stronglyConnectedComponents(
  graph: Pick<BehaviourGraph, 'states' | 'start' | 'to'>,
  inside: Uint8Array,
  roots: Iterable<number>,
): number[][] {
  const { start, to } = graph;
  const index = new Int32Array(graph.states).fill(UNVISITED);
  const low = new Int32Array(graph.states);
  const onStack = new Uint8Array(graph.states);
  const stack: number[] = [];
  const callState: number[] = [];
  const callEdge: number[] = [];
  const components: number[][] = [];
  let next = 0;

  const visit = (v: number): void => {
    index[v] = low[v] = next++;
    stack.push(v);
    onStack[v] = 1;
    callState.push(v);
    callEdge.push(start[v]!);
  };

  for (const root of roots) {
    if (!inside[root] || index[root] !== UNVISITED) continue;
    visit(root);
    while (callState.length > 0) {
      const top = callState.length - 1;
      const v = callState[top]!;
      const e = callEdge[top]!;
      if (e < start[v + 1]!) {
        callEdge[top] = e + 1;
        const w = to[e]!;
        if (!inside[w]) continue;
        if (index[w] === UNVISITED) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      callState.pop();
      callEdge.pop();
      if (callState.length > 0) {
        const parent = callState[callState.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components;
}
