/**
 * Shortens a walk's counterexample (once its needless steps are dropped): a breadth-first search
 * (a bounded `check` of the one property) to one step less than the walk. Whatever it finds is a shortest trace; when it
 * explores every shorter behaviour and finds nothing, the walk itself is shortest; when a bound
 * cuts it first, the walk stands and is not known to be shortest.
 */
import { check } from '../check.js';
import type { AnyModel } from '../model.js';
import type { RawValue } from '../params.js';
import type { TraceStep } from '../result.js';
import type { SimulationViolation } from './simulationResult.js';

export interface ShortenOptions {
  params: Readonly<Record<string, RawValue | undefined>>;
  /** Whether the property is the deadlock check rather than an invariant. */
  deadlock: boolean;
  /** The search's bound in distinct states; 0 skips the search. */
  maxStates: number;
  workers?: number;
  timeLimit?: number;
  signal?: AbortSignal;
}

export interface Shortened {
  trace: TraceStep[];
  shortest: boolean;
  search: SimulationViolation['search'];
}

export async function shortenTrace(model: AnyModel, property: string, walk: TraceStep[], options: ShortenOptions): Promise<Shortened> {
  const walkLength = walk.length - 1;
  if (walkLength === 0) return { trace: walk, shortest: true, search: null };
  if (options.maxStates === 0 || options.signal?.aborted) return { trace: walk, shortest: false, search: null };
  const result = await check(model, {
    params: options.params,
    workers: options.workers,
    // The deadlock check goes with the model's properties; an invariant is searched alone.
    properties: options.deadlock ? undefined : [property],
    deadlock: options.deadlock,
    maxDepth: walkLength - 1,
    maxStates: options.maxStates,
    timeLimit: options.timeLimit,
    signal: options.signal,
  });
  const search = { distinctStates: result.distinctStates, complete: result.complete, stopReason: result.stopReason, stuckIn: result.stuckIn };
  const found = result.properties.find((p) => p.name === property);
  if (found?.status === 'violated' && found.trace) return { trace: found.trace, shortest: true, search };
  const exploredShorter = result.stopReason === 'exhausted' || result.stopReason === 'max-depth';
  return { trace: walk, shortest: exploredShorter, search };
}
