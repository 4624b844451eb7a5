/**
 * The state graph a liveness check needs, recorded as the breadth-first search merges its batches:
 * every transition (self-loops and repeats included: a self-loop is a cycle, and each edge's
 * action decides fairness), and per state the truth of each liveness property's predicates.
 * Batches are merged in order, so edges arrive sorted by their source state and the graph is the
 * same whatever the number of workers; it is kept as adjacency arrays (8 bytes an edge, 4 a state).
 */
import { U32List } from '../expand.js';

export { FROM, HOLDS } from '../expand.js';

/** The recorded graph once the search is over: state s's edges are `to`/`action`[start[s], start[s + 1]). */
export interface BehaviourGraph {
  states: number;
  initialStates: number;
  start: Uint32Array;
  to: Uint32Array;
  action: Uint32Array;
  /** Per state, one byte per liveness property: `HOLDS` if its `holds` is true there, `FROM` if its `from` is. */
  labels: Uint8Array;
  /** How many liveness properties label each state. */
  properties: number;
}

export class BehaviourGraphRecorder {
  private readonly start = new U32List();
  private readonly to = new U32List();
  private readonly action = new U32List();
  private readonly labelBatches: Uint8Array[] = [];
  private labelBytes = 0;

  constructor(private readonly properties: number) {}

  /** Records a transition; transitions must come in order of their source state. */
  addEdge(from: number, to: number, action: number): void {
    while (this.start.length <= from) this.start.push(this.to.length);
    this.to.push(to);
    this.action.push(action);
  }

  /** Records a batch's labels (batches come in order, so they follow one another); each batch's are its own array. */
  addLabels(labels: Uint8Array): void {
    this.labelBatches.push(labels);
    this.labelBytes += labels.length;
  }

  /** Bytes held so far. */
  get bytes(): number {
    return 4 * (this.start.data.length + this.to.data.length + this.action.data.length) + this.labelBytes;
  }

  /** The graph of a finished search of `states` states, the first `initialStates` of them initial. */
  finish(states: number, initialStates: number): BehaviourGraph {
    while (this.start.length <= states) this.start.push(this.to.length);
    const labels = new Uint8Array(this.labelBytes);
    let at = 0;
    for (const batch of this.labelBatches) {
      labels.set(batch, at);
      at += batch.length;
    }
    return {
      states,
      initialStates,
      start: this.start.data.subarray(0, this.start.length),
      to: this.to.data.subarray(0, this.to.length),
      action: this.action.data.subarray(0, this.action.length),
      labels,
      properties: this.properties,
    };
  }
}
