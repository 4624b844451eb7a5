/** Expands batches in this thread: the one-worker runner. */
import type { BatchRunner } from './bfs.js';
import type { BatchRequest, BatchResult, Expander } from './expand.js';

export function inlineRunner(expander: Expander<unknown>): BatchRunner {
  return {
    async *expandAll(requests: Iterable<BatchRequest>): AsyncIterable<BatchResult> {
      for (const request of requests) {
        yield expander.expand(request);
        // Let timers and signals (progress, Ctrl-C) run between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
  };
}
