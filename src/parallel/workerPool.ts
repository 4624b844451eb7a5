/**
 * Worker threads: the pools that run `expandWorker.ts` (a search's batches) and `checkWorker.ts` (many checks),
 * and what any worker thread of cocomc starts with (its compiled script and Node flags).
 */
import { fileURLToPath } from 'node:url';
import workerpool from 'workerpool';
import { runnableModule } from '../modelRef.js';

/**
 * The Node flags a worker thread takes from the main one: profiling and source maps. The rest must
 * not pass: some describe the main script (`--input-type`), and V8 flags (`--max-old-space-size`)
 * make Worker refuse to start, while they already apply to the whole process.
 */
const forWorkers = /^--(cpu-prof|heap-prof|enable-source-maps)/;

/** The Node flags for a worker thread. */
export function threadExecArgv(): string[] {
  return process.execArgv.filter((flag) => forWorkers.test(flag));
}

/** The path of a thread's script, a module beside this one (its compiled sibling under dist/ when run from TypeScript source). */
export function threadScript(name: string): string {
  const sibling = import.meta.url.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`;
  return fileURLToPath(runnableModule(new URL(sibling, import.meta.url).href));
}

/**
 * A pool of `workers` threads running the compiled script `script` (`expandWorker`, which expands a
 * search's batches, or `checkWorker`, which runs whole checks). With `heapMiB`, each thread's heap
 * is capped there, so that a model that exhausts it fails that thread instead of the process.
 */
export function workerPool(script: 'expandWorker' | 'checkWorker', workers: number, heapMiB?: number): workerpool.Pool {
  return workerpool.pool(threadScript(script), {
    // Every thread from the start: the tasks of a shared level go one to each thread only if
    // each is there to take one.
    minWorkers: workers,
    maxWorkers: workers,
    workerType: 'thread',
    workerThreadOpts: {
      execArgv: threadExecArgv(),
      ...(heapMiB === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMiB } }),
    },
  });
}
