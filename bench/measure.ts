/** Runs one benchmark job in a fresh process (see runOne.ts) and returns its result. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MatrixResult } from '../src/matrix.js';
import type { RawValue } from '../src/params.js';
import type { CheckResult } from '../src/result.js';
import type { SweepResult } from '../src/sweep/sweep.js';
import type { Job } from './runOne.js';

const runOne = fileURLToPath(new URL('./runOne.js', import.meta.url));

function run(job: Job, model: string, params: Record<string, RawValue>, workers: number): unknown {
  const out = execFileSync(process.execPath, [runOne, JSON.stringify({ job, model, params, workers })], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return JSON.parse(out);
}

export const measure = (model: string, params: Record<string, RawValue>, workers: number): CheckResult =>
  run('check', model, params, workers) as CheckResult;
export const measureSweep = (model: string, params: Record<string, RawValue>, workers: number): SweepResult =>
  run('sweep', model, params, workers) as SweepResult;
export const measureMatrix = (model: string, params: Record<string, RawValue>, workers: number): MatrixResult =>
  run('matrix', model, params, workers) as MatrixResult;
