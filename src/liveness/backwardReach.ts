/** Which states of a subgraph can reach a set of its states, by breadth-first search along reversed edges. */
import type { StopPoll } from './analysisStop.js';
import type { BehaviourGraph } from './behaviourGraph.js';

/** Marks the states `inside` marks from which a path inside reaches one of `targets` (the targets included). */
export function reachingStates(graph: Pick<BehaviourGraph, 'states' | 'start' | 'to'>, inside: Uint8Array, targets: Iterable<number>, poll: StopPoll): Uint8Array {
  const { states, start, to } = graph;
  // The reversed edges between inside states, as adjacency arrays.
  const reverseStart = new Uint32Array(states + 1);
  for (let s = 0; s < states; s++) {
    poll.step();
    if (!inside[s]) continue;
    for (let e = start[s]!; e < start[s + 1]!; e++) if (inside[to[e]!]) reverseStart[to[e]! + 1]!++;
  }
  for (let s = 0; s < states; s++) reverseStart[s + 1]! += reverseStart[s]!;
  const filled = reverseStart.slice(0, states);
  const from = new Uint32Array(reverseStart[states]!);
  for (let s = 0; s < states; s++) {
    poll.step();
    if (!inside[s]) continue;
    for (let e = start[s]!; e < start[s + 1]!; e++) if (inside[to[e]!]) from[filled[to[e]!]!++] = s;
  }

  const reached = new Uint8Array(states);
  const queue: number[] = [];
  for (const t of targets) {
    if (reached[t]) continue;
    reached[t] = 1;
    queue.push(t);
  }
  for (let head = 0; head < queue.length; head++) {
    poll.step();
    const t = queue[head]!;
    for (let e = reverseStart[t]!; e < reverseStart[t + 1]!; e++) {
      const s = from[e]!;
      if (reached[s]) continue;
      reached[s] = 1;
      queue.push(s);
    }
  }
  return reached;
}
