/** Which codec packs a model's states: the model's own, else one the engine makes for it. */
import type { Codec } from '../codec.js';
import { genericCodec } from '../genericCodec.js';
import type { ModelInstance } from '../model.js';
import { derivedCodec } from './derivedCodec.js';
import type { StateEncoding } from './stateEncoding.js';

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
