/** Expands batches in the search's own thread: the one-worker runner, the small levels of any search, and the search thread's part of the shared ones. */
import type { BatchRunner } from '../bfs.js';
import type { Expander } from '../expand.js';
import { batchCount, batchRequest } from './batchRun.js';
import type { BatchResult, BatchRun } from './messages.js';

/**
 * For a loop that runs batches in this thread: a pause that lets timers and signals (progress,
 * Ctrl-C) run, once 50 ms have passed since the last, else undefined. Not after every batch, which
 * cost small checks (the sweep runs thousands) more than their search.
 */
export function pauses(): () => Promise<void> | undefined {
  let paused = Date.now();
  return () => {
    if (Date.now() - paused <= 50) return undefined;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => void (paused = Date.now()));
  };
}

/**
 * Expands batch k of a run in this thread, once every batch before it is done: its expander then
 * claimed after every smaller key was claimed, so the claims it kept are final (`claimsFinal`).
 */
export function expandInOrder(expander: Expander<unknown>, run: BatchRun, k: number): BatchResult {
  const result = expander.expand(batchRequest(run, k));
  result.claimsFinal = true;
  return result;
}

export function inlineRunner(expander: Expander<unknown>): BatchRunner {
  return {
    sharesLevels: false,
    idle: async () => undefined,
    touchPages: async () => undefined,
    async *expandAll(run: BatchRun): AsyncIterable<BatchResult> {
      const pause = pauses();
      for (let k = 0; k < batchCount(run); k++) {
        // In order, one batch at a time: the search numbers each before the next claims anything.
        yield expandInOrder(expander, run, k);
        const paused = pause();
        if (paused) await paused;
      }
    },
  };
}
