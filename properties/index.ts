/**
 * The CoCo model's nine properties (spec section 7), and under kexec two more (spec 11.7), in the
 * specs' order; then a liveness property checked only when named.
 */
import type { Property } from '../src/model.js';
import type { CocoConfig } from '../models/coco/config.js';
import { stopped } from '../models/coco/kexec.js';
import type { CocoState } from '../models/coco/state.js';
import { canComplete } from './canComplete.js';
import { completesConsistently } from './completesConsistently.js';
import { consistentTranslations } from './consistentTranslations.js';
import { conversionReturns } from './conversionReturns.js';
import { errorLeavesNoHazard } from './errorLeavesNoHazard.js';
import { kexecAccounting } from './kexecAccounting.js';
import { kexecLeavesAllPrivate } from './kexecLeavesAllPrivate.js';
import { noErrorWithoutFaults } from './noErrorWithoutFaults.js';
import { noFatalMismatch } from './noFatalMismatch.js';
import { noKernelOops } from './noKernelOops.js';
import { noMismatchedAccess } from './noMismatchedAccess.js';
import { noStaleWriteback } from './noStaleWriteback.js';

export function cocoProperties(config: CocoConfig): Property<CocoState>[] {
  return [
    noMismatchedAccess,
    noFatalMismatch,
    untilStopped(config, consistentTranslations(config)),
    noStaleWriteback,
    noKernelOops,
    untilStopped(config, completesConsistently(config)),
    errorLeavesNoHazard,
    noErrorWithoutFaults(config),
    ...(config.kexec === 'none' ? [] : [kexecLeavesAllPrivate(config), kexecAccounting]),
    canComplete,
    conversionReturns(config),
  ];
}

/**
 * Spec 11.7: once kexec has stopped CPUs 0..readers their mappings are never used again, and the
 * walk deliberately leaves them inconsistent, so these two hold in every stopped state.
 */
function untilStopped(config: CocoConfig, property: Property<CocoState>): Property<CocoState> {
  if (config.kexec === 'none') return property;
  return { ...property, holds: (s) => stopped(config, s) || property.holds(s) };
}
