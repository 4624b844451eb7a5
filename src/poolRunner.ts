/**
 * Expands batches on worker threads (workerpool) when a level is large enough to share, and in
 * the main thread otherwise. Batches go out as packed bytes, several in flight per worker, and
 * their results are handed back strictly in request order, so who expanded a batch never shows.
 */
import type { BatchRunner } from './bfs.js';
import type { BatchRequest, BatchResult } from './expand.js';
import type { ModelRef } from './modelRef.js';
import { workerPool } from './workerPool.js';

export interface PoolRunner extends BatchRunner {
  close(): Promise<void>;
}

/**
 * Levels of fewer batches stay in the main thread: sending them costs more than it saves, and the
 * pool, started only when first needed, costs about 0.2 s (a thread, and the model loaded in it),
 * which made 2 workers slower than 1 on checks of about a second.
 */
const MIN_BATCHES_FOR_WORKERS = 8;

/** @param inline the main thread's runner, for the small levels. */
export function poolRunner(ref: ModelRef, workers: number, inline: BatchRunner): PoolRunner {
  let pool: ReturnType<typeof workerPool> | undefined;
  const inFlight = workers * 2;
  const crossesThreads = (batches: number): boolean => batches >= MIN_BATCHES_FOR_WORKERS;
  return {
    crossesThreads,
    async *expandAll(requests: Iterable<BatchRequest>, batches: number): AsyncIterable<BatchResult> {
      if (!crossesThreads(batches)) {
        yield* inline.expandAll(requests, batches);
        return;
      }
      const threads = (pool ??= workerPool(workers));
      const queue: Promise<BatchResult>[] = [];
      const iterator = requests[Symbol.iterator]();
      const submit = (): void => {
        const next = iterator.next();
        if (next.done) return;
        const request = next.value;
        const transfer = [request.bytes.buffer, request.ends.buffer] as ArrayBuffer[];
        const result = threads.exec('expand', [ref, request], { transfer }) as Promise<BatchResult>;
        // Awaited in order below; this keeps a batch that fails after an early exit from going unhandled.
        result.catch(() => undefined);
        queue.push(result);
      };
      for (let i = 0; i < inFlight; i++) submit();
      while (queue.length > 0) {
        const result = await queue.shift()!;
        submit();
        yield result;
      }
    },
    async close() {
      await pool?.terminate(true);
    },
  };
}
