/** A state graph built by hand for the liveness analysis's own functions: a ring, and its search tree. */
import type { BehaviourGraph } from '../../src/liveness/behaviourGraph.js';
import type { SearchTree } from '../../src/liveness/lasso.js';

/** A ring of `states` states, none of them where the property holds: one lasso, around the whole ring. */
export function ring(states: number): BehaviourGraph {
  return {
    states,
    initialStates: 1,
    start: Uint32Array.from({ length: states + 1 }, (_, s) => s),
    to: Uint32Array.from({ length: states }, (_, s) => (s + 1) % states),
    action: new Uint32Array(states),
    labels: new Uint8Array(states),
    properties: 1,
  };
}

/** The ring's search tree: each state reached from the one before it. */
export const ringTree: SearchTree = { parentOf: (id) => id - 1, initialIndexOf: () => 0, noParent: -1 };
