/**
 * The one boundary between the engine's states and the types a model's code is written against.
 * The engine holds a state as a plain value of the model's state type S; the model API hands it to
 * guards, properties, `isFinal` and `describe` as immer's `Immutable<S>` (so that they cannot write
 * to it) and to recipes as `Draft<S>` (a copy they may write). Both describe the same data, with
 * `readonly` added or taken away, which TypeScript cannot see for a generic S: these say it once.
 */
import { produce, type Draft, type Immutable } from 'immer';

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
