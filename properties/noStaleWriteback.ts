// Hazard: a dirty line under the old key survives the conversion (cpa_flush() skips not-present pages) and is written back [I1, B3.4, H5].
import { always } from '../src/model.js';
import type { CocoState } from '../models/coco/state.js';

export const noStaleWriteback = always<CocoState>(
  'NoStaleWriteback',
  (s) => !s.staleWriteback,
  'no dirty line is written back under a key that disagrees with the host\'s view',
);
