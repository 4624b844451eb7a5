// Hazard: the caller frees a range whose conversion failed, and the allocator hands out a mismatched or not-present page [F1-F3, CVE-2024-35939].
import { always } from '../src/model.js';
import type { CocoState } from '../models/coco/state.js';

export const errorLeavesNoHazard = always<CocoState>(
  'ErrorLeavesNoHazard',
  (s) => !s.errorHazard,
  'after an error return the range is never used with a mismatched, shared or not-present mapping',
);
