/**
 * One benchmark measurement in a process of its own: `node dist/bench/runOne.js '{"job":...}'`
 * prints the result as JSON. A fresh process per measurement keeps one run's heap from slowing
 * the next (measured: a CoCo check took twice as long after Flip(32) in the same process).
 */
import { check } from '../src/check.js';
import { findModel } from '../src/cli/models.js';
import { matrix } from '../src/matrix.js';
import type { StateEncoding } from '../src/codecs/stateEncoding.js';
import type { RawValue } from '../src/params.js';
import { sweep } from '../src/sweep/sweep.js';

export type Job = 'check' | 'sweep' | 'matrix';

const { job, model, params, workers, stateEncoding, symmetry } = JSON.parse(process.argv[2]!) as {
  job: Job; model: string; params: Record<string, RawValue>; workers: number; stateEncoding?: StateEncoding; symmetry?: boolean;
};
const definition = await findModel(model);
const runs = {
  check: () => check(definition, { params, workers, traces: false, stateEncoding, symmetry }),
  sweep: () => sweep(definition, params, { workers }),
  matrix: () => matrix(definition, params, { workers }),
};
process.stdout.write(JSON.stringify(await runs[job]()));
