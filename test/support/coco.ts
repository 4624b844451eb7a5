/** Shared helpers of the CoCo model's tests: run a check, read its verdicts. */
import { check } from '../../src/check.js';
import type { CheckOptions } from '../../src/check.js';
import type { CheckResult, PropertyResult, TraceStep } from '../../src/result.js';
import { coco } from '../../models/coco/index.js';

export type Params = NonNullable<CheckOptions['params']>;

/** Checks the CoCo model in this thread (workers need the compiled dist/). */
export function run(params: Params, options: Omit<CheckOptions, 'params'> = {}): Promise<CheckResult> {
  return check(coco, { workers: 1, ...options, params });
}

/**
 * Checks one property only, without deadlock checking, so that the search stops as soon as the
 * property is decided.
 */
export async function runFor(params: Params, property: string): Promise<PropertyResult> {
  return verdict(await run(params, { properties: [property], deadlock: false }), property);
}

/** The last step of a trace. */
export function last(result: PropertyResult): TraceStep {
  if (!result.trace) throw new Error(`${result.name} has no trace`);
  return result.trace[result.trace.length - 1]!;
}

/** The verdict on one property. */
export function verdict(result: CheckResult, name: string): PropertyResult {
  const found = result.properties.find((p) => p.name === name);
  if (!found) throw new Error(`no verdict on ${name}`);
  return found;
}

/** Every property's status, by name. */
export function statuses(result: CheckResult): Record<string, string> {
  return Object.fromEntries(result.properties.map((p) => [p.name, p.status]));
}

/** The statuses of a safe protocol: every invariant holds, the protocol can complete, no deadlock. */
export const SAFE = {
  NoMismatchedAccess: 'holds',
  NoFatalMismatch: 'holds',
  ConsistentTranslations: 'holds',
  NoStaleWriteback: 'holds',
  NoKernelOops: 'holds',
  CompletesConsistently: 'holds',
  ErrorLeavesNoHazard: 'holds',
  NoErrorWithoutFaults: 'holds',
  CanComplete: 'witnessed',
  Deadlock: 'holds',
};
