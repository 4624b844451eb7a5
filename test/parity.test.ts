/** Determinism: 1, 2 and 3 workers give identical summaries and traces, with the worker threads really at work. */
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../src/check.js';
import type { AnyModel } from '../src/model.js';
import { dieHard } from '../models/dieHard.js';
import { flip } from '../models/flip.js';
import { naiveLock, peterson } from '../models/peterson.js';
import { comparable } from './support/comparable.js';

// Batches of a state or two, and every level sent to the worker threads however few its batches:
// diehard's, peterson's and the naive lock's levels hold at most five states. A level of at least
// minBatchesForWorkers full batches waits for the pool's threads, so that all of them take part.
const cases: [string, AnyModel, CheckOptions][] = [
  ['diehard', dieHard, { batchSize: 1, minBatchesForWorkers: 1 }],
  ['diehard, whole space', dieHard, { exhaustive: true, batchSize: 1, minBatchesForWorkers: 1 }],
  ['flip n=16, small batches', flip, { params: { n: 16 }, batchSize: 37, minBatchesForWorkers: 8 }],
  // 103,682 states: the table grows to 4 MiB once the pool is ready, whose threads touch its pages.
  ['flip n=24, a table grown by every thread', flip, { params: { n: 24 }, minBatchesForWorkers: 4 }],
  ['peterson', peterson, { batchSize: 1, minBatchesForWorkers: 1 }],
  ['naivelock', naiveLock, { batchSize: 1, minBatchesForWorkers: 1 }],
];

describe('results do not depend on the number of workers', () => {
  it.each(cases)('%s', async (_, model, options) => {
    const one = await check(model, { ...options, workers: 1 });
    expect(one.workersUsed).toBe(0);
    for (const workers of [2, 3]) {
      const many = await check(model, { ...options, workers });
      // Every worker thread expanded batches, so the equality below compares threads, not one thread with itself.
      expect(many.workersUsed).toBe(workers);
      expect(comparable(many)).toEqual(comparable(one));
    }
  });
});
