/**
 * `simulate`: seeded random walks for scopes too large to exhaust (TLC's -simulate). It validates
 * the options as the command line does, runs the walks, rebuilds the first violation's walk as a
 * trace and shortens it by a bounded search, and returns a SimulationResult.
 *
 * It runs on a thread of its own, which this one supervises (simulationSupervisor.ts), as a
 * check's search does: only so can a time limit or Ctrl-C stop a model whose code never returns.
 * A copy made from a model (`{ ...model, build }`) runs in the caller's thread, which a thread
 * rebuilding the model from its module could not (its limits then stop every model whose code returns).
 */
import { countsByActionName } from '../actionCounts.js';
import { checksDeadlock, DEADLOCK, DEADLOCK_DOC, selectProperties } from '../checkedProperties.js';
import { checkRules, validateOptions, wholeNumber, type Rule } from '../checkOptions.js';
import { actorsOf, isLiveness, threadsRebuild, type AnyModel, type ModelInstance, type Property } from '../model.js';
import { UsageError } from '../errors.js';
import { readOnly } from '../modelCode.js';
import { buildInstance, shownParams } from '../modelInstance.js';
import { Where, whereCode } from '../parallel/liveStatus.js';
import { resolveParams, type RawValue } from '../params.js';
import type { PropertyResult, TraceStep } from '../result.js';
import { isEnabled, traceFromPath } from '../trace.js';
import { dropSteps } from './dropSteps.js';
import { markedInstance } from './markedModelCode.js';
import { SEED_ACCEPTED } from './random.js';
import { shortenTrace, type ShortenOptions } from './shorten.js';
import type { SimulationResult, SimulationViolation, UntracedViolation, WalkCoverage } from './simulationResult.js';
import { superviseSimulation } from './simulationSupervisor.js';
import { runWalks, type WalkFinding, type WalkProgress, type WalksOutcome } from './walk.js';

export interface SimulateOptions {
  /** The model's parameters by name (CLI strings or typed values); unset ones take their defaults. */
  params?: Readonly<Record<string, RawValue | undefined>>;
  /** Walks to run: 1,000 by default. */
  runs?: number;
  /** The most actions a walk takes: 100 by default (TLC's default depth). */
  depth?: number;
  /** The seed: the same seed gives the same walks. 0 by default, so that a plain run is reproducible. */
  seed?: number;
  /** Check only these properties (by name); all of them by default. */
  properties?: readonly string[];
  /** Report non-final states without enabled actions: on by default when the model declares final states. */
  deadlock?: boolean;
  /** Stop after this many seconds (the shortening search included). */
  timeLimit?: number;
  /** The bound, in distinct states, of the breadth-first search that shortens a violation's walk; 0 skips it. 100,000 by default. */
  shortenStates?: number;
  /** Worker threads of that search; the walks themselves run in one thread of their own. */
  workers?: number;
  /** Aborting it stops the walks between two steps; the result says how far they got (Ctrl-C). */
  signal?: AbortSignal;
  onProgress?: (progress: WalkProgress) => void;
}

export const SIMULATE_DEFAULTS = { runs: 1000, depth: 100, seed: 0, shortenStates: 100_000 } as const;

/** One rule per option, the engine's where they share a field, so errors read as check()'s do. */
const simulateRules: Record<keyof SimulateOptions, Rule> = {
  params: checkRules.params,
  runs: wholeNumber('--runs', 1),
  depth: wholeNumber('--depth', 0),
  seed: { ...wholeNumber('--seed', 0), accepted: SEED_ACCEPTED },
  properties: checkRules.properties,
  deadlock: checkRules.deadlock,
  timeLimit: checkRules.timeLimit,
  shortenStates: wholeNumber('--shorten-states', 0),
  workers: checkRules.workers,
  signal: checkRules.signal,
  onProgress: checkRules.onProgress,
};

/** The options with their defaults, each validated before any walk starts. */
function simulationSettings(options: SimulateOptions) {
  validateOptions(options, simulateRules, 'simulate');
  return {
    runs: options.runs ?? SIMULATE_DEFAULTS.runs,
    depth: options.depth ?? SIMULATE_DEFAULTS.depth,
    seed: options.seed ?? SIMULATE_DEFAULTS.seed,
    shortenStates: options.shortenStates ?? SIMULATE_DEFAULTS.shortenStates,
    workers: options.workers,
    timeLimit: options.timeLimit,
  };
}

function coverageOf(instance: ModelInstance<unknown>, outcome: WalksOutcome): WalkCoverage[] {
  return countsByActionName(instance.actions, { taken: outcome.taken, distinct: outcome.firstReached });
}

/** Whether a state makes a finding of property `code`: an invariant false, a reachability property true, or a deadlock. */
function findingTest(instance: ModelInstance<unknown>, code: number, deadlock: boolean): (state: unknown) => boolean {
  if (deadlock) return (state) => instance.actions.every((a) => !isEnabled(a, state)) && !instance.isFinal!(readOnly(state));
  const property = instance.properties[code]!;
  return (state) => property.holds(readOnly(state)) === (property.kind === 'sometimes');
}

/** The violation's trace: the walk without the steps it does not need, shortened further by a bounded search. */
async function shortenViolation(
  model: AnyModel,
  instance: ModelInstance<unknown>,
  finding: WalkFinding,
  property: string,
  deadlock: boolean,
  options: Omit<ShortenOptions, 'deadlock'>,
): Promise<{ violation: SimulationViolation; trace: TraceStep[] }> {
  const reduced = traceFromPath(instance, dropSteps(instance, finding.path, findingTest(instance, finding.code, deadlock)));
  const shortened = await shortenTrace(model, property, reduced, { ...options, deadlock });
  return {
    trace: shortened.trace,
    violation: {
      property,
      run: finding.run,
      walkLength: finding.path.length - 1,
      reducedLength: reduced.length - 1,
      traceLength: shortened.trace.length - 1,
      shortest: shortened.shortest,
      search: shortened.search,
    },
  };
}

/**
 * The properties walks check: those selected, without the liveness properties, which a finite walk
 * can neither break nor prove; naming one is refused.
 */
function walkedProperties(all: readonly Property<unknown>[], names: readonly string[] | undefined): Property<unknown>[] {
  const selected = selectProperties(all, names);
  const named = selected.find((p) => isLiveness(p) && names?.includes(p.name));
  if (named) throw new UsageError(`simulate cannot check ${named.kind} property '${named.name}': a finite walk neither breaks nor proves it; check it with 'cocomc check'`);
  return selected.filter((p) => !isLiveness(p));
}

/** Deadlock, as the walks report it beside the properties. */
const DEADLOCK_PROPERTY: Pick<Property<unknown>, 'name' | 'kind' | 'doc'> = { name: DEADLOCK, kind: 'always', doc: DEADLOCK_DOC };

/** Runs seeded random walks through a model, checking its properties on every visited state. */
export async function simulate(model: AnyModel, options: SimulateOptions = {}): Promise<SimulationResult> {
  const started = Date.now();
  simulationSettings(options);
  const params = resolveParams(model.params, options.params ?? {}, model.validate);
  // A copy of a model runs where it was made: a thread would rebuild the original.
  if (!threadsRebuild(model)) return simulateHere(model, options, { started });
  return superviseSimulation(model, params, options, started);
}

/** What a simulation needs to be reported before its walks start, once its model is built. */
export interface SimulationFrame extends Pick<SimulationResult, 'model' | 'params' | 'seed' | 'runs' | 'depth' | 'actors'> {
  /** The properties the walks check (Deadlock included), as the result lists them. */
  properties: Pick<PropertyResult, 'name' | 'kind' | 'doc'>[];
  /** Every action and property of the model, by index: they name the code the walks are in. */
  actions: { name: string; actor: string; args?: string }[];
  modelProperties: { name: string }[];
  /** The violation the walks found, told before its walk is shortened: it outlives a shortening stopped by force. */
  found?: UntracedViolation;
}

/** How the thread that runs a simulation is watched. */
export interface SimulationWatch {
  /** When the simulation started (Date.now()): its time limit counts from there. */
  started: number;
  /** The word where the walks say which model code they run (see WalkOptions.where). */
  where?: Int32Array;
  /** Where the walks keep their progress up to date (see WalkOptions.counts). */
  counts?: Float64Array;
  /** Told what a report needs of the model, once it is built. */
  onFrame?: (frame: SimulationFrame) => void;
}

/** Runs the simulation in this thread. */
export async function simulateHere(model: AnyModel, options: SimulateOptions, watch: SimulationWatch): Promise<SimulationResult> {
  const { started } = watch;
  const settings = simulationSettings(options);
  const params = resolveParams(model.params, options.params ?? {}, model.validate);
  if (watch.where) watch.where[0] = whereCode(Where.build);
  const instance = buildInstance(model, params);
  if (watch.where) watch.where[0] = Where.idle;
  const selected = walkedProperties(instance.properties, options.properties);
  const deadlock = checksDeadlock(model, instance, options.deadlock);
  const deadline = settings.timeLimit === undefined ? Infinity : started + settings.timeLimit * 1000;
  const frame: SimulationFrame = {
    model: model.name,
    params: shownParams(params, instance),
    seed: settings.seed,
    runs: settings.runs,
    depth: settings.depth,
    actors: actorsOf(instance),
    properties: [...selected, ...(deadlock ? [DEADLOCK_PROPERTY] : [])].map(({ name, kind, doc }) => ({ name, kind, doc: doc ?? '' })),
    actions: instance.actions.map(({ name, actor, args }) => ({ name, actor, args })),
    modelProperties: instance.properties.map(({ name }) => ({ name })),
  };
  watch.onFrame?.(frame);

  const outcome = await runWalks(instance, {
    runs: settings.runs,
    depth: settings.depth,
    seed: settings.seed,
    properties: selected.map((p) => instance.properties.indexOf(p)),
    checkDeadlock: deadlock,
    interruption: () => (options.signal?.aborted ? 'interrupted' : Date.now() > deadline ? 'time-limit' : undefined),
    onProgress: options.onProgress,
    where: watch.where,
    counts: watch.counts,
  });

  // Shortening runs the model on states the walks never visited: its code must say where it is too.
  const shortening = markedInstance(instance, watch.where, 'while a walk was being shortened');
  const finding = outcome.violation;
  const nameOf = (code: number): string => (code === outcome.deadlockCode ? DEADLOCK : instance.properties[code]!.name);
  if (finding) watch.onFrame?.({ ...frame, found: { property: nameOf(finding.code), run: finding.run, walkLength: finding.path.length - 1 } });
  const shortened = finding && await shortenViolation(model, shortening, finding, nameOf(finding.code), finding.code === outcome.deadlockCode, {
    params: options.params ?? {},
    maxStates: settings.shortenStates,
    workers: settings.workers,
    timeLimit: settings.timeLimit === undefined ? undefined : Math.max(0.001, (deadline - Date.now()) / 1000),
    signal: options.signal,
  });

  const verdict = (property: Pick<Property<unknown>, 'name' | 'kind' | 'doc'>, code: number): PropertyResult => {
    const witness = outcome.witnesses.get(code);
    const base = { name: property.name, kind: property.kind, doc: property.doc ?? '' };
    if (finding?.code === code) return { ...base, status: 'violated', traceLength: shortened!.trace.length - 1, trace: shortened!.trace };
    if (witness) {
      const reached = traceFromPath(shortening, dropSteps(shortening, witness.path, findingTest(shortening, code, false)));
      return { ...base, status: 'witnessed', traceLength: reached.length - 1, trace: reached };
    }
    return { ...base, status: 'unknown', traceLength: null, trace: null };
  };
  const properties = selected.map((p) => verdict(p, instance.properties.indexOf(p)));
  if (deadlock) properties.push(verdict(DEADLOCK_PROPERTY, outcome.deadlockCode));

  return {
    model: frame.model,
    params: frame.params,
    seed: frame.seed,
    runs: frame.runs,
    depth: frame.depth,
    stopReason: outcome.stopReason,
    runsDone: outcome.runsDone,
    steps: outcome.steps,
    distinctStates: outcome.distinct,
    endedAtDepth: outcome.endedAtDepth,
    endedWithoutSuccessor: outcome.endedWithoutSuccessor,
    violation: shortened?.violation ?? null,
    untracedViolation: null,
    properties,
    coverage: coverageOf(instance, outcome),
    actors: frame.actors,
    seconds: (Date.now() - started) / 1000,
    stuckIn: null,
  };
}
