// Hazard: a fault with no fixup: the owner touching a not-present page, or PVALIDATE through a not-present VA [F0.3, C3].
import { always } from '../src/model.js';
import type { CocoState } from '../models/coco/state.js';

export const noKernelOops = always<CocoState>(
  'NoKernelOops',
  (s) => !s.oops,
  'no non-zeropad fault: no owner access to a not-present page, no PVALIDATE through a not-present VA',
);
