/**
 * The pool of worker threads that run `worker.ts`, shared by the BFS and the many-checks runner.
 */
import { fileURLToPath } from 'node:url';
import workerpool from 'workerpool';
import { runnableModule } from './modelRef.js';

/**
 * The Node flags a worker thread takes from the main one: profiling and source maps. The rest must
 * not pass: some describe the main script (`--input-type`), and V8 flags (`--max-old-space-size`)
 * make Worker refuse to start, while they already apply to the whole process.
 */
const forWorkers = /^--(cpu-prof|heap-prof|enable-source-maps)/;

/** A pool of `workers` threads running the compiled worker (its sibling under dist/ when run from TypeScript source). */
export function workerPool(workers: number): workerpool.Pool {
  const sibling = import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js';
  const script = fileURLToPath(runnableModule(new URL(sibling, import.meta.url).href));
  return workerpool.pool(script, {
    maxWorkers: workers,
    workerType: 'thread',
    workerThreadOpts: { execArgv: process.execArgv.filter((flag) => forWorkers.test(flag)) },
  });
}
