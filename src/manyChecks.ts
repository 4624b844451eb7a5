/**
 * Many whole checks of one model with different parameters (the sweep and the matrix): each
 * check runs in one thread, and the checks are spread over the worker threads in chunks. Results
 * come back in the order the parameter sets were given, whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { checkInThisThread } from './check.js';
import { selectProperties } from './checkedProperties.js';
import type { AnyModel } from './model.js';
import { requireThreadsRebuild } from './modelRef.js';
import { instantiate } from './modelInstance.js';
import type { RawValue } from './params.js';
import { verdictOf, type CheckResult } from './result.js';
import { workerPool } from './parallel/workerPool.js';

export type ParamSet = Readonly<Record<string, RawValue>>;

/** A property that failed, with the length of its shortest counterexample. */
export interface Violation {
  name: string;
  traceLength: number | null;
}

/**
 * What a study (the sweep, the matrix) may say of one check: `unsafe` once a property fails (a
 * counterexample stands even if the search was cut short), `safe` only when the check decided
 * every property, and `not checked` when it did not run or did not finish.
 */
export type StudyVerdict = 'safe' | 'unsafe' | 'not checked';

/** What the sweep and the matrix keep of a check. */
export interface CheckSummary {
  verdict: StudyVerdict;
  /** Violated invariants and unwitnessed reachability properties, in the model's property order. */
  violated: Violation[];
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
  const verdict = verdictOf(result);
  return {
    verdict: verdict === 'violated' ? 'unsafe' : verdict === 'ok' ? 'safe' : 'not checked',
    violated: result.properties
      .filter((p) => p.status === 'violated' || p.status === 'unwitnessed')
      .map((p) => ({ name: p.name, traceLength: p.traceLength })),
    distinctStates: result.distinctStates,
    transitions: result.transitions,
  };
}

/**
 * Checks the model once per parameter set, in this thread, until `signal` aborts (a search thread
 * per check would cost more than the check).
 */
export async function checkEach(model: AnyModel, paramSets: readonly ParamSet[], properties?: readonly string[], signal?: AbortSignal): Promise<CheckSummary[]> {
  const summaries: CheckSummary[] = [];
  for (const params of paramSets) {
    const result = await checkInThisThread(model, { workers: 1, params, properties, traces: false, signal });
    // A check Ctrl-C cut short is left out, so that the study counts it as not checked.
    if (signal?.aborted) break;
    summaries.push(summarize(result));
  }
  return summaries;
}

/**
 * Checks per task: enough to make a round trip (about 70 µs) negligible beside the sweep's small
 * checks, few enough that every worker gets several tasks (the matrix has only 48 checks).
 */
function chunkSize(checks: number, workers: number): number {
  return Math.max(1, Math.min(40, Math.ceil(checks / (workers * 8))));
}

/**
 * Checks the model once per parameter set, spread over worker threads. Each summary comes back
 * at its parameter set's place; after `signal` aborts, the places of checks that did not finish
 * hold null.
 */
export async function checkMany(model: AnyModel, paramSets: readonly ParamSet[], options: ManyChecksOptions = {}): Promise<(CheckSummary | null)[]> {
  const workers = options.workers ?? availableParallelism();
  // Unknown names are refused here: from a worker thread the UsageError would come back as a plain error.
  if (options.properties && paramSets.length > 0) selectProperties(instantiate(model, paramSets[0]).properties, options.properties);
  const chunks: ParamSet[][] = [];
  const size = chunkSize(paramSets.length, workers);
  for (let i = 0; i < paramSets.length; i += size) chunks.push(paramSets.slice(i, i + size));
  const parts: (CheckSummary[] | undefined)[] = [];
  let done = 0;
  const finished = (i: number, part: CheckSummary[]): void => {
    parts[i] = part;
    done += part.length;
    options.onProgress?.(done, paramSets.length);
  };
  const inPlace = (): (CheckSummary | null)[] => chunks.flatMap((chunk, i) => chunk.map((_, j) => parts[i]?.[j] ?? null));
  if (workers === 1) {
    for (const [i, chunk] of chunks.entries()) {
      if (options.signal?.aborted) break;
      finished(i, await checkEach(model, chunk, options.properties, options.signal));
    }
    return inPlace();
  }
  requireThreadsRebuild(model);
  const pool = workerPool('checkWorker', workers);
  const interrupted = new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
  try {
    const all = Promise.all(
      chunks.map((chunk, i) =>
        (pool.exec('checkEach', [model.module, model.name, chunk, options.properties]) as Promise<CheckSummary[]>).then((part) => finished(i, part)),
      ),
    );
    // Terminating the pool after Ctrl-C rejects the chunks still running; only finished ones count.
    all.catch(() => undefined);
    await Promise.race([all, interrupted]);
    return inPlace();
  } finally {
    await pool.terminate(true);
  }
}
