/**
 * Many whole checks of one model with different parameters (the sweep and the matrix): each
 * check runs in one thread, and the checks are spread over the worker threads in chunks. Results
 * come back in the order the parameter sets were given, whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { checkInThisThread } from './check.js';
import type { AnyModel } from './model.js';
import type { RawValue } from './params.js';
import type { CheckResult } from './result.js';
import { workerPool } from './workerPool.js';

export type ParamSet = Readonly<Record<string, RawValue>>;

/** A property that failed, with the length of its shortest counterexample. */
export interface Violation {
  name: string;
  traceLength: number | null;
}

/** What the sweep and the matrix keep of a check. */
export interface CheckSummary {
  /** Violated invariants and unwitnessed reachability properties, in the model's property order. */
  violated: Violation[];
  complete: boolean;
  distinctStates: number;
  transitions: number;
}

export interface ManyChecksOptions {
  workers?: number;
  properties?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Keeps the verdicts of a check: every property that failed, and how short its trace is. */
export function summarize(result: CheckResult): CheckSummary {
  return {
    violated: result.properties
      .filter((p) => p.status === 'violated' || p.status === 'unwitnessed')
      .map((p) => ({ name: p.name, traceLength: p.traceLength })),
    complete: result.complete,
    distinctStates: result.distinctStates,
    transitions: result.transitions,
  };
}

/** Checks the model once per parameter set, in this thread (a search thread per check would cost more than the check). */
export async function checkEach(model: AnyModel, paramSets: readonly ParamSet[], properties?: readonly string[]): Promise<CheckSummary[]> {
  const summaries: CheckSummary[] = [];
  for (const params of paramSets) summaries.push(summarize(await checkInThisThread(model, { workers: 1, params, properties, traces: false })));
  return summaries;
}

/**
 * Checks per task: enough to make a round trip (about 70 µs) negligible beside the sweep's small
 * checks, few enough that every worker gets several tasks (the matrix has only 48 checks).
 */
function chunkSize(checks: number, workers: number): number {
  return Math.max(1, Math.min(40, Math.ceil(checks / (workers * 8))));
}

/** Checks the model once per parameter set, spread over worker threads. */
export async function checkMany(model: AnyModel, paramSets: readonly ParamSet[], options: ManyChecksOptions = {}): Promise<CheckSummary[]> {
  const workers = options.workers ?? availableParallelism();
  const chunks: ParamSet[][] = [];
  const size = chunkSize(paramSets.length, workers);
  for (let i = 0; i < paramSets.length; i += size) chunks.push(paramSets.slice(i, i + size));
  let done = 0;
  const finished = (part: CheckSummary[]): CheckSummary[] => {
    done += part.length;
    options.onProgress?.(done, paramSets.length);
    return part;
  };
  if (workers === 1) {
    const parts: CheckSummary[][] = [];
    for (const chunk of chunks) {
      if (options.signal?.aborted) break;
      parts.push(finished(await checkEach(model, chunk, options.properties)));
    }
    return parts.flat();
  }
  const pool = workerPool(workers);
  const parts: CheckSummary[][] = [];
  const interrupted = new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
  try {
    const all = Promise.all(
      chunks.map((chunk, i) =>
        (pool.exec('checkEach', [model.module, model.name, chunk, options.properties]) as Promise<CheckSummary[]>).then((part) => {
          parts[i] = finished(part);
        }),
      ),
    );
    // Terminating the pool after Ctrl-C rejects the chunks still running; only finished ones count.
    all.catch(() => undefined);
    await Promise.race([all, interrupted]);
    // After Ctrl-C: the chunks finished so far, up to the first one missing, so results stay in order.
    const prefix = parts.findIndex((part) => part === undefined);
    return (prefix < 0 ? parts : parts.slice(0, prefix)).flat();
  } finally {
    await pool.terminate(true);
  }
}
