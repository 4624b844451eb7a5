/** The ordering sweep on the CoCo model (spec section 8), against direct checks of the same lists. */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { summarize } from '../src/manyChecks.js';
import { sweep, sweepParams, type SweepResult } from '../src/sweep/sweep.js';
import { coco } from '../models/coco/index.js';
import { SEVEN_STEPS } from '../models/coco/protocols.js';

const TIMEOUT = 300_000;

/** A direct `cocomc check coco --steps ...` in the sweep's configuration, reduced to what the sweep keeps. */
async function direct(result: SweepResult, steps: readonly string[]) {
  return summarize(await check(coco, { workers: 1, params: { ...(result.params as object), steps: [...steps] } })).violated;
}

describe.each(['hyperv-vtom', 'tdx'] as const)('the sweep on %s', (platform) => {
  let result: SweepResult;

  it('checks all 13,700 sequences and finds the seven-step order safe', async () => {
    result = await sweep(coco, { platform }, { workers: 2 });
    expect(result.sequences).toBe(13_700);
    expect(result.results).toHaveLength(13_700);
    expect(result.complete).toBe(true);
    expect(result.params).toMatchObject({ platform, pages: 1, readers: 1 });
    expect(result.safe).toContainEqual([...SEVEN_STEPS]);
    expect(result.results.find((r) => r.steps.join() === SEVEN_STEPS.join())!.violated).toEqual([]);
  }, TIMEOUT);

  it('agrees with a direct check for every single dropped step (same properties, same lengths)', async () => {
    for (const witness of result.whyStep) {
      expect(witness.violated, witness.reason).toEqual(await direct(result, witness.steps));
    }
  }, TIMEOUT);

  it('needs flushTlb: without it a TLB entry filled before clearPresent survives the notification', () => {
    const withoutFlush = result.whyStep.find((w) => w.reason === 'without flushTlb')!;
    expect(withoutFlush.violated.map((v) => v.name)).toContain('NoMismatchedAccess');
  });

  it.runIf(platform === 'tdx')('forces the cache flush before clearPresent, since cpa_flush() skips not-present pages [I1]', () => {
    expect(result.forcedOrder).toContainEqual(['flushCache', 'clearPresent']);
    expect(result.whyStep.find((w) => w.reason === 'without flushCache')!.violated.map((v) => v.name)).toEqual(['NoStaleWriteback']);
  });

  it('forces every safe sequence to follow its forced order, and each edge is broken by an unsafe sequence', () => {
    for (const steps of result.safe) {
      for (const [before, after] of result.forcedOrder) {
        if (steps.includes(before) && steps.includes(after)) expect(steps.indexOf(before)).toBeLessThan(steps.indexOf(after));
      }
    }
    expect(result.edges.length).toBeGreaterThan(0);
    for (const witness of result.whyEdge) expect(witness.violated.length, witness.reason).toBeGreaterThan(0);
  });
});

describe('the sweep does not depend on the number of workers', () => {
  it('gives identical results with 1 and 2 workers', async () => {
    const [one, two] = [await sweep(coco, {}, { workers: 1 }), await sweep(coco, {}, { workers: 2 })];
    const { seconds: _1, workers: _w1, ...a } = one;
    const { seconds: _2, workers: _w2, ...b } = two;
    expect(b).toEqual(a);
  }, TIMEOUT);
});

describe('the sweep under kdump', () => {
  it('checks each sequence with --kexec crash, in the sweep\'s own configuration', async () => {
    const params = sweepParams(coco, coco.sweep!, { kexec: 'crash', direction: 'encrypt' });
    expect(params).toMatchObject({ kexec: 'crash', direction: 'encrypt', pages: 1, readers: 1 });
    const reference = await check(coco, { workers: 1, params: { ...params, steps: [...SEVEN_STEPS] } });
    expect(summarize(reference).violated.map((v) => v.name)).toEqual(['KexecLeavesAllPrivate']);
  });
});
