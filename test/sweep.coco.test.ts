/**
 * The ordering sweep on the CoCo model (spec section 8), against direct checks of the same lists:
 * one whole sweep, shared by its tests, on tdx, whose results are the richest (only there is the
 * cache flush forced before clearPresent [I1]). The sweep's machinery is the same on every
 * platform; hyperv-vtom's known results are pinned by direct checks (coco.test.ts), and its sweep,
 * the default one, is run from the command line in cli.sweepMatrix.test.ts. A second whole sweep
 * here cost the suite some 30 s of CPU (this file alone: 110 s of CPU with it, 78 s without).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { summarize } from '../src/manyChecks.js';
import { formatSweepTsv } from '../src/report/sweepText.js';
import { sweep, sweepParams, type SweepResult } from '../src/sweep/sweep.js';
import { coco } from '../models/coco/index.js';
import { SEVEN_STEPS } from '../models/coco/protocols.js';
import { ordering } from './fixtures/orderingModel.js';
import { bruteForceForcedOrder } from './support/forcedOrder.js';

const TIMEOUT = 300_000; // a sweep takes seconds; this allows for a machine shared with other work

/** A direct `cocomc check coco --steps ...` in the sweep's configuration, reduced to what the sweep keeps. */
async function direct(result: SweepResult, steps: readonly string[]) {
  return summarize(await check(coco, { workers: 1, params: { ...(result.params as object), steps: [...steps] } })).violated;
}

describe('the sweep on tdx', () => {
  const platform = 'tdx';
  let result: SweepResult;
  beforeAll(async () => {
    result = await sweep(coco, { platform }, { workers: 2 });
  }, TIMEOUT);

  it('checks all 13,700 sequences and finds the seven-step order safe', () => {
    expect(result.sequences).toBe(13_700);
    expect(result.results).toHaveLength(13_700);
    expect(result.complete).toBe(true);
    expect(result.params).toMatchObject({ platform, pages: 1, readers: 1 });
    expect(result.safe).toContainEqual([...SEVEN_STEPS]);
    expect(result.results.find((r) => r.steps.join() === SEVEN_STEPS.join())).toMatchObject({ verdict: 'safe', violated: [] });
  });

  it('gives one tab-separated row per sequence, with its verdict', () => {
    const rows = formatSweepTsv(result).split('\n');
    expect(rows).toHaveLength(13_701);
    expect(rows[0]).toBe('steps\tverdict\tviolated');
    expect(rows.slice(1).map((row) => row.split('\t')[1])).toEqual(result.results.map((r) => r.verdict));
    expect(rows).toContain(`${SEVEN_STEPS.join(',')}\tsafe\t`);
  });

  it('agrees with a direct check for every single dropped step (same properties, same lengths)', async () => {
    for (const witness of result.whyStep) {
      expect(witness.violated, witness.reason).toEqual(await direct(result, witness.steps));
    }
  }, TIMEOUT);

  it('needs flushTlb: without it a TLB entry filled before clearPresent survives the notification', () => {
    const withoutFlush = result.whyStep.find((w) => w.reason === 'without flushTlb')!;
    expect(withoutFlush.violated.map((v) => v.name)).toContain('NoMismatchedAccess');
  });

  it('forces the cache flush before clearPresent, since cpa_flush() skips not-present pages [I1]', () => {
    expect(result.forcedOrder).toContainEqual(['flushCache', 'clearPresent']);
    expect(result.whyStep.find((w) => w.reason === 'without flushCache')!.violated.map((v) => v.name)).toEqual(['NoStaleWriteback']);
  });

  it('forces exactly the pairs a brute force over pairs and sequences finds, and each edge is broken by an unsafe sequence', () => {
    expect(result.forcedOrder).toEqual(bruteForceForcedOrder(result.base, result.results));
    expect(result.edges.length).toBeGreaterThan(0);
    for (const witness of result.whyEdge) expect(witness.verdict, witness.reason).toBe('unsafe');
  });
});

describe('the sweep does not depend on the number of workers', () => {
  // The CoCo sweep above runs on 2 workers and must give the known answers; parity itself needs no
  // large model (a whole CoCo sweep more costs the suite half a minute), so a small one shows it.
  it('gives identical results with 1 and 2 workers', async () => {
    const [one, two] = [await sweep(ordering, {}, { workers: 1 }), await sweep(ordering, {}, { workers: 2 })];
    const { seconds: _1, workers: _w1, ...a } = one;
    const { seconds: _2, workers: _w2, ...b } = two;
    expect(b).toEqual(a);
    expect(a.complete).toBe(true);
    expect(a.results.some((r) => r.verdict === 'safe') && a.results.some((r) => r.verdict === 'unsafe')).toBe(true);
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
