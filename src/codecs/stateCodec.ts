/** Which codec packs a model's states: the model's own, else one the engine makes for it. */
import type { Codec } from '../codec.js';
import { genericCodec } from '../genericCodec.js';
import type { ModelInstance } from '../model.js';
import { derivedCodec } from './derivedCodec.js';

/**
 * How the engine encodes the states of a model without a codec of its own: by a layout derived
 * from their shape (the default), or by the generic tagged walk (kept to measure the layout
 * against, and to check that both give the same counts).
 */
export const STATE_ENCODINGS = ['derived', 'generic'] as const;
export type StateEncoding = (typeof STATE_ENCODINGS)[number];

/**
 * The codec of `model`'s states. An initial state that cannot be stored is refused here, before
 * any search.
 * @param at told which piece of the model's code runs while a layout is derived.
 */
export function stateCodec<S>(model: ModelInstance<S>, encoding: StateEncoding, at: (where: number) => void): Codec<S> {
  if (model.codec) return model.codec;
  const generic = genericCodec<S>(model.initialStates);
  return encoding === 'generic' ? generic : derivedCodec(model, generic, at);
}
