/**
 * `check`: checks its options, resolves a model's parameters and has the search (runCheck.ts) run
 * on one or more workers, which turns what it found into a CheckResult (verdicts with shortest
 * traces, counts, coverage).
 *
 * The search runs on a thread of its own, which this one supervises (supervisor.ts): only so can a
 * limit stop a model whose action never returns. Two exceptions run in the caller's thread, with
 * their limits checked between batches (which stops every model whose code returns): a check with
 * `onState` or `onEdge`, since callbacks cannot cross threads, and a copy made from a model
 * (`{ ...model, build }`), since a thread rebuilds a model from its module and would find the
 * original; a copy cannot have worker threads either, and has none by default.
 */
import { availableParallelism } from 'node:os';
import type { Progress } from './bfs.js';
import { validateCheckOptions } from './checkOptions.js';
import type { StateEncoding } from './codecs/stateEncoding.js';
import { limitReached, limitsOf, residentBytes } from './limits.js';
import type { FairnessChoice } from './liveness/fairness.js';
import { LiveStatus } from './parallel/liveStatus.js';
import { threadsRebuild, type AnyModel } from './model.js';
import { requireThreadsRebuild } from './modelRef.js';
import { resolveParams, type RawValue } from './params.js';
import type { CheckResult, StopReason } from './result.js';
import { superviseCheck } from './parallel/supervisor.js';
import { requireCheckpointsUsable } from './checkpoint/session.js';

/** How to run a check; every field has a default. */
export interface CheckOptions {
  /** The model's parameters by name (CLI strings or typed values); unset ones take their defaults. */
  params?: Readonly<Record<string, RawValue | undefined>>;
  /**
   * Worker threads expanding large levels: the number of cores by default (1 for a copy made from a
   * model, see `check`); with 1 the search thread expands every level.
   */
  workers?: number;
  /** Check only these properties (by name); all of them by default. */
  properties?: readonly string[];
  /** Rebuild each finding's trace (by replay); without it only its length is reported. On by default. */
  traces?: boolean;
  /** Stop at the end of the first level with a violation, as TLC does by default. Off by default. */
  stopAtFirst?: boolean;
  /** Explore the whole space even once every property is decided (TLC's -continue). Off by default. */
  exhaustive?: boolean;
  /** Report non-final states without successors: on by default when the model declares final states. */
  deadlock?: boolean;
  /** Fingerprint each state's symmetry representative (the model's `canonicalize` or its codec's `canonicalBytes`). Off by default. */
  symmetry?: boolean;
  /** Stop after this many distinct states. */
  maxStates?: number;
  /** Explore no deeper than this many actions from an initial state. */
  maxDepth?: number;
  /** Stop after this many seconds. */
  timeLimit?: number;
  /**
   * Stop once the process's resident memory passes this many MiB (every thread and the seen-set
   * included): half the machine's memory by default.
   */
  maxMemory?: number;
  /** States per batch sent to a worker: 2,048 by default. */
  batchSize?: number;
  /**
   * The fewest full batches of a level that is shared with the pool's worker threads, after
   * waiting for them to be ready if they are not yet: 32 by default. Smaller levels (of two
   * batches or more) are shared once the threads are ready, which they get at the first level of
   * two full batches. 1 shares every level of two batches, with every thread (tests use it to
   * make the threads work).
   */
  minBatchesForWorkers?: number;
  /**
   * How the states of a model without a codec of its own are encoded: by a layout derived from
   * their shape (`derived`, the default) or by the generic tagged walk (`generic`). Counts,
   * verdicts and traces are the same; benchmarks and tests compare the two.
   */
  stateEncoding?: StateEncoding;
  /** Aborting it stops the search, which still returns what it found (Ctrl-C). */
  signal?: AbortSignal;
  /** Called a few times a second with the search's progress. */
  onProgress?: (progress: Progress) => void;
  /**
   * Called for every distinct state when first reached, with its number (for state-graph exports).
   * With it (or `onEdge`) the search runs in the caller's thread: see the note at the top.
   */
  onState?: (id: number, state: unknown) => void;
  /** Called for every transition between two distinct states (self-loops are not reported). */
  onEdge?: (from: number, to: number, action: number) => void;
  /** Save the search at level boundaries into this directory (replaced each time), to resume it after a crash. */
  checkpoint?: string;
  /** Minutes between two checkpoints, at least: 10 by default; 0 saves at every level boundary. */
  checkpointEvery?: number;
  /** Go on from the checkpoint in this directory, written by a check of the same model, parameters and result-changing options. */
  resume?: string;
  /**
   * The fairness liveness properties assume: `none`, or `weak` or `strong` fairness of every actor
   * (its actions as one group), in place of the model's own declarations, which apply by default.
   */
  fairness?: FairnessChoice;
  /**
   * Collect the reachable state graph (`--dot`) in the result's `stateGraph`, refusing with a
   * UsageError a model of more states than this. The search then explores the whole space, as
   * with `exhaustive`.
   */
  stateGraphLimit?: number;
}

/** Checks a model's properties by exhaustive breadth-first search. */
export async function check(model: AnyModel, options: CheckOptions = {}): Promise<CheckResult> {
  validateCheckOptions(options);
  // A copy of a model runs where it was made: a search thread would rebuild the original.
  if (options.onState || options.onEdge || !threadsRebuild(model)) return checkInThisThread(model, options);
  const started = Date.now();
  const params = resolveParams(model.params, options.params ?? {}, model.validate);
  const workers = workersOf(model, options);
  requireCheckpointsUsable(model, params, options);
  const limits = limitsOf(options, started);
  return superviseCheck(model, params, { ...options, workers }, limits, started);
}

/**
 * Checks a model in this thread. Its limits are checked between batches: a model whose code
 * never returns is not stopped. For the callbacks, and for the sweep's thousands of small checks,
 * which already run on worker threads (a thread per check would cost more than the check).
 */
export async function checkInThisThread(model: AnyModel, options: CheckOptions): Promise<CheckResult> {
  const started = Date.now();
  const params = resolveParams(model.params, options.params ?? {}, model.validate);
  const workers = workersOf(model, options);
  if (workers > 1) requireThreadsRebuild(model);
  requireCheckpointsUsable(model, params, options);
  const limits = limitsOf(options, started);
  const live = LiveStatus.create(workers, workers === 1);
  const interruption = (): StopReason | undefined => {
    const reason = limitReached(limits, residentBytes());
    if (reason) live.requestStop(reason);
    return live.stopRequested();
  };
  // Loaded here, not with this module: a check run by the supervisor searches on a thread of its
  // own, and the thread that asked for it then never loads the engine.
  const { runCheck } = await import('./runCheck.js');
  return runCheck(model, params, { ...options, workers }, { live, interruption, local: workers === 1, heapMiB: limits.maxMemoryBytes / 2 ** 20 }, started);
}

/** The worker threads asked for; by default one per core, and none for a copy of a model, which threads cannot rebuild. */
function workersOf(model: AnyModel, options: CheckOptions): number {
  return options.workers ?? (threadsRebuild(model) ? availableParallelism() : 1);
}
