/**
 * A sample of a model's states, from which its layout is derived: the first states of a
 * breadth-first search, found by running the model's own guards and actions.
 *
 * Every thread derives the layout for itself from the same instance, and the bytes must be the
 * same in all of them; so the sample depends on the model alone: it stops at a number of states,
 * never at a time, and it passes over whatever fails (a guard or an action that throws, a state
 * that cannot be stored) without a word, since the search meets the same failure where it belongs
 * and reports it there.
 */
import { ByteReader, ByteWriter, type Codec } from '../codec.js';
import { Where, whereCode } from '../parallel/liveStatus.js';
import type { ModelInstance } from '../model.js';
import { readOnly, successor } from '../modelCode.js';

/** How many states the sample holds at most: enough to see the values each position takes. */
const SAMPLE_STATES = 512;
/**
 * How many levels deep it goes at most. Model code that never returns, or that allocates without
 * end, would stop the check before its search began; a model that does so this early has a
 * partial summary of a handful of states anyway, and deeper it is met by the search itself.
 */
const SAMPLE_LEVELS = 4;

/**
 * The sample, packed in the generic encoding, in the order the states were reached.
 * @param generic the generic encoding, which tells states apart and gives each action a fresh copy to run on.
 * @param at told which piece of the model's code runs (a `where` code), so that one that never returns is named.
 */
export function sampleStates<S>(model: ModelInstance<S>, generic: Codec<S>, at: (where: number) => void): Uint8Array[] {
  const packed: Uint8Array[] = [];
  const levels: number[] = [];
  const seen = new Set<string>();
  const add = (state: S, level: number): void => {
    const out = new ByteWriter();
    generic.encode(state, out);
    const key = out.bytes.subarray(0, out.length).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    packed.push(out.toBytes());
    levels.push(level);
  };
  model.initialStates.forEach((state) => add(state, 0));
  for (let i = 0; i < packed.length && packed.length < SAMPLE_STATES && levels[i]! < SAMPLE_LEVELS; i++) {
    const state = unpackState(packed[i]!, generic);
    model.actions.forEach((action, a) => {
      if (packed.length >= SAMPLE_STATES) return;
      try {
        at(whereCode(Where.guard, a));
        if (action.guard && action.guard(readOnly(state)) !== true) return;
        at(whereCode(Where.action, a));
        const next = successor(action, state, () => unpackState(packed[i]!, generic));
        at(whereCode(Where.successor, a));
        add(next, levels[i]! + 1);
      } catch {
        // Passed over: the search reports it (see the note at the top).
      }
    });
  }
  return packed;
}

/** A state packed in the generic encoding, as a fresh copy. */
const unpackState = <S>(bytes: Uint8Array, generic: Codec<S>): S => generic.decode(new ByteReader(bytes));

/** The states of a packed sample (as `sampleStates` returns it). */
export function unpackSample<S>(packed: readonly Uint8Array[], generic: Codec<S>): S[] {
  return packed.map((bytes) => unpackState(bytes, generic));
}
