/** What two runs of the same check must agree on: everything but time, memory and the worker counts. */
import type { CheckResult } from '../../src/result.js';

export function comparable(result: CheckResult) {
  const { seconds, statesPerSecond, peakMemoryBytes, workers, workersUsed, ...rest } = result;
  return rest;
}
