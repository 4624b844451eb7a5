/**
 * The encoding of a model without a codec of its own: a fixed layout derived from the shape of a
 * sample of its states (booleans as bits, strings and small numbers as codes of a few bits), or
 * the generic encoding where no layout fits (states of no fixed structure, or too large ones). With
 * a layout, successors are made on the bytes where the actions' recipes have been learnt (recipeMemo.ts).
 */
import type { Codec } from '../codec.js';
import { genericCodec } from '../genericCodec.js';
import type { ModelInstance } from '../model.js';
import { layoutCodec } from './layoutCodec.js';
import { recipeMemo } from './recipeMemo.js';
import { unpackSample } from './sampleStates.js';
import { layoutOf } from './stateLayout.js';
import { shapeOf } from './stateShape.js';

/**
 * Derives the codec of `model` from a sample of its states (sampleStates.ts).
 * @param generic the generic encoding of its states, in which the sample is packed.
 */
export function derivedCodec<S>(model: ModelInstance<S>, generic: Codec<S>, packedSample: readonly Uint8Array[]): Codec<S> {
  const sample = unpackSample(packedSample, generic);
  const layout = layoutOf(shapeOf(sample));
  // What does not fit the layout is written generically, with the strings of the sample as its dictionary.
  if (!layout) return generic;
  const codec = layoutCodec<S>(layout, genericCodec(sample));
  return { ...codec, successorOnBytes: recipeMemo(layout, model.actions, codec) };
}
