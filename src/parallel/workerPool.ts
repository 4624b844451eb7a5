/** Worker threads: the pools that run `expandWorker.ts` (a search's batches) and `checkWorker.ts` (many checks). */
import workerpool from 'workerpool';
import { threadExecArgv, threadScript } from './threadScript.js';

/**
 * A pool of `workers` threads running the compiled script `script` (`expandWorker`, which expands a
 * search's batches, or `checkWorker`, which runs whole checks). With `heapMiB`, each thread's heap
 * is capped there, so that a model that exhausts it fails that thread instead of the process.
 * `workerData` is what every thread starts with.
 */
export function workerPool(script: 'expandWorker' | 'checkWorker', workers: number, heapMiB?: number, workerData?: unknown): workerpool.Pool {
  return workerpool.pool(threadScript(script), {
    // Every thread from the start: the tasks of a shared level go one to each thread only if
    // each is there to take one.
    minWorkers: workers,
    maxWorkers: workers,
    workerType: 'thread',
    workerThreadOpts: {
      execArgv: threadExecArgv(),
      workerData,
      ...(heapMiB === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMiB } }),
    },
  });
}
