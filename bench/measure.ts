/** Runs one benchmark job in a fresh process (see runOne.ts) and returns its result. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MatrixResult } from '../src/matrix.js';
import type { StateEncoding } from '../src/codecs/stateCodec.js';
import type { RawValue } from '../src/params.js';
import type { CheckResult } from '../src/result.js';
import type { SweepResult } from '../src/sweep/sweep.js';
import type { Job } from './runOne.js';

const runOne = fileURLToPath(new URL('./runOne.js', import.meta.url));

/** How a measured check runs besides its model, parameters and workers. */
export interface MeasuredOptions {
  /** As check() takes it: the derived layout by default. */
  stateEncoding?: StateEncoding;
  symmetry?: boolean;
}

function run(job: Job, model: string, params: Record<string, RawValue>, workers: number, options: MeasuredOptions = {}): unknown {
  const out = execFileSync(process.execPath, [runOne, JSON.stringify({ job, model, params, workers, ...options })], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return JSON.parse(out);
}

export const measure = (model: string, params: Record<string, RawValue>, workers: number, options: MeasuredOptions = {}): CheckResult =>
  run('check', model, params, workers, options) as CheckResult;
export const measureSweep = (model: string, params: Record<string, RawValue>, workers: number): SweepResult =>
  run('sweep', model, params, workers) as SweepResult;
export const measureMatrix = (model: string, params: Record<string, RawValue>, workers: number): MatrixResult =>
  run('matrix', model, params, workers) as MatrixResult;

/** How many times each pair of measurements is repeated (median kept): COCOMC_BENCH_REPEATS, 3 by default. */
export const REPEATS = Number(process.env.COCOMC_BENCH_REPEATS ?? 3);

/** The run of median time. */
export const median = <R extends { seconds: number }>(runs: R[]): R => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;

/**
 * A check with 1 and with 2 workers, alternating so that a noisy moment of the shared machine
 * hits both alike, repeated; the median run of each.
 */
export function measureWorkers(model: string, params: Record<string, RawValue>): [one: CheckResult, two: CheckResult] {
  const one: CheckResult[] = [];
  const two: CheckResult[] = [];
  for (let i = 0; i < REPEATS; i++) {
    one.push(measure(model, params, 1));
    two.push(measure(model, params, 2));
  }
  return [median(one), median(two)];
}

/** The two table rows of a 1-worker/2-worker pair, the second with the speed-up. */
export function workerRows(label: string, pair: [CheckResult, CheckResult], verdict: (r: CheckResult) => string): (string | number)[][] {
  return pair.map((r, i) => [
    label, r.workers, r.distinctStates, r.transitions, verdict(r), r.seconds.toFixed(2),
    Math.round(r.distinctStates / r.seconds), Math.round(r.transitions / r.seconds), r.bytesPerState.toFixed(1),
    i === 0 ? '' : (pair[0].seconds / r.seconds).toFixed(2) + 'x',
  ]);
}
