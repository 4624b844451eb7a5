/**
 * What any worker thread of cocomc starts with: its compiled script and the Node flags it takes
 * from the main thread. Kept apart from the pools, so that the command line can start a thread
 * before it loads anything else.
 */
import { fileURLToPath } from 'node:url';
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
