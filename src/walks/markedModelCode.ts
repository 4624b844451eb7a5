/**
 * Model code run with a `where` word saying which piece of it runs (see liveStatus.ts), as the
 * simulation thread shares that word with its supervisor: a limit that has to stop the thread by
 * force names the code that did not return, and `process.exit` from it is refused
 * (forbidProcessExit.ts) rather than ending the thread without a word. The walks mark each call
 * of their loop; the code that shortens a finding's walk runs on an instance whose every piece of
 * model code marks itself, so that no call of it can be missed.
 */
import type { Codec } from '../codec.js';
import { ModelError } from '../errors.js';
import { faultMessage } from '../expand.js';
import { describeWhere } from '../parallel/liveStatus.js';
import type { Action, ModelInstance, Property } from '../model.js';
import { Where, whereCode, whereKind } from '../parallel/liveStatus.js';

/**
 * Runs `run`, the model's code that `code` names, with `where[0]` set to `code` meanwhile (no word:
 * nothing to mark); what it throws comes back as the sentence naming that code, worded as the
 * search words it.
 */
export function attemptMarked<T>(instance: Parameters<typeof describeWhere>[0], where: Int32Array | undefined, code: number, run: () => T): { value: T } | { problem: string } {
  if (where) where[0] = code;
  try {
    return { value: run() };
  } catch (error) {
    return { problem: `${describeWhere(instance, code)} ${faultMessage(error, whereKind(code))}` };
  } finally {
    if (where) where[0] = Where.idle;
  }
}

/**
 * `instance` with every guard, action (its recipe or successor function and its `describe`),
 * property, `isFinal` and codec wrapped to mark `where` while it runs. What one throws is a
 * ModelError naming it and `context` (what the engine was doing).
 */
export function markedInstance<S>(instance: ModelInstance<S>, where: Int32Array | undefined, context: string): ModelInstance<S> {
  const run = <T>(code: number, f: () => T): T => {
    const outcome = attemptMarked(instance, where, code, f);
    if ('problem' in outcome) throw new ModelError(`${outcome.problem} (${context})`);
    return outcome.value;
  };
  const action = (a: Action<S>, index: number): Action<S> => {
    const code = whereCode(Where.action, index);
    const { guard, describe } = a;
    const marked = {
      ...a,
      guard: guard && ((state) => run(whereCode(Where.guard, index), () => guard(state))),
      // A step's line is part of its action: a `describe` that never returns is named as the action.
      describe: describe && ((before, after) => run(code, () => describe(before, after))),
    } satisfies Partial<Action<S>>;
    if ('recipe' in a) return { ...marked, recipe: (draft) => run(code, () => a.recipe(draft)) };
    return { ...marked, next: (state) => run(code, () => a.next(state)) };
  };
  const property = (p: Property<S>, index: number): Property<S> => {
    const code = whereCode(Where.property, index);
    return { ...p, holds: (state) => run(code, () => p.holds(state)) };
  };
  const { isFinal, codec } = instance;
  return {
    ...instance,
    actions: instance.actions.map(action),
    properties: instance.properties.map(property),
    isFinal: isFinal && ((state) => run(whereCode(Where.isFinal), () => isFinal(state))),
    codec: codec && markedCodec(codec, (f) => run(whereCode(Where.codec), f)),
  };
}

/** The model's own codec with its encoding and decoding run through `run` (the shortening asks no other part of it). */
function markedCodec<S>(codec: Codec<S>, run: <T>(f: () => T) => T): Codec<S> {
  return {
    encode: (state, out) => run(() => codec.encode(state, out)),
    decode: (input) => run(() => codec.decode(input)),
  };
}
