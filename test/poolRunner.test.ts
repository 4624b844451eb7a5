/** Which levels go to the worker threads: none until one is large, then every level that can be shared. */
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchRunner } from '../src/bfs.js';
import { Expander } from '../src/expand.js';
import { LiveStatus } from '../src/parallel/liveStatus.js';
import type { BatchRequest, BatchResult } from '../src/parallel/messages.js';
import { poolRunner, type PoolRunner } from '../src/parallel/poolRunner.js';
import { flip } from '../models/flip.js';

/** The search thread's runner, which here only counts the runs it is given. */
function countingInline(): BatchRunner & { runs: number } {
  const inline = {
    runs: 0,
    crossesThreads: () => false,
    idle: async () => undefined,
    async *expandAll(): AsyncIterable<BatchResult> {
      inline.runs++;
    },
  };
  return inline;
}

/** A batch of Flip(5)'s initial state, to expand in a worker thread. */
function initialBatch(): BatchRequest {
  const params = { n: 5, packed: true };
  const bytes = new Expander(flip.build(params), false).pack(flip.build(params).initialStates[0]!);
  return {
    bytes, ends: Uint32Array.of(bytes.length), properties: new Int32Array(0), generate: true,
    checkDeadlock: false, selfLoops: false, liveness: new Int32Array(0),
  };
}

describe('the pool runner', () => {
  let runner: PoolRunner | undefined;
  afterEach(async () => runner?.close());

  it('keeps levels in the search thread until one has enough full batches, then sends every level of more than one batch', async () => {
    const inline = countingInline();
    const ref = { module: flip.module, name: flip.name, params: { n: 5, packed: true }, symmetry: false, encoding: 'derived' as const };
    runner = poolRunner(ref, 2, inline, LiveStatus.create(2), 512, 8);
    // Before the pool runs, the full batches decide, not the small ones of a level's end.
    expect(runner.crossesThreads(7, 40)).toBe(false);
    expect(runner.crossesThreads(8, 8)).toBe(true);
    for await (const result of runner.expandAll([], false)) expect(result).toBeUndefined();
    expect(inline.runs).toBe(1);

    const results: BatchResult[] = [];
    for await (const result of runner.expandAll([initialBatch()], true)) results.push(result);
    expect(results.map((result) => [result.expanded, result.transitions])).toEqual([[1, 5]]);
    expect(inline.runs).toBe(1);

    // The pool runs now: a level of small batches only is worth sharing, a single batch is not.
    expect(runner.crossesThreads(0, 2)).toBe(true);
    expect(runner.crossesThreads(0, 1)).toBe(false);
  });
});
