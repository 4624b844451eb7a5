/**
 * Expands a level's batches on several threads when the level is large enough to share, and in
 * the search's own thread otherwise. A search on N workers has a pool of N - 1 worker threads
 * (workerpool), and its own thread is the Nth: N threads share N cores, not N + 1, and the pool
 * pays for one thread fewer to start, load the model and compile the hot loop afresh.
 *
 * A shared level's states are where the search keeps them, in shared memory (see Frontier). The
 * search thread expands its batches in order, each only once every batch before it is done, as one
 * worker would: so a model whose code never returns stops it only where a search on one worker
 * would stop too, never ahead of a fault or a limit an earlier batch meets (the thread that
 * supervises the search reports it then). Its claims are then final when made, and its results
 * need no copy. The pool's threads take batches ahead of it, each far enough ahead to be done when
 * the search thread comes to it (see `takeBatch`); their results wait, each sent as soon as it is
 * made, until the search thread reaches them, and it numbers them as it goes. Results are handed
 * back strictly in batch order, so who expanded a batch never shows. A grown seen-set table's
 * pages are touched by every thread at once (`touchPages`).
 */
import type { BatchRunner } from '../bfs.js';
import type { Expander } from '../expand.js';
import type { BatchResult, BatchRun, ExpandWorkerData, RunBatchResult } from './messages.js';
import type { LiveStatus } from './liveStatus.js';
import type { ModelRef } from '../modelRef.js';
import { batchCount, closeRun, endsRun, searchCost, sharedRun, takeInOrder } from './batchRun.js';
import { expandInOrder, inlineRunner, pauses } from './inlineRunner.js';
import { pageParts, touchPages } from './firstTouch.js';
import { workerPool } from './workerPool.js';

export interface PoolRunner extends BatchRunner {
  close(): Promise<void>;
}

/**
 * A level of at least this many full batches is shared with the pool's threads, after waiting for
 * them to be ready if they are not yet; a smaller one (of two batches or more) only once they are.
 * The pool starts (its threads load the model and make its codec) at the first level of two full
 * batches, on a core the search thread leaves idle, so that it is ready by the time the levels
 * grow this large: on Flip(28), about 0.25 s after it starts, two levels later.
 */
export const MIN_BATCHES_FOR_WORKERS = 32;

/** The fewest full batches of a level that start the pool (fewer when MIN_BATCHES_FOR_WORKERS is set lower). */
const BATCHES_TO_START = 2;

/** The least part of a new buffer a thread of the pool is asked to touch (see `touchPages`). */
const MIN_BYTES_TO_SHARE = 1 << 20;

/** How a search's pool runs, besides the model its threads load. */
export interface PoolSettings {
  /** Threads that expand: the search thread and `workers - 1` threads of the pool. */
  workers: number;
  /** The search thread's expander: the small levels, and its part of the shared ones. */
  expander: Expander<unknown>;
  /** The search's live status: the worker threads poll its stop flag and say there which model code they run. */
  live: LiveStatus;
  /** Each worker thread's heap limit. */
  heapMiB: number;
  /** The fewest full batches of a level that is shared whether or not the pool's threads are ready. */
  minBatches: number;
  /** What each worker thread starts with. */
  start?: ExpandWorkerData;
}

export function poolRunner(ref: ModelRef, { workers, expander, live, heapMiB, minBatches, start = {} }: PoolSettings): PoolRunner {
  const inline = inlineRunner(expander);
  const poolThreads = workers - 1;
  /** What expanding a state last cost the search thread, in nanoseconds, in a shared run (0 until then). */
  let searchNs = 0;
  let pool: ReturnType<typeof workerPool> | undefined;
  /** Settles once every thread of the pool has loaded the model and made its codec, or one could not. */
  let preparing: Promise<void> | undefined;
  /** Word 0: the pool's threads that have loaded the model and made their codec (see ExpandWorkerData), read without waiting for a message. */
  const prepared = new Int32Array(new SharedArrayBuffer(4));
  const ready = (): boolean => Atomics.load(prepared, 0) >= poolThreads;
  /** Each worker thread's part in every shared level, whether or not the search still wants its results. */
  const running = new Set<Promise<void>>();

  /**
   * Resolves once every thread of the pool is done with its part in the levels before, and this
   * thread has read their answers: workerpool hands a thread a task only once the answer to its
   * last has come in, and this thread reads answers only when it waits, so a task given before
   * reached the pool only at this thread's next pause (50 ms into a level of Flip(28); after the
   * search thread's own part of a table to touch, so that the two parts were touched one after
   * the other).
   */
  async function idle(): Promise<void> {
    await Promise.allSettled(running);
  }

  function startPool(): ReturnType<typeof workerPool> {
    const threads = workerPool('expandWorker', poolThreads, heapMiB, { ...start, model: ref, prepared });
    // One task per thread, as each takes one at a time. A failure is thrown by the first level
    // that waits for the pool; a level that does not wait is expanded without it.
    preparing = Promise.all(Array.from({ length: poolThreads }, () => threads.exec('prepare', [ref]))).then(() => undefined);
    preparing.catch(() => undefined);
    return threads;
  }

  return {
    sharesLevels: true,
    async *expandAll(run: BatchRun, wholeBatches: number): AsyncIterable<BatchResult> {
      const batches = batchCount(run);
      if (pool === undefined && wholeBatches >= Math.min(BATCHES_TO_START, minBatches)) pool = startPool();
      if (pool === undefined || batches <= 1 || (!ready() && wholeBatches < minBatches)) {
        yield* inline.expandAll(run, wholeBatches);
        return;
      }
      // Every thread of the pool is ready when a level is shared, and free (`idle`), so each takes part in it.
      await preparing;
      await idle();
      const shared = sharedRun(run, poolThreads, searchNs);
      const results: (BatchResult | undefined)[] = new Array(batches);
      let failure: { error: unknown } | undefined;
      let wake: (() => void) | undefined;
      const arrived = (): void => {
        wake?.();
        wake = undefined;
      };
      for (let t = 0; t < poolThreads; t++) {
        const part = pool.exec('expandRun', [ref, shared, live.buffer, live.threads], {
          on: ({ batch, result }: RunBatchResult) => {
            results[batch] = result;
            arrived();
          },
        }) as Promise<void>;
        // `settled` tells idle() when this thread is done with the level, and keeps a failure after
        // the search stopped reading from going unhandled.
        const settled = part.then(() => undefined, (error: unknown) => {
          failure ??= { error };
          arrived();
        });
        running.add(settled);
        void settled.then(() => running.delete(settled));
      }
      const pause = pauses();
      try {
        for (let k = 0; k < batches; k++) {
          let result = results[k];
          while (result === undefined) {
            if (failure) throw failure.error;
            if (takeInOrder(shared, k)) {
              live.searchTookPart();
              const from = performance.now();
              // The pool's threads claim only for later batches, of larger keys.
              result = expandInOrder(expander, shared, k);
              if (result.expanded > 0) {
                searchNs = ((performance.now() - from) * 1e6) / result.expanded;
                searchCost(shared, searchNs);
              }
              if (endsRun(result)) closeRun(shared);
            } else {
              await new Promise<void>((resolve) => (wake = resolve));
              result = results[k];
            }
          }
          results[k] = undefined;
          yield result;
          const paused = pause();
          if (paused) await paused;
        }
      } finally {
        // The search stopped reading: the batches under way finish (see `idle`), no more are taken.
        closeRun(shared);
      }
    },
    idle,
    async touchPages(buffer: SharedArrayBuffer) {
      // Only once the pool's threads are ready, with at least a MiB each: a message costs less than that.
      const threads = pool;
      if (threads === undefined || !ready() || buffer.byteLength < (poolThreads + 1) * MIN_BYTES_TO_SHARE) return;
      await idle();
      const [own, ...others] = pageParts(buffer.byteLength, poolThreads + 1);
      const touched = others.map(({ from, to }) => threads.exec('touchPages', [buffer, from, to]));
      touchPages(buffer, own!.from, own!.to);
      await Promise.all(touched);
    },
    async close() {
      await pool?.terminate(true);
    },
  };
}
