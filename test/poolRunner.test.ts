/** The pool runner: which levels are shared between threads, and results handed back in batch order whoever expanded them. */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Expander } from '../src/expand.js';
import { inlineRunner } from '../src/parallel/inlineRunner.js';
import { LiveStatus } from '../src/parallel/liveStatus.js';
import type { BatchResult, BatchRun } from '../src/parallel/messages.js';
import { poolRunner, type PoolRunner } from '../src/parallel/poolRunner.js';
import { flip } from '../models/flip.js';

const params = { n: 12, packed: true };
const ref = { module: flip.module, name: flip.name, params, symmetry: false, encoding: 'derived' as const };

/** A run of `count` rings of Flip(12) (the bits of 0, 7, 14, ...), cut into batches of `size`. */
function ringRun(expander: Expander<unknown>, count: number, size: number): BatchRun {
  const packed = Array.from({ length: count }, (_, i) => expander.pack(Array.from({ length: params.n }, (_, bit) => (((i * 7) >> bit) & 1) === 1)));
  const bytes = new Uint8Array(packed.reduce((sum, p) => sum + p.length, 0));
  const ends = new Uint32Array(count);
  packed.reduce((at, p, i) => {
    bytes.set(p, at);
    ends[i] = at + p.length;
    return ends[i]!;
  }, 0);
  return {
    states: { bytes, ends },
    starts: Uint32Array.from({ length: Math.ceil(count / size) }, (_, k) => k * size),
    ask: { properties: Int32Array.of(0), generate: true, checkDeadlock: false, selfLoops: false, liveness: new Int32Array(0) },
  };
}

/** What a batch's result says, in plain values (the search thread's own results are views it reuses). */
const summary = (result: BatchResult): unknown => ({
  transitions: result.transitions,
  expanded: result.expanded,
  findings: [...result.findings],
  meta: [...result.meta],
  ends: [...result.successors.ends],
  bytes: [...result.successors.bytes.subarray(0, result.successors.ends.at(-1) ?? 0)],
});

async function summaries(results: AsyncIterable<BatchResult>): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const result of results) all.push(summary(result));
  return all;
}

describe('the pool runner', () => {
  let runner: PoolRunner | undefined;
  afterEach(async () => runner?.close());

  it('hands back the same results in batch order whether the search thread expands a level alone or the pool shares it', async () => {
    const expander = new Expander(flip.build(params), false);
    const live = LiveStatus.create(2);
    runner = poolRunner(ref, { workers: 2, inline: inlineRunner(expander as Expander<unknown>), live, heapMiB: 512, minBatches: 4 });
    const run = ringRun(expander as Expander<unknown>, 600, 16);
    const expected = await summaries(inlineRunner(new Expander(flip.build(params), false) as Expander<unknown>).expandAll(run, 1));
    expect(expected).toHaveLength(38);

    // Too few full batches to start the pool: the search thread expands the level alone.
    expect(await summaries(runner.expandAll(run, 3))).toEqual(expected);
    expect(live.workersUsed()).toBe(0);
    // Enough: the pool starts, and its two threads share the level.
    expect(await summaries(runner.expandAll(run, 4))).toEqual(expected);
    await runner.idle();
    expect(live.workersUsed()).toBe(2);
    // Once the pool runs, a level is shared whatever its size.
    expect(await summaries(runner.expandAll(run, 1))).toEqual(expected);
  });

  it('leaves nothing of a level the search stopped reading to the next one', async () => {
    const expander = new Expander(flip.build(params), false);
    runner = poolRunner(ref, { workers: 2, inline: inlineRunner(expander as Expander<unknown>), live: LiveStatus.create(2), heapMiB: 512, minBatches: 1 });
    const run = ringRun(expander as Expander<unknown>, 3000, 16);
    const expected = await summaries(inlineRunner(new Expander(flip.build(params), false) as Expander<unknown>).expandAll(run, 1));
    let read = 0;
    for await (const result of runner.expandAll(run, 1)) {
      expect(summary(result)).toEqual(expected[read]);
      if (++read === 3) break;
    }
    await runner.idle();
    expect(await summaries(runner.expandAll(run, 1))).toEqual(expected);
  });

  it('hands each result over in buffers of its own size', async () => {
    const expander = new Expander(flip.build(params), false);
    runner = poolRunner(ref, { workers: 2, inline: inlineRunner(expander as Expander<unknown>), live: LiveStatus.create(2), heapMiB: 512, minBatches: 1 });
    for await (const { successors, meta } of runner.expandAll(ringRun(expander as Expander<unknown>, 600, 16), 1)) {
      for (const array of [successors.bytes, successors.ends, meta]) expect(array.buffer.byteLength).toBe(array.byteLength);
    }
  });

  // The first buffer a thread detaches makes V8 throw out every function it compiled on typed
  // arrays there: the hot loop, compiled once more in each worker thread (see expandWorker.ts).
  it('detaches no buffer in its threads (a check of the build in dist/)', () => {
    const run = spawnSync(process.execPath, ['--trace-protector-invalidation', 'dist/src/cli.js', 'check', 'flip', '--n', '12', '--workers', '2', '--batch-size', '4', '--json'], { encoding: 'utf8' });
    expect(run.stdout).not.toContain('ArrayBufferDetaching');
    expect([run.status, JSON.parse(run.stdout).workersUsed]).toEqual([0, 2]);
  });
});
