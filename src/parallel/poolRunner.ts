/**
 * Expands batches on worker threads (workerpool) when a level is large enough to share, and in
 * the search's own thread otherwise. Batches go out as packed bytes, several in flight per worker, and
 * their results are handed back strictly in request order, so who expanded a batch never shows.
 */
import type { BatchRunner } from '../bfs.js';
import type { BatchRequest, BatchResult } from './messages.js';
import type { LiveStatus } from './liveStatus.js';
import type { ModelRef } from '../modelRef.js';
import { workerPool } from './workerPool.js';

export interface PoolRunner extends BatchRunner {
  close(): Promise<void>;
}

/**
 * Until a level has this many full batches, levels stay in the search's own thread by default: the
 * pool, started only when first needed, costs about 0.2 s (a thread, and the model loaded in it),
 * which made 2 workers slower than 1 on checks of about a second. Once it runs, any level cut into
 * more than one batch goes to it: the small levels at the end of a search were otherwise expanded
 * by one thread while the others waited.
 */
export const MIN_BATCHES_FOR_WORKERS = 8;

/**
 * @param inline the search thread's own runner, for the small levels.
 * @param live the search's live status: the worker threads poll its stop flag and say there which model code they run.
 * @param heapMiB each worker thread's heap limit.
 * @param minBatches the fewest full batches a level must have to start the worker threads.
 */
export function poolRunner(ref: ModelRef, workers: number, inline: BatchRunner, live: LiveStatus, heapMiB: number, minBatches: number): PoolRunner {
  let pool: ReturnType<typeof workerPool> | undefined;
  // Batches out at once (running, queued in the pool, or done and waiting for their turn): a few per
  // worker, so that one that finishes a batch starts another at once even while an earlier batch,
  // on another worker, holds up the order in which results are taken.
  const window = workers * 4;
  const crossesThreads = (wholeBatches: number, batches: number): boolean =>
    pool === undefined ? wholeBatches >= minBatches : batches > 1;
  /** Every batch sent and not yet done, whether or not the search still wants its result. */
  const running = new Set<Promise<void>>();
  return {
    crossesThreads,
    async *expandAll(requests: Iterable<BatchRequest>, crossing: boolean): AsyncIterable<BatchResult> {
      if (!crossing) {
        yield* inline.expandAll(requests, false);
        return;
      }
      const threads = (pool ??= workerPool(workers, heapMiB));
      const out: Promise<BatchResult>[] = [];
      const iterator = requests[Symbol.iterator]();
      const submit = (): void => {
        const next = iterator.next();
        if (next.done) return;
        const request = next.value;
        const transfer = [request.bytes.buffer, request.ends.buffer] as ArrayBuffer[];
        const result = threads.exec('expand', [ref, request, live.buffer, live.threads], { transfer }) as Promise<BatchResult>;
        // Awaited in order below. `settled` tells idle() when the batch is done, and keeps one that
        // fails after the search stopped reading from going unhandled.
        const settled = result.then(() => undefined, () => undefined);
        running.add(settled);
        void settled.then(() => running.delete(settled));
        out.push(result);
      };
      for (let i = 0; i < window; i++) submit();
      while (out.length > 0) {
        const result = await out.shift()!;
        submit();
        yield result;
      }
    },
    async idle() {
      await Promise.allSettled(running);
    },
    async close() {
      await pool?.terminate(true);
    },
  };
}
