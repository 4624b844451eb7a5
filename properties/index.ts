/** The CoCo model's nine properties (spec section 7), in the spec's order. */
import type { Property } from '../src/model.js';
import type { CocoConfig } from '../models/coco/config.js';
import type { CocoState } from '../models/coco/state.js';
import { canComplete } from './canComplete.js';
import { completesConsistently } from './completesConsistently.js';
import { consistentTranslations } from './consistentTranslations.js';
import { errorLeavesNoHazard } from './errorLeavesNoHazard.js';
import { noErrorWithoutFaults } from './noErrorWithoutFaults.js';
import { noFatalMismatch } from './noFatalMismatch.js';
import { noKernelOops } from './noKernelOops.js';
import { noMismatchedAccess } from './noMismatchedAccess.js';
import { noStaleWriteback } from './noStaleWriteback.js';

export function cocoProperties(config: CocoConfig): Property<CocoState>[] {
  return [
    noMismatchedAccess,
    noFatalMismatch,
    consistentTranslations(config),
    noStaleWriteback,
    noKernelOops,
    completesConsistently(config),
    errorLeavesNoHazard,
    noErrorWithoutFaults(config),
    canComplete,
  ];
}
