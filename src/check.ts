/**
 * `check`: resolves a model's parameters, runs the search on one or more workers and turns what
 * it found into a CheckResult (verdicts with shortest traces, counts, coverage).
 */
import { availableParallelism } from 'node:os';
import { search, type Progress, type SearchOutcome } from './bfs.js';
import { validateCheckOptions } from './checkOptions.js';
import { UsageError } from './errors.js';
import { Expander } from './expand.js';
import { collisionProbability, fingerprint, fp } from './fingerprint.js';
import { inlineRunner } from './inlineRunner.js';
import type { AnyModel, ModelInstance, Property } from './model.js';
import { buildInstance } from './modelInstance.js';
import { describeParams, resolveParams, type RawValue } from './params.js';
import { poolRunner } from './poolRunner.js';
import type { ActionCoverage, CheckResult, PropertyResult, StopReason } from './result.js';
import { rebuildTrace } from './trace.js';

/** How to run a check; every field has a default. */
export interface CheckOptions {
  /** The model's parameters by name (CLI strings or typed values); unset ones take their defaults. */
  params?: Readonly<Record<string, RawValue | undefined>>;
  /** Worker threads: the number of cores by default; 1 searches in this thread. */
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
  /** Fingerprint each state's symmetry representative (the model must define `canonicalize`). Off by default. */
  symmetry?: boolean;
  /** Stop after this many distinct states. */
  maxStates?: number;
  /** Explore no deeper than this many actions from an initial state. */
  maxDepth?: number;
  /** Stop after this many seconds. */
  timeLimit?: number;
  /** States per batch sent to a worker: 2,048 by default. */
  batchSize?: number;
  /** Aborting it stops the search, which still returns what it found (Ctrl-C). */
  signal?: AbortSignal;
  /** Called after every batch with the search's progress. */
  onProgress?: (progress: Progress) => void;
  /** Called for every distinct state when first reached, with its number (for state-graph exports). */
  onState?: (id: number, state: unknown) => void;
  /** Called for every transition between two distinct states (self-loops are not reported). */
  onEdge?: (from: number, to: number, action: number) => void;
}

/** The name deadlocks are reported under, as a property of their own. */
export const DEADLOCK = 'Deadlock';

/** Checks a model's properties by exhaustive breadth-first search. */
export async function check(model: AnyModel, options: CheckOptions = {}): Promise<CheckResult> {
  validateCheckOptions(options);
  const started = Date.now();
  const params = resolveParams(model.params, options.params ?? {}, model.validate);
  const instance = buildInstance(model, params);
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`bad value '${workers}' for --workers; accepted: a whole number >= 1`);
  const symmetry = options.symmetry ?? false;
  if (symmetry && !instance.canonicalize) throw new UsageError(`--symmetry needs a model with canonicalize; '${model.name}' has none`);
  const selected = selectProperties(instance.properties, options.properties);
  const deadlock = options.deadlock ?? instance.isFinal !== undefined;
  if (deadlock && !instance.isFinal) throw new UsageError(`deadlock checking needs a model that declares final states; '${model.name}' does not`);

  const expander = new Expander(instance, symmetry);
  const initial = instance.initialStates.map((s) => expander.pack(s));
  const initialFingerprints = initial.map((bytes) => {
    fingerprint(bytes, 0, bytes.length);
    return { hi: fp.hi, lo: fp.lo };
  });
  const codes = [...selected.map((p) => instance.properties.indexOf(p)), ...(deadlock ? [expander.deadlockCode] : [])];
  const witnessCodes = new Set(selected.filter((p) => p.kind === 'sometimes').map((p) => instance.properties.indexOf(p)));
  const deadline = options.timeLimit === undefined ? Infinity : started + options.timeLimit * 1000;

  const inline = inlineRunner(expander as Expander<unknown>);
  const pool = workers > 1 ? poolRunner({ module: model.module, name: model.name, params, symmetry }, workers, inline) : undefined;
  let outcome: SearchOutcome;
  try {
    outcome = await search(initial, initialFingerprints, instance.actions.length, pool ?? inline, {
      codes,
      witnessCodes,
      deadlockCode: expander.deadlockCode,
      checkDeadlock: deadlock,
      stopAtFirst: options.stopAtFirst ?? false,
      exhaustive: options.exhaustive ?? false,
      maxStates: options.maxStates,
      maxDepth: options.maxDepth,
      batchSize: options.batchSize ?? 2048,
      interruption: (): StopReason | undefined =>
        options.signal?.aborted ? 'interrupted' : Date.now() > deadline ? 'time-limit' : undefined,
      onState: options.onState && ((id, bytes) => options.onState!(id, expander.unpack(bytes))),
      onEdge: options.onEdge,
      onProgress: options.onProgress,
    });
  } finally {
    await pool?.close();
  }

  const seconds = (Date.now() - started) / 1000;
  const peakMemoryBytes = peakResidentBytes();
  const { seen } = outcome;
  const verdict = (property: Pick<Property<unknown>, 'name' | 'kind' | 'doc'>, code: number): PropertyResult => {
    const finding = outcome.findings.get(code);
    const trace = finding && options.traces !== false ? rebuildTrace(instance, expander, seen, finding.stateId) : null;
    const status = finding
      ? property.kind === 'always' ? 'violated' : 'witnessed'
      : !outcome.complete ? 'unknown' : property.kind === 'always' ? 'holds' : 'unwitnessed';
    // A finding at BFS level k has a shortest trace of k actions.
    return { name: property.name, kind: property.kind, doc: property.doc ?? '', status, traceLength: finding ? finding.depth : null, trace };
  };
  const properties = selected.map((p) => verdict(p, instance.properties.indexOf(p)));
  if (deadlock) {
    properties.push(verdict({ name: DEADLOCK, kind: 'always', doc: 'every state without a successor is a legitimate final state' }, expander.deadlockCode));
  }

  return {
    model: model.name,
    params: instance.configuration ? { ...instance.configuration } : describeParams(params),
    complete: outcome.complete,
    stopReason: outcome.stopReason,
    distinctStates: seen.size,
    transitions: outcome.transitions,
    statesGenerated: outcome.transitions + outcome.initialStates,
    depth: outcome.depth,
    workers,
    seconds,
    statesPerSecond: seconds > 0 ? Math.round(seen.size / seconds) : seen.size,
    peakMemoryBytes,
    bytesPerState: seen.size > 0 ? seen.bytes / seen.size : 0,
    collisionProbability: collisionProbability(seen.size),
    actors: actorsOf(instance),
    properties,
    coverage: coverageOf(instance, outcome),
  };
}

let peakRead = { at: 0, bytes: 0 };

/**
 * The process's peak resident set as the OS counts it (getrusage), read at most every 100 ms:
 * a read costs about 0.3 ms, more than a whole check of the sweep's small configurations.
 */
function peakResidentBytes(): number {
  if (Date.now() - peakRead.at > 100) peakRead = { at: Date.now(), bytes: process.resourceUsage().maxRSS * 1024 };
  return peakRead.bytes;
}

export function selectProperties<S>(all: readonly Property<S>[], names: readonly string[] | undefined): Property<S>[] {
  if (!names || names.length === 0) return [...all];
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

function coverageOf(instance: ModelInstance<unknown>, outcome: SearchOutcome): ActionCoverage[] {
  const byName = new Map<string, ActionCoverage>();
  instance.actions.forEach((action, a) => {
    const entry = byName.get(action.name) ?? { action: action.name, distinct: 0, generated: 0 };
    entry.distinct += outcome.firstReached[a]!;
    entry.generated += outcome.generated[a]!;
    byName.set(action.name, entry);
  });
  return [...byName.values()];
}
