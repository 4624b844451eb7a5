/** The pool runner: which levels are shared between threads, and results handed back in batch order whoever expanded them. */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Expander } from '../src/expand.js';
import { Frontier } from '../src/frontier.js';
import { closeRun, joinRun, searchCost, sharedRun, takeBatch, takeInOrder } from '../src/parallel/batchRun.js';
import { inlineRunner } from '../src/parallel/inlineRunner.js';
import { LiveStatus } from '../src/parallel/liveStatus.js';
import type { BatchResult, BatchRun } from '../src/parallel/messages.js';
import { poolRunner, type PoolRunner } from '../src/parallel/poolRunner.js';
import { flip } from '../models/flip.js';

const params = { n: 12, packed: true };
const ref = { module: flip.module, name: flip.name, params, symmetry: false, encoding: 'derived' as const };

const ringAsk = { properties: Int32Array.of(0), generate: true, checkDeadlock: false, selfLoops: false, liveness: new Int32Array(0) };

/** A run of `count` rings of Flip(12) (the bits of 0, 7, 14, ...), cut into batches of `size`. */
function ringRun(expander: Expander<unknown>, count: number, size: number): BatchRun {
  const level = new Frontier(true);
  for (let i = 0; i < count; i++) {
    const packed = expander.pack(Array.from({ length: params.n }, (_, bit) => (((i * 7) >> bit) & 1) === 1));
    level.push(packed, 0, packed.length);
  }
  return {
    states: level.slice(0, count),
    starts: Uint32Array.from({ length: Math.ceil(count / size) }, (_, k) => k * size),
    ask: ringAsk,
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

  /** A runner of two workers sharing levels of at least `minBatches` full batches, a level of 600 rings in batches of 16, and what the search thread alone makes of it. */
  async function twoWorkers(minBatches: number): Promise<{ runner: PoolRunner; live: LiveStatus; run: BatchRun; expected: unknown[] }> {
    const expander = new Expander(flip.build(params), false) as Expander<unknown>;
    const live = LiveStatus.create(2);
    const run = ringRun(expander, 600, 16);
    const expected = await summaries(inlineRunner(new Expander(flip.build(params), false) as Expander<unknown>).expandAll(run, 1));
    return { runner: poolRunner(ref, { workers: 2, expander, live, heapMiB: 512, minBatches }), live, run, expected };
  }

  it('hands back the same results in batch order whether the search thread expands a level alone or the pool shares it', async () => {
    const { runner: made, live, run, expected } = await twoWorkers(4);
    runner = made;
    expect(expected).toHaveLength(38);

    // Too few full batches to wait for the pool, which starts now: the search thread expands the level alone.
    expect(await summaries(runner.expandAll(run, 3))).toEqual(expected);
    expect(live.workersUsed()).toBe(0);
    // Enough: once the pool's thread is ready, it shares the level with the search thread.
    expect(await summaries(runner.expandAll(run, 4))).toEqual(expected);
    await runner.idle();
    expect(live.workersUsed()).toBe(2);
    // Once the pool is ready, a level is shared whatever its size.
    expect(await summaries(runner.expandAll(run, 1))).toEqual(expected);
  });

  it('touches a new buffer between two shared levels and shares the next level as before', async () => {
    const { runner: made, live, run, expected } = await twoWorkers(1);
    runner = made;
    expect(await summaries(runner.expandAll(run, 1))).toEqual(expected);
    // Large enough for the pool's thread to touch a part: it is asked once its answer for the level is read.
    const buffer = new SharedArrayBuffer(4 * 2 ** 20);
    await runner.touchPages(buffer);
    expect(new Uint8Array(buffer).every((byte) => byte === 0)).toBe(true);
    expect(await summaries(runner.expandAll(run, 1))).toEqual(expected);
    expect(live.workersUsed()).toBe(2);
  });

  it('leaves nothing of a level the search stopped reading to the next one', async () => {
    const expander = new Expander(flip.build(params), false);
    runner = poolRunner(ref, { workers: 2, expander: expander as Expander<unknown>, live: LiveStatus.create(2), heapMiB: 512, minBatches: 1 });
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

  it('hands over in buffers of their own size all results but those the search thread has just made', async () => {
    const expander = new Expander(flip.build(params), false) as Expander<unknown>;
    // What the search thread's expander returns is a view of its reused buffers, handed over as it is when next in order.
    const madeHere = new Set<BatchResult>();
    const expand = expander.expand.bind(expander);
    expander.expand = (request) => {
      const result = expand(request);
      madeHere.add(result);
      return result;
    };
    runner = poolRunner(ref, { workers: 2, expander, live: LiveStatus.create(2), heapMiB: 512, minBatches: 1 });
    let copies = 0;
    for await (const result of runner.expandAll(ringRun(expander, 3000, 16), 1)) {
      if (madeHere.has(result)) continue;
      copies++;
      for (const array of [result.successors.bytes, result.successors.ends, result.meta]) expect(array.buffer.byteLength).toBe(array.byteLength);
    }
    expect(copies).toBeGreaterThan(0);
  });

  // The first buffer a thread detaches makes V8 throw out every function it compiled on typed
  // arrays there: the hot loop, compiled once more in each worker thread (see expandWorker.ts).
  it('detaches no buffer in its threads (a check of the build in dist/)', () => {
    const run = spawnSync(process.execPath, ['--trace-protector-invalidation', 'dist/src/cli.js', 'check', 'flip', '--n', '12', '--workers', '2', '--batch-size', '1', '--json'], { encoding: 'utf8' });
    expect(run.stdout).not.toContain('ArrayBufferDetaching');
    expect([run.status, JSON.parse(run.stdout).workersUsed]).toEqual([0, 2]);
  });
});

describe('a shared run', () => {
  /** `count` batches of a state each, for the search thread and one pool thread; expanding a state cost the search thread `searchNs`. */
  const batchesOfOne = (count: number, searchNs: number): ReturnType<typeof sharedRun> => {
    const level = new Frontier(true);
    for (let i = 0; i < count; i++) level.push(Uint8Array.of(i), 0, 1);
    return sharedRun({ states: level.slice(0, count), starts: Uint32Array.from({ length: count }, (_, k) => k), ask: ringAsk }, 1, searchNs);
  };

  it('is made only of states in shared memory, which the pool reads where they are', () => {
    const plain = new Frontier();
    plain.push(Uint8Array.of(1), 0, 1);
    expect(() => sharedRun({ states: plain.slice(0, 1), starts: Uint32Array.of(0), ask: ringAsk }, 1, 0)).toThrow(/not in shared memory/);
    const run = batchesOfOne(4, 100);
    expect(run.states.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('goes to the pool ahead of the search thread, leaving it 1.5 times the states the pool takes in the same time', () => {
    const run = batchesOfOne(8, 100);
    expect(takeInOrder(run, 0)).toBe(true);
    // As fast as the search thread: batches 1 and 2 before it, 2 states, at least 1.5.
    expect(joinRun(run, 100)).toBe(3);
    // Batches 1 and 2 are still before the next one: batch 4.
    expect(takeBatch(run, 100)).toBe(4);
    // Twice as slow: 3 states before it, batches 1, 2 and 5: batch 6.
    expect(takeBatch(run, 200)).toBe(6);
    expect(takeInOrder(run, 1)).toBe(true);
    // Batch 3 is the pool's: the search thread waits for its result.
    expect(takeInOrder(run, 3)).toBe(false);
  });

  it('goes ahead by the search thread\'s latest cost, and four times as far for a thread that has none of its own yet', () => {
    const run = batchesOfOne(12, 100);
    // A new thread leaves the search thread 4 x 1.5 = 6 states.
    expect(takeBatch(run, undefined)).toBe(6);
    // The search thread now expands three times as slowly: a pool thread as slow as it was needs half a state before it.
    searchCost(run, 300);
    expect(takeBatch(run, 100)).toBe(1);
  });

  it('keeps a search thread\'s cost of over two seconds a state in its word', () => {
    const run = batchesOfOne(8, 100);
    searchCost(run, 3e9);
    // Read as 2^31 - 1 ns: a pool thread at 3 s a state needs 1.4 x 1.5 = 2.1 states before it.
    expect(takeBatch(run, 3e9)).toBe(3);
  });

  it('leaves the last batches to the search thread, but gives a pool thread its first of a run even there', () => {
    const run = batchesOfOne(4, 100);
    expect(takeInOrder(run, 0)).toBe(true);
    expect(takeInOrder(run, 1)).toBe(true);
    // Batches 2 and 3 are left: neither has 1.5 states before it, so a first batch is the last left.
    expect(joinRun(run, 100)).toBe(3);
    expect(takeBatch(run, 100)).toBeUndefined();
    // Another thread's first: the last left.
    expect(takeBatch(run, 100, true)).toBe(2);
  });

  it('gives the pool nothing more once the run is closed', () => {
    const run = batchesOfOne(8, 100);
    expect(joinRun(run, 100)).toBe(2);
    closeRun(run);
    expect(takeBatch(run, 100)).toBeUndefined();
    expect(takeBatch(run, 100, true)).toBeUndefined();
    expect(takeInOrder(run, 0)).toBe(true);
  });

  it('keeps a batch for each pool thread that has not joined', () => {
    const run = batchesOfOne(4, 100);
    expect([0, 1, 2].map((k) => takeInOrder(run, k))).toEqual([true, true, true]);
    expect(takeInOrder(run, 3)).toBe(false);
    expect(joinRun(run, 100)).toBe(3);
  });
});
