/** Expands batches in the search's own thread: the one-worker runner, and the small levels of any search. */
import type { BatchRunner } from '../bfs.js';
import type { Expander } from '../expand.js';
import { batchCount, batchRequest } from './batchRun.js';
import type { BatchResult, BatchRun } from './messages.js';

export function inlineRunner(expander: Expander<unknown>): BatchRunner {
  return {
    idle: async () => undefined,
    async *expandAll(run: BatchRun): AsyncIterable<BatchResult> {
      let yielded = Date.now();
      for (let k = 0; k < batchCount(run); k++) {
        // In order, one batch at a time: the search numbers each before the next claims anything.
        const result = expander.expand(batchRequest(run, k));
        result.claimsFinal = true;
        yield result;
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
