/**
 * The first, cheap shortening of a walk's counterexample: drop steps that do not matter. Random
 * walks of an interleaving model are mostly steps of actors that play no part in the violation,
 * and loops back to states already visited. Cutting every loop (a state visited twice: keep the
 * path to its last visit), then removing one step at a time, from the end, and keeping the
 * removal whenever the rest is still a behaviour (every action enabled where it is taken) that
 * breaks the property, leaves only the steps the violation needs. Each removal replays only the
 * steps after it, from the states kept for the prefix. The result is a behaviour, not known to
 * be shortest.
 */
import { Expander } from '../expand.js';
import { fingerprint, fp } from '../fingerprint.js';
import type { ModelInstance } from '../model.js';
import { NO_PARENT, SeenSet } from '../seenSet.js';
import { isEnabled } from '../trace.js';
import { successorOf } from './walk.js';

/** A state of the path with its packed bytes. */
interface Visited<S> {
  state: S;
  bytes: Uint8Array;
}

/** The path without its loops: from each state, on from its last visit (states told apart by fingerprint, as the search tells them). */
function withoutLoops<S>(path: readonly number[], states: readonly Visited<S>[]): { path: number[]; states: Visited<S>[] } {
  const seen = new SeenSet();
  const ids = states.map(({ bytes }) => {
    fingerprint(bytes, 0, bytes.length);
    const id = seen.insert(fp.hi, fp.lo, NO_PARENT, 0);
    return id >= 0 ? id : ~id;
  });
  const lastVisit: number[] = [];
  ids.forEach((id, k) => (lastVisit[id] = k));
  let k = lastVisit[ids[0]!]!;
  const kept = { path: [path[0]!], states: [states[k]!] };
  while (k < states.length - 1) {
    kept.path.push(path[k + 1]!);
    k = lastVisit[ids[k + 1]!]!;
    kept.states.push(states[k]!);
  }
  return kept;
}

/**
 * Shortens `path` ([initial state index, action, action, ...], whose last state breaks the
 * property and no earlier one does) to one whose last state breaks it too. It runs the model's
 * code on states the walk never visited: the simulation gives it an instance whose code says
 * where it is and names itself when it throws (markedModelCode.ts).
 */
export function dropSteps<S>(instance: ModelInstance<S>, path: readonly number[], breaks: (state: S) => boolean): number[] {
  const expander = new Expander(instance, false);
  const { actions } = instance;
  /** The states after taking `steps` from `from`, up to the first that breaks the property; undefined when a step is not enabled or none breaks it. */
  const follow = (from: Visited<S>, steps: readonly number[]): Visited<S>[] | undefined => {
    const visited: Visited<S>[] = [];
    let { state, bytes } = from;
    for (const a of steps) {
      const action = actions[a]!;
      if (!isEnabled(action, state)) return undefined;
      state = successorOf(expander, action, state, bytes);
      bytes = expander.pack(state);
      visited.push({ state, bytes });
      if (breaks(state)) return visited;
    }
    return undefined;
  };

  const initial = instance.initialStates[path[0]!]!;
  const start = { state: initial, bytes: expander.pack(initial) };
  let best = [...path];
  let states = [start, ...(follow(start, path.slice(1)) ?? [])];
  for (let changed = true; changed; ) {
    const cut = withoutLoops(best, states);
    changed = cut.path.length < best.length;
    ({ path: best, states } = cut);
    for (let i = best.length - 1; i >= 1; i--) {
      const rest = follow(states[i - 1]!, best.slice(i + 1));
      if (!rest) continue;
      best = [...best.slice(0, i), ...best.slice(i + 1, i + 1 + rest.length)];
      states = [...states.slice(0, i), ...rest];
      changed = true;
    }
  }
  return best;
}
