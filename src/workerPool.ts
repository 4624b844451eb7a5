/**
 * The pool of worker threads that run `worker.ts`, shared by the BFS and the many-checks runner.
 */
import { fileURLToPath } from 'node:url';
import workerpool from 'workerpool';
import { runnableModule } from './modelRef.js';

/** Node flags a worker thread must not inherit: they describe the main script, not the worker's. */
const mainScriptOnly = /^--(input-type|eval|print|test)\b/;

/** A pool of `workers` threads running the compiled worker (its sibling under dist/ when run from TypeScript source). */
export function workerPool(workers: number): workerpool.Pool {
  const sibling = import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js';
  const script = fileURLToPath(runnableModule(new URL(sibling, import.meta.url).href));
  return workerpool.pool(script, {
    maxWorkers: workers,
    workerType: 'thread',
    workerThreadOpts: { execArgv: process.execArgv.filter((flag) => !mainScriptOnly.test(flag)) },
  });
}
