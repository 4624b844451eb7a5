// Hazard: load_unaligned_zeropad() (or the owner) reads through a mapping whose attribute disagrees with the host's view [C4-C6].
import { always } from '../src/model.js';
import type { CocoState } from '../models/coco/state.js';

export const noMismatchedAccess = always<CocoState>(
  'NoMismatchedAccess',
  (s) => !s.mismatch,
  'no access (zeropad or owner) goes through a present translation the host does not permit',
);
