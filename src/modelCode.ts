/**
 * The one boundary between the engine's states and the types a model's code is written against.
 * The engine holds a state as a plain value of the model's state type S; the model API hands it to
 * guards, properties, `isFinal` and `describe` as immer's `Immutable<S>` (so that they cannot write
 * to it) and to recipes as `Draft<S>` (a copy they may write). Both describe the same data, with
 * `readonly` added or taken away, which TypeScript cannot see for a generic S: these say it once.
 */
import { produce, type Draft, type Immutable } from 'immer';
import type { Action } from './model.js';

/** A state as a guard, a property or `describe` receives it. */
export function readOnly<S>(state: S): Immutable<S> {
  return state as Immutable<S>;
}

/** A private copy of a state as a recipe receives it: the recipe may write to it. */
export function writable<S>(copy: S): Draft<S> {
  return copy as Draft<S>;
}

/**
 * The state a recipe makes of `state`, by immer (frozen, sharing what it did not change). A recipe
 * may return a replacement state rather than write to its draft; immer takes both.
 */
export function produced<S>(state: S, recipe: (draft: Draft<S>) => void | S): S {
  return produce(state, recipe as (draft: Draft<S>) => void) as S;
}

/**
 * The state `action` makes from `state`: a successor function is given the state; a recipe writes to
 * `copy()`, a private copy of it, and that copy (or the replacement it returns) is the new state.
 */
export function successor<S>(action: Action<S>, state: S, copy: () => S): S {
  if (!('recipe' in action)) return action.next(readOnly(state));
  const draft = copy();
  const replaced = action.recipe(writable(draft));
  return replaced === undefined ? draft : (replaced as S);
}

/** What was thrown, as a message says it. */
export function thrownMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs model code; what it throws comes back as the sentence that names that code (`what`, asked
 * only then): `action 'leave' of P1 threw: no such RM`.
 */
export function attempt<T>(what: () => string, run: () => T): { value: T } | { problem: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { problem: `${what()} threw: ${thrownMessage(error)}` };
  }
}

