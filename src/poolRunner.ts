/**
 * Expands batches on worker threads (workerpool). Batches go out as packed bytes, several in
 * flight per worker, and their results are handed back strictly in request order.
 */
import type { BatchRunner } from './bfs.js';
import type { BatchRequest, BatchResult } from './expand.js';
import type { ModelRef } from './modelRef.js';
import { workerPool } from './workerPool.js';

export interface PoolRunner extends BatchRunner {
  close(): Promise<void>;
}

export function poolRunner(ref: ModelRef, workers: number): PoolRunner {
  const pool = workerPool(workers);
  const inFlight = workers * 2;
  return {
    copies: true,
    async *expandAll(requests: Iterable<BatchRequest>): AsyncIterable<BatchResult> {
      const queue: Promise<BatchResult>[] = [];
      const iterator = requests[Symbol.iterator]();
      const submit = (): void => {
        const next = iterator.next();
        if (next.done) return;
        const request = next.value;
        const transfer = [request.bytes.buffer, request.ends.buffer] as ArrayBuffer[];
        const result = pool.exec('expand', [ref, request], { transfer }) as Promise<BatchResult>;
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
      await pool.terminate(true);
    },
  };
}
