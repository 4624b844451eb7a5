/** Runs one benchmark job in a fresh process (see runOne.ts) and returns its result. */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { MatrixResult } from '../src/matrix.js';
import type { StateEncoding } from '../src/codecs/stateEncoding.js';
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

const runArgs = (job: Job, model: string, params: Record<string, RawValue>, workers: number, options: MeasuredOptions): string[] =>
  [runOne, JSON.stringify({ job, model, params, workers, ...options })];
const OUTPUT = { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 } as const;

function run(job: Job, model: string, params: Record<string, RawValue>, workers: number, options: MeasuredOptions = {}): unknown {
  return JSON.parse(execFileSync(process.execPath, runArgs(job, model, params, workers, options), OUTPUT));
}

/**
 * Two 1-worker checks at once, each in a process of its own: the seconds of the slower, as its
 * result counts them (from the check's start, as for every other figure). Two independent searches
 * share nothing but the machine, so 2 x (one alone) / this is as much as two cores give here, the
 * limit for 2 workers (caches, memory and the host's other load count).
 */
async function measureSideBySide(model: string, params: Record<string, RawValue>): Promise<number> {
  const both = [0, 1].map(() => promisify(execFile)(process.execPath, runArgs('check', model, params, 1, {}), OUTPUT));
  const results = (await Promise.all(both)).map(({ stdout }) => JSON.parse(stdout) as CheckResult);
  return Math.max(...results.map((r) => r.seconds));
}

export const measure = (model: string, params: Record<string, RawValue>, workers: number, options: MeasuredOptions = {}): CheckResult =>
  run('check', model, params, workers, options) as CheckResult;
export const measureSweep = (model: string, params: Record<string, RawValue>, workers: number): SweepResult =>
  run('sweep', model, params, workers) as SweepResult;
export const measureMatrix = (model: string, params: Record<string, RawValue>, workers: number): MatrixResult =>
  run('matrix', model, params, workers) as MatrixResult;

/** The fewest rounds of a comparison (medians kept): COCOMC_BENCH_REPEATS, 3 by default. */
export const REPEATS = Number(process.env.COCOMC_BENCH_REPEATS ?? 3);

/**
 * How long the rounds of one comparison go on at the least. The host's speed drifts by tens of
 * per cent within minutes: three rounds of a check of a few seconds fall within one such moment,
 * where three of a check of minutes span several.
 */
const LEAST_SECONDS = 60;

/**
 * Runs `round` (one run of each measurement compared, in turn) REPEATS times, and on while all
 * the rounds have taken less than LEAST_SECONDS, up to 4 x REPEATS.
 */
export async function alternate(round: () => void | Promise<void>): Promise<void> {
  const started = performance.now();
  for (let done = 1; ; done++) {
    await round();
    if (done >= 4 * REPEATS || (done >= REPEATS && performance.now() - started >= LEAST_SECONDS * 1000)) return;
  }
}

/** The run of median time. */
export const median = <R extends { seconds: number }>(runs: R[]): R => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;

/** A check with 1 and with 2 workers, and how much two cores give two independent searches of it. */
export interface WorkersMeasurement {
  one: CheckResult;
  two: CheckResult;
  /** 2 x (1 worker alone) / (two 1-worker checks at once), from the medians: the limit for `two`'s speed-up here. */
  limit: number;
}

/**
 * A check with 1 worker, with 2, and two 1-worker checks at once, alternating so that a noisy
 * moment of the shared machine hits all alike, in rounds (`alternate`); the median of each.
 */
export async function measureWorkers(model: string, params: Record<string, RawValue>): Promise<WorkersMeasurement> {
  const one: CheckResult[] = [];
  const two: CheckResult[] = [];
  const sideBySide: { seconds: number }[] = [];
  await alternate(async () => {
    one.push(measure(model, params, 1));
    two.push(measure(model, params, 2));
    sideBySide.push({ seconds: await measureSideBySide(model, params) });
  });
  const alone = median(one);
  return { one: alone, two: median(two), limit: (2 * alone.seconds) / median(sideBySide).seconds };
}

/** The header of `workerRows`'s rows, after the label column; `verdict` names the column of what the verdict function says. */
export const workerColumns = (verdict: string): string[] =>
  ['workers', 'distinct', 'transitions', verdict, 'seconds', 'distinct/s', 'transitions/s', 'B/state', '2w/1w', 'limit'];

/** The two table rows of a 1-worker/2-worker measurement, the second with the speed-up and its limit. */
export function workerRows(label: string, { one, two, limit }: WorkersMeasurement, verdict: (r: CheckResult) => string): (string | number)[][] {
  return [one, two].map((r, i) => [
    label, r.workers, r.distinctStates, r.transitions, verdict(r), r.seconds.toFixed(2),
    Math.round(r.distinctStates / r.seconds), Math.round(r.transitions / r.seconds), r.bytesPerState.toFixed(1),
    i === 0 ? '' : (one.seconds / r.seconds).toFixed(2) + 'x',
    i === 0 ? '' : limit.toFixed(2) + 'x',
  ]);
}
