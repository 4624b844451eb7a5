/** Determinism: 1, 2 and 3 workers give identical summaries and traces. */
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../src/check.js';
import type { AnyModel } from '../src/model.js';
import { dieHard } from '../models/dieHard.js';
import { flip } from '../models/flip.js';
import { naiveLock, peterson } from '../models/peterson.js';
import { comparable } from './support/comparable.js';


// Small batches, so that levels have enough of them to go to the worker threads (diehard's and
// peterson's levels are too small even so: for them this checks the main thread's runner).
const cases: [string, AnyModel, CheckOptions][] = [
  ['diehard', dieHard, { batchSize: 1 }],
  ['diehard, whole space', dieHard, { exhaustive: true, batchSize: 1 }],
  ['flip n=16, small batches', flip, { params: { n: 16 }, batchSize: 37 }],
  ['peterson', peterson, { batchSize: 1 }],
  ['naivelock', naiveLock, { batchSize: 2 }],
];

describe('results do not depend on the number of workers', () => {
  it.each(cases)('%s', async (_, model, options) => {
    const one = comparable(await check(model, { ...options, workers: 1 }));
    expect(comparable(await check(model, { ...options, workers: 2 }))).toEqual(one);
    expect(comparable(await check(model, { ...options, workers: 3 }))).toEqual(one);
  });
});
