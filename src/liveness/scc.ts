/**
 * Strongly connected components by Tarjan's algorithm, with an explicit stack instead of
 * recursion (a path of millions of states would overflow the call stack). Roots are taken in the
 * order given and edges in their recorded order, so the components come out the same every time.
 * The per-state arrays are made once per graph and reset only where a search went, so that the
 * many small searches strong fairness makes inside components cost their own size, not the graph's.
 */
import type { StopPoll } from './analysisStop.js';
import type { BehaviourGraph } from './behaviourGraph.js';

const UNVISITED = -1;

export class ComponentFinder {
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;

  constructor(private readonly graph: Pick<BehaviourGraph, 'states' | 'start' | 'to'>, private readonly poll: StopPoll) {
    this.index = new Int32Array(graph.states).fill(UNVISITED);
    this.low = new Int32Array(graph.states);
    this.onStack = new Uint8Array(graph.states);
  }

  /**
   * The strongly connected components of the subgraph of the states `inside` marks (and the
   * edges between them) reachable from `roots`, each as its states in increasing order.
   */
  components(inside: Uint8Array, roots: Iterable<number>): number[][] {
    const { start, to } = this.graph;
    const { index, low, onStack } = this;
    const visited: number[] = [];
    const stack: number[] = [];
    const callState: number[] = [];
    const callEdge: number[] = [];
    const components: number[][] = [];

    const visit = (v: number): void => {
      index[v] = low[v] = visited.length;
      visited.push(v);
      stack.push(v);
      onStack[v] = 1;
      callState.push(v);
      callEdge.push(start[v]!);
    };

    for (const root of roots) {
      if (!inside[root] || index[root] !== UNVISITED) continue;
      visit(root);
      while (callState.length > 0) {
        this.poll.step();
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
    for (const v of visited) index[v] = UNVISITED;
    return components;
  }
}
