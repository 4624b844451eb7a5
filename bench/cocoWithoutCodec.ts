/**
 * The CoCo model without its own codec, as a model's author would first write it: the engine
 * derives its layout and learns its recipes (src/codecs/). The bench checks it beside the model
 * with its codec, to show what a model of one's own gets.
 */
import { coco } from '../models/coco/index.js';
import { defineModel } from '../src/model.js';

export const cocoWithoutCodec = defineModel({
  ...coco,
  name: 'coco-without-codec',
  module: import.meta.url,
  build: (params) => ({ ...coco.build(params), codec: undefined }),
});
