/** Expands batches in the search's own thread: the one-worker runner, and the small levels of any search. */
import type { BatchRunner } from '../bfs.js';
import type { Expander } from '../expand.js';
import type { BatchRequest, BatchResult } from './messages.js';

export function inlineRunner(expander: Expander<unknown>): BatchRunner {
  return {
    crossesThreads: () => false,
    idle: async () => undefined,
    async *expandAll(requests: Iterable<BatchRequest>): AsyncIterable<BatchResult> {
      let yielded = Date.now();
      for (const request of requests) {
        yield expander.expand(request);
        // Let timers and signals (progress, Ctrl-C) run every 50 ms; not after every batch, which
        // cost small checks (the sweep runs thousands) more than their search.
        if (Date.now() - yielded > 50) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          yielded = Date.now();
        }
      }
    },
  };
}
