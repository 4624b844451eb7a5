/** The CoCo model gives identical results (counts, verdicts, traces) with 1 and 2 workers. */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { coco } from '../models/coco/index.js';
import { comparable } from './support/comparable.js';

const CONFIGS = [
  {},
  { platform: 'tdx', protocol: 'before' },
  { platform: 'snp', direction: 'encrypt' },
  { protocol: 'hyperv', pfnLookup: 'requires-present', readers: 1 },
  { platform: 'tdx', hostFailures: true, onError: 'free', readers: 1 },
];

describe('coco: results do not depend on the number of workers', () => {
  it.each(CONFIGS)('%j', async (params) => {
    // Small batches, and every level sent to the worker threads however few its batches.
    const options = { params, batchSize: 32, minBatchesForWorkers: 1 };
    const one = await check(coco, { ...options, workers: 1 });
    const two = await check(coco, { ...options, workers: 2 });
    // Both worker threads expanded batches: the equality compares threads, not one thread with itself.
    expect(two.workersUsed).toBe(2);
    expect(comparable(two)).toEqual(comparable(one));
  }, 120_000);
});
