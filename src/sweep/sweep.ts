/**
 * The ordering sweep: checks every sequence of distinct items of a model's sweep list (every
 * permutation of every subset), then reads off which sequences are safe, which orders are forced,
 * and a counterexample for each step and each forced edge: why it is needed.
 */
import { availableParallelism } from 'node:os';
import { validateManyChecksOptions } from '../checkOptions.js';
import { UsageError } from '../errors.js';
import { checkMany, type ManyChecksOptions, type ParamSet, type StudyVerdict, type Violation } from '../manyChecks.js';
import type { AnyModel, SweepSpec } from '../model.js';
import { flagName, resolveParams, type RawValue } from '../params.js';
import { forcedPairs, reducedEdges, respects, type Pair } from './partialOrder.js';
import { allSequences, kendallDistance } from './sequences.js';
import { checksToRun, type ShardOption } from './shard.js';
import { jobIdentity, partBase, sharedConfiguration, type Indexed, type SweepShard } from './shardPart.js';

/** One sequence, what the sweep knows of it, and the properties it fails, each with its shortest counterexample's length. */
export interface SequenceResult {
  steps: string[];
  verdict: StudyVerdict;
  violated: Violation[];
}

/** A sequence that shows why a step or an edge is needed. */
export interface Witness extends SequenceResult {
  /** The step left out, or the edge broken. */
  reason: string;
}

export interface SweepResult {
  model: string;
  /** The configuration every sequence was checked in. */
  params: Record<string, unknown>;
  /** The items and their reference order. */
  base: string[];
  sequences: number;
  /** Sequences whose check did not run or did not finish (after Ctrl-C): nothing is claimed of them. */
  notChecked: number;
  /** Every sequence for which every property holds (and the reachability ones are witnessed). */
  safe: string[][];
  /**
   * Every forced pair [before, after] the checked sequences prove: a safe sequence has both in
   * this order, and no sequence with them the other way round is safe or not checked.
   */
  forcedOrder: Pair<string>[];
  /** The forced pairs no other pair implies (the Hasse diagram of the partial order). */
  edges: Pair<string>[];
  /** Per step: the reference order without it, and what fails. */
  whyStep: Witness[];
  /** Per edge: the reference order with the pair swapped (or the nearest sequence that breaks only that edge), and what fails. */
  whyEdge: Witness[];
  /** Over the unsafe sequences: how often each property is the first to fail (the shortest trace). */
  firstFailure: { name: string; count: number }[];
  /** Every sequence, in sweep order. */
  results: SequenceResult[];
  workers: number;
  seconds: number;
  /** Whether every sequence was checked: the analysis rests on all of them only then. */
  complete: boolean;
}

/** The sweep's configuration: the model's sweep defaults under the user's parameters. */
export function sweepParams(model: AnyModel, spec: SweepSpec, user: Readonly<Record<string, RawValue | undefined>>): ParamSet {
  if (user[spec.param] !== undefined) {
    throw new UsageError(`${flagName(spec.param)} cannot be given to sweep: the sweep tries every ordering of ${spec.base.join(',')}`);
  }
  const params = Object.fromEntries(Object.entries({ ...spec.defaults, ...user }).filter(([, v]) => v !== undefined)) as ParamSet;
  resolveParams(model.params, { ...params, [spec.param]: [...spec.base] }, model.validate);
  return params;
}

export function sweepSpecOf(model: AnyModel): SweepSpec {
  if (!model.sweep) throw new UsageError(`model '${model.name}' has no ordering sweep; sweep works on models that declare a sweep (a list parameter to permute)`);
  return model.sweep;
}

/** The property that fails first in a sequence: the shortest counterexample, else the first named. */
export function firstFailing(violated: readonly Violation[]): string {
  const withTrace = violated.filter((v) => v.traceLength !== null);
  const pool = withTrace.length > 0 ? withTrace : violated;
  return pool.reduce((best, v) => ((v.traceLength ?? Infinity) < (best.traceLength ?? Infinity) ? v : best)).name;
}

const key = (steps: readonly string[]): string => steps.join(',');

/**
 * The sequence that breaks the edge [a, b] and no other forced pair: the reference order with a
 * and b swapped if that is one, else the closest such ordering of all the items (fewest pairs
 * reordered, then first in sweep order).
 */
export function edgeBreaker(base: readonly string[], edge: Pair<string>, forced: readonly Pair<string>[], full: readonly string[][]): string[] {
  const others = forced.filter(([x, y]) => !(x === edge[0] && y === edge[1]));
  const breaksOnlyEdge = (s: readonly string[]): boolean => !respects(s, edge) && others.every((p) => respects(s, p));
  const swapped = base.map((item) => (item === edge[0] ? edge[1] : item === edge[1] ? edge[0] : item));
  if (breaksOnlyEdge(swapped)) return swapped;
  const candidates = full.filter(breaksOnlyEdge);
  return candidates.reduce((best, s) => (kendallDistance(s, base) < kendallDistance(best, base) ? s : best), candidates[0] ?? swapped);
}

/** Reads the safe set, the partial order and the witnesses off the results of every sequence. */
export function analyse(base: readonly string[], results: readonly SequenceResult[]): Pick<SweepResult, 'notChecked' | 'safe' | 'forcedOrder' | 'edges' | 'whyStep' | 'whyEdge' | 'firstFailure'> {
  const byKey = new Map(results.map((r) => [key(r.steps), r]));
  const stepsOf = (verdict: StudyVerdict): string[][] => results.filter((r) => r.verdict === verdict).map((r) => r.steps);
  const safe = stepsOf('safe');
  const notChecked = stepsOf('not checked');
  const forcedOrder = forcedPairs(base, safe, notChecked);
  const edges = reducedEdges(forcedOrder);
  const witness = (steps: string[], reason: string): Witness => {
    const known = byKey.get(key(steps));
    return { reason, steps, verdict: known?.verdict ?? 'not checked', violated: known?.violated ?? [] };
  };
  const full = results.filter((r) => r.steps.length === base.length).map((r) => r.steps);
  const counts = new Map<string, number>();
  for (const r of results) {
    if (r.verdict === 'unsafe') counts.set(firstFailing(r.violated), (counts.get(firstFailing(r.violated)) ?? 0) + 1);
  }
  return {
    notChecked: notChecked.length,
    safe,
    forcedOrder,
    edges,
    whyStep: base.map((step) => witness(base.filter((s) => s !== step), `without ${step}`)),
    whyEdge: edges.map((edge) => witness(edgeBreaker(base, edge, forcedOrder, full), `${edge[1]} before ${edge[0]}`)),
    firstFailure: [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
  };
}

/** The sweep's result from the results of every sequence: what a whole run and a merge of its shards both report. */
export function sweepResult(fields: Pick<SweepResult, 'model' | 'params' | 'base' | 'results' | 'workers' | 'seconds'>): SweepResult {
  const analysis = analyse(fields.base, fields.results);
  return {
    model: fields.model,
    params: fields.params,
    base: fields.base,
    sequences: fields.results.length,
    ...analysis,
    results: fields.results,
    workers: fields.workers,
    seconds: fields.seconds,
    complete: analysis.notChecked === 0,
  };
}

/**
 * Checks every sequence of the model's sweep list and analyses the results; with `shard: 'K/N'`,
 * checks only that shard's share and returns it for `merge`, unanalysed.
 */
export async function sweep(model: AnyModel, user: Readonly<Record<string, RawValue | undefined>>, options: ManyChecksOptions & { shard: string }): Promise<SweepShard>;
export async function sweep(model: AnyModel, user?: Readonly<Record<string, RawValue | undefined>>, options?: ManyChecksOptions & { shard?: undefined }): Promise<SweepResult>;
export async function sweep(model: AnyModel, user?: Readonly<Record<string, RawValue | undefined>>, options?: ManyChecksOptions & ShardOption): Promise<SweepResult | SweepShard>;
export async function sweep(model: AnyModel, user: Readonly<Record<string, RawValue | undefined>> = {}, options: ManyChecksOptions & ShardOption = {}): Promise<SweepResult | SweepShard> {
  const started = Date.now();
  validateManyChecksOptions(options);
  const spec = sweepSpecOf(model);
  const params = sweepParams(model, spec, user);
  const sequences = allSequences(spec.base);
  const { shard, indices } = checksToRun(sequences.length, options.shard);
  const summaries = await checkMany(model, indices.map((i) => ({ ...params, [spec.param]: sequences[i]! })), options);
  const results = summaries.map((s, i): Indexed<SequenceResult> => ({ index: indices[i]!, steps: sequences[indices[i]!]!, verdict: s?.verdict ?? 'not checked', violated: s?.violated ?? [] }));
  const workers = options.workers ?? availableParallelism();
  if (shard) {
    const configuration = sharedConfiguration(model, { ...params, [spec.param]: [...spec.base] }, [spec.param]);
    const job = jobIdentity('sweep', model, configuration, options.properties, sequences.length);
    return { ...partBase(job, shard, results, workers, started), params: { ...params }, base: [...spec.base], results };
  }
  return sweepResult({
    model: model.name,
    params: { ...params },
    base: [...spec.base],
    results: results.map(({ index: _, ...r }) => r),
    workers,
    seconds: (Date.now() - started) / 1000,
  });
}
