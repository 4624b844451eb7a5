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
    // Small batches, so that most levels have enough of them to go to the worker threads.
    const one = comparable(await check(coco, { params, workers: 1, batchSize: 32 }));
    const two = comparable(await check(coco, { params, workers: 2, batchSize: 32 }));
    expect(two).toEqual(one);
  }, 120_000);
});
