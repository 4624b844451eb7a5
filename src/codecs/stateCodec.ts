/** Which codec packs a model's states: the model's own, else one the engine makes for it. */
import type { Codec } from '../codec.js';
import { genericCodec } from '../genericCodec.js';
import type { ModelInstance } from '../model.js';
import { derivedCodec } from './derivedCodec.js';
import { sampleStates } from './sampleStates.js';
import type { StateEncoding } from './stateEncoding.js';

/** A model's codec, and the packed sample of states it was derived from, if it was. */
export interface ChosenCodec<S> {
  codec: Codec<S>;
  sample?: readonly Uint8Array[];
}

/**
 * The codec of `model`'s states. An initial state that cannot be stored is refused here, before
 * any search.
 * @param at told which piece of the model's code runs while its states are sampled.
 * @param sample the sample another thread derived the codec from (`ChosenCodec.sample`): given, it
 * is not taken again, and no model code runs here.
 */
export function stateCodec<S>(model: ModelInstance<S>, encoding: StateEncoding, at: (where: number) => void, sample?: readonly Uint8Array[]): ChosenCodec<S> {
  if (model.codec) return { codec: model.codec };
  const generic = genericCodec<S>(model.initialStates);
  if (encoding === 'generic') return { codec: generic };
  const taken = sample ?? sampleStates(model, generic, at);
  return { codec: derivedCodec(model, generic, taken), sample: taken };
}
