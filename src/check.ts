/**
 * `check`: resolves a model's parameters, runs the search on one or more workers and turns what
 * it found into a CheckResult (verdicts with shortest traces, counts, coverage).
 *
 * The search runs on a thread of its own, which this one supervises (supervisor.ts): only so can a
 * limit stop a model whose action never returns. Two exceptions run in the caller's thread, with
 * their limits checked between batches (which stops every model whose code returns): a check with
 * `onState` or `onEdge`, since callbacks cannot cross threads, and a copy made from a model
 * (`{ ...model, build }`), since a thread rebuilds a model from its module and would find the
 * original; a copy cannot have worker threads either, and has none by default.
 */
import { availableParallelism } from 'node:os';
import { search, type Progress } from './bfs.js';
import { validateCheckOptions } from './checkOptions.js';
import type { StateEncoding } from './codecs/stateCodec.js';
import { ModelError, UsageError } from './errors.js';
import { Expander } from './expand.js';
import { fingerprint, fp } from './fingerprint.js';
import { inlineRunner } from './parallel/inlineRunner.js';
import { limitReached, limitsOf, residentBytes } from './limits.js';
import type { FairnessChoice } from './liveness/fairness.js';
import { livenessPlan, livenessVerdicts, stoppedShort } from './liveness/livenessPlan.js';
import { LiveStatus, Tallies, Where, whereCode } from './parallel/liveStatus.js';
import { isLiveness, threadsRebuild, type AnyModel, type ModelInstance, type Property } from './model.js';
import { requireThreadsRebuild } from './modelRef.js';
import { buildInstance, shownParams } from './modelInstance.js';
import { resolveParams, type RawValue } from './params.js';
import { MIN_BATCHES_FOR_WORKERS, poolRunner } from './parallel/poolRunner.js';
import type { CheckResult, StopReason } from './result.js';
import { resultOf, type SearchFrame } from './searchFrame.js';
import { StateGraphCollector } from './stateGraphCollector.js';
import { superviseCheck } from './parallel/supervisor.js';
import { checkpointing, requireCheckpointsUsable, resumedResult } from './checkpoint/session.js';
import { rebuildTrace } from './trace.js';

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
   * The fewest full batches a level must have to start the worker threads: 8 by default; levels
   * stay in the search's own thread until then. 1 sends every level (tests use it to make the threads work).
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

/** The name deadlocks are reported under, as a property of their own. */
export const DEADLOCK = 'Deadlock';
/** What the Deadlock property stands for. */
export const DEADLOCK_DOC = 'every state without a successor is a legitimate final state';

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
  return runCheck(model, params, { ...options, workers }, { live, interruption, local: workers === 1, heapMiB: limits.maxMemoryBytes / 2 ** 20 }, started);
}

/** The worker threads asked for; by default one per core, and none for a copy of a model, which threads cannot rebuild. */
function workersOf(model: AnyModel, options: CheckOptions): number {
  return options.workers ?? (threadsRebuild(model) ? availableParallelism() : 1);
}

/** How the thread that runs a search is watched, and how it learns that it must stop. */
export interface SearchWatch {
  /** The stop flag, the counters and the `where` words the expanders write. */
  live: LiveStatus;
  /** Asked between batches: a reason to stop now, or undefined. */
  interruption: () => StopReason | undefined;
  /** Whether the tallies stay in this thread (no supervisor reads them). */
  local: boolean;
  /** Each worker thread's heap limit. */
  heapMiB: number;
  /** Told what the result will need of the model, once it is built and before the search starts. */
  onFrame?: (frame: SearchFrame) => void;
}

/** Builds the model, searches and assembles the result, in this thread (worker threads expanding large levels). */
export async function runCheck(
  model: AnyModel,
  params: unknown,
  options: CheckOptions & { workers: number },
  watch: SearchWatch,
  started: number,
): Promise<CheckResult> {
  const { live, interruption } = watch;
  live.words[live.searchWord] = whereCode(Where.build);
  const instance = buildInstance(model, params);
  const { workers } = options;
  const symmetry = options.symmetry ?? false;
  if (symmetry && !instance.canonicalize && !instance.codec?.canonicalBytes) {
    throw new UsageError(`--symmetry needs a model with canonicalize or a codec with canonicalBytes; '${model.name}' has neither`);
  }
  const selected = selectProperties(instance.properties, options.properties);
  const deadlock = checksDeadlock(model, instance, options.deadlock);
  if (instance.initialStates.length === 0) throw new ModelError(`model '${model.name}' has no initial states: there is nothing to search`);

  const expander = new Expander(instance, symmetry, false, options.stateEncoding);
  expander.watchedBy(live.words, live.searchWord);
  const codes = [...selected.filter((p) => !isLiveness(p)).map((p) => instance.properties.indexOf(p)), ...(deadlock ? [expander.deadlockCode] : [])];
  if (options.stateGraphLimit !== undefined && (options.checkpoint !== undefined || options.resume !== undefined)) {
    throw new UsageError('--checkpoint and --resume cannot draw the state graph (--dot): a checkpoint keeps no state graph; drop one');
  }
  const drawing = options.stateGraphLimit === undefined ? undefined : new StateGraphCollector(instance, { model: model.name, params: shownParams(params, instance) }, options.stateGraphLimit);
  const liveness = livenessPlan(model.name, instance, selected, actorsOf(instance), options);
  const witnessCodes = new Set(selected.filter((p) => p.kind === 'sometimes').map((p) => instance.properties.indexOf(p)));
  const tallies = Tallies.create(instance.actions.length, expander.deadlockCode + 1, watch.local);
  const frame = { ...frameOf(model, params, instance, selected, deadlock, tallies), fairness: liveness?.fairness };
  watch.onFrame?.(frame);
  // After the frame: packing may derive a layout, which runs the model's actions, and a report of
  // one that never returns names it from the frame.
  const initial = instance.initialStates.map((s) => expander.pack(s));
  const initialFingerprints = initial.map((bytes) => {
    fingerprint(bytes, 0, bytes.length);
    return { hi: fp.hi, lo: fp.lo };
  });
  live.words[live.searchWord] = whereCode(Where.idle);
  const saved = checkpointing(model, params, options, tallies, initialFingerprints, () => interruption() !== undefined, started);

  const inline = inlineRunner(expander as Expander<unknown>);
  const pool = workers > 1 ? poolRunner({ module: model.module, name: model.name, params: params as Record<string, unknown>, symmetry, encoding: options.stateEncoding ?? 'derived' }, workers, inline, live, watch.heapMiB, options.minBatchesForWorkers ?? MIN_BATCHES_FOR_WORKERS) : undefined;
  let outcome: Awaited<ReturnType<typeof search>>;
  try {
    outcome = await search(initial, initialFingerprints, instance.actions.length, pool ?? inline, {
      codes,
      witnessCodes,
      deadlockCode: expander.deadlockCode,
      checkDeadlock: deadlock,
      stopAtFirst: options.stopAtFirst ?? false,
      // Liveness is decided on the whole graph: a search that stopped once the rest was decided could not.
      exhaustive: (options.exhaustive ?? false) || liveness !== undefined || drawing !== undefined,
      maxStates: options.maxStates,
      maxDepth: options.maxDepth,
      batchSize: options.batchSize ?? 2048,
      interruption,
      live,
      tallies,
      onState: options.onState || drawing ? (id, bytes) => {
        const state = expander.unpack(bytes);
        drawing?.addState(id, state);
        options.onState?.(id, state);
      } : undefined,
      onEdge: liveness || drawing || options.onEdge ? (from, to, action) => {
        liveness?.recorder.addEdge(from, to, action);
        drawing?.addEdge(from, to, action);
        if (from !== to) options.onEdge?.(from, to, action);
      } : undefined,
      selfLoops: liveness !== undefined,
      liveness: liveness?.codes,
      onLabels: liveness && ((labels) => liveness.recorder.addLabels(labels)),
      onProgress: options.onProgress,
      resume: saved.resume,
      atLevelBoundary: saved.atLevelBoundary,
    });
  } finally {
    await pool?.close();
  }

  const { seen, findings } = outcome;
  const analysis = liveness && outcome.complete ? livenessVerdicts(liveness, instance, seen, outcome.initialStates, options.traces !== false, interruption) : undefined;
  const result = stoppedShort(resultOf(
    frame,
    tallies,
    {
      complete: outcome.complete,
      stopReason: outcome.stopReason,
      distinctStates: seen.size,
      transitions: outcome.transitions,
      initialStates: outcome.initialStates,
      depth: outcome.depth,
      bytesPerState: seen.size > 0 ? seen.bytes / seen.size : 0,
      stateGraphBytes: liveness?.recorder.bytes,
    },
    { workers, workersUsed: live.workersUsed(), stuckIn: null, seconds: (Date.now() - started) / 1000 },
    (code) => (options.traces !== false ? rebuildTrace(instance, expander, seen, findings.get(code)!.stateId) : null),
    analysis?.verdicts,
  ), analysis);
  const drawn = drawing && outcome.complete ? { ...result, stateGraph: drawing.graph(outcome.initialStates) } : result;
  return saved.resumedFrom ? resumedResult(drawn, saved.resumedFrom) : drawn;
}

function frameOf(model: AnyModel, params: unknown, instance: ModelInstance<unknown>, selected: Property<unknown>[], deadlock: boolean, tallies: Tallies): SearchFrame {
  const checked = selected.map((p) => ({ name: p.name, kind: p.kind, doc: p.doc ?? '', code: instance.properties.indexOf(p) }));
  if (deadlock) {
    checked.push({ name: DEADLOCK, kind: 'always', doc: DEADLOCK_DOC, code: instance.properties.length });
  }
  return {
    model: model.name,
    params: shownParams(params, instance),
    actors: actorsOf(instance),
    checked,
    actions: instance.actions.map(({ name, actor, args }) => ({ name, actor, args })),
    properties: instance.properties.map(({ name }) => ({ name })),
    tallies: { buffer: tallies.buffer, actions: tallies.actions, codes: tallies.codes },
  };
}

/** Whether deadlocks are checked: as asked, else when the model declares final states, which asking needs. */
export function checksDeadlock(model: AnyModel, instance: ModelInstance<unknown>, asked: boolean | undefined): boolean {
  const deadlock = asked ?? instance.isFinal !== undefined;
  if (deadlock && !instance.isFinal) throw new UsageError(`deadlock checking needs a model that declares final states; '${model.name}' does not`);
  return deadlock;
}

export function selectProperties<S>(all: readonly Property<S>[], names: readonly string[] | undefined): Property<S>[] {
  if (!names || names.length === 0) return all.filter((p) => !p.onlyWhenNamed);
  return names.map((name) => {
    const property = all.find((p) => p.name === name);
    if (!property) throw new UsageError(`unknown property '${name}'; accepted: ${all.map((p) => p.name).join(', ')}`);
    return property;
  });
}

/** The lanes of a swimlane view: the model's own, else its actors in order of first action. */
export function actorsOf(instance: ModelInstance<unknown>): string[] {
  return instance.actors ? [...instance.actors] : [...new Set(instance.actions.map((a) => a.actor))];
}
