// Hazard: a notification that cannot find the PFN of a not-present page (vmalloc_to_pfn) fails every time [D3, D4, patch 1].
import { always, type Property } from '../src/model.js';
import type { CocoConfig } from '../models/coco/config.js';
import type { CocoState } from '../models/coco/state.js';

export function noErrorWithoutFaults(config: CocoConfig): Property<CocoState> {
  return always<CocoState>(
    'NoErrorWithoutFaults',
    (s) => config.hostFailures || s.result !== 'error',
    'without host failures, CPU 0 never returns an error',
  );
}
