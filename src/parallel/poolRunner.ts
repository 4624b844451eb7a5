/**
 * Expands a level's batches on worker threads (workerpool) when the level is large enough to
 * share, and in the search's own thread otherwise. A shared level's states go once into shared
 * memory, and every worker thread takes the next batch not yet taken by itself: no thread waits
 * for the search thread to hand it work while the search thread numbers the successors of
 * earlier batches. Results are handed back strictly in batch order, so who expanded a batch never
 * shows. The search thread expands no batch of a shared level: it stays free to take results and
 * to stop at a limit, whatever the model's code does in a batch.
 */
import type { BatchRunner } from '../bfs.js';
import type { BatchResult, BatchRun, ExpandWorkerData, RunBatchResult } from './messages.js';
import type { LiveStatus } from './liveStatus.js';
import type { ModelRef } from '../modelRef.js';
import { batchCount, closeRun, sharedRun } from './batchRun.js';
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

/** How a search's pool runs, besides the model its threads load. */
export interface PoolSettings {
  workers: number;
  /** The search thread's own runner, for the small levels. */
  inline: BatchRunner;
  /** The search's live status: the worker threads poll its stop flag and say there which model code they run. */
  live: LiveStatus;
  /** Each worker thread's heap limit. */
  heapMiB: number;
  /** The fewest full batches a level must have to start the worker threads. */
  minBatches: number;
  /** What each worker thread starts with. */
  start?: ExpandWorkerData;
}

export function poolRunner(ref: ModelRef, { workers, inline, live, heapMiB, minBatches, start = {} }: PoolSettings): PoolRunner {
  let pool: ReturnType<typeof workerPool> | undefined;
  /** Each worker thread's part in every shared level, whether or not the search still wants its results. */
  const running = new Set<Promise<void>>();
  return {
    async *expandAll(run: BatchRun, wholeBatches: number): AsyncIterable<BatchResult> {
      const batches = batchCount(run);
      if (pool === undefined ? wholeBatches < minBatches : batches <= 1) {
        yield* inline.expandAll(run, wholeBatches);
        return;
      }
      const threads = (pool ??= workerPool('expandWorker', workers, heapMiB, start));
      const shared = sharedRun(run, workers);
      const results: (BatchResult | undefined)[] = new Array(batches);
      let failure: { error: unknown } | undefined;
      let wake: (() => void) | undefined;
      const arrived = (): void => {
        wake?.();
        wake = undefined;
      };
      for (let t = 0; t < workers; t++) {
        const part = threads.exec('expandRun', [ref, shared, live.buffer, live.threads], {
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
      try {
        for (let k = 0; k < batches; k++) {
          while (results[k] === undefined) {
            if (failure) throw failure.error;
            await new Promise<void>((resolve) => (wake = resolve));
          }
          const result = results[k]!;
          results[k] = undefined;
          yield result;
        }
      } finally {
        // The search stopped reading: the batches under way finish (see `idle`), no more are taken.
        closeRun(shared);
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
