/**
 * Merging the parts of a study run in shards: checks that the parts are every shard of one job,
 * each once, and rebuilds exactly the result one unsharded run gives (the analysis of a sweep is
 * made here, over every sequence). Only the run-time fields differ: `seconds` is the longest
 * part's (the job's time when the shards run at once) and `workers` the parts' workers added up.
 */
import { UsageError } from '../errors.js';
import type { StudyVerdict, Violation } from '../manyChecks.js';
import { matrixResult, type MatrixResult } from '../matrix.js';
import { shareOf } from './shard.js';
import { isSweepShard, type Indexed, type JobIdentity, type MatrixShard, type ShardPart, type SweepShard } from './shardPart.js';
import { sweepResult, type SweepResult } from './sweep.js';

/** The whole study's result, and the job its parts were of. */
export type MergedStudy = { study: 'sweep'; job: JobIdentity; result: SweepResult } | { study: 'matrix'; job: JobIdentity; result: MatrixResult };

const VERDICTS: readonly StudyVerdict[] = ['safe', 'unsafe', 'not checked'];

/** What every check of a part says: its verdict and its failures. */
type CheckOutcome = { verdict: StudyVerdict; violated: readonly Violation[] };

const ACCEPTED = "the --json of every shard of one job (cocomc sweep|matrix --shard K/N --json), each once";

/** What a value looks like in an error. */
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** What `value` lacks to have the shape of a part, or undefined when it has it. */
function shapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'is not a JSON object';
  const part = value as Partial<Record<string, unknown>>;
  const job = part.job as Partial<JobIdentity> | undefined;
  const shard = part.shard as { index?: unknown; count?: unknown } | undefined;
  if (typeof job !== 'object' || job === null || (job.study !== 'sweep' && job.study !== 'matrix')) return "has no 'job' naming a sweep or a matrix";
  if (typeof shard !== 'object' || shard === null || !Number.isSafeInteger(shard.index) || !Number.isSafeInteger(shard.count)) return "has no 'shard' with an index and a count";
  if (!Array.isArray(job.study === 'sweep' ? part.results : part.cells)) return `has no '${job.study === 'sweep' ? 'results' : 'cells'}' list`;
  return undefined;
}

/** The first field in which two jobs differ, said as `its FIELD is X, not Y`. */
function difference(job: JobIdentity, first: JobIdentity): string | undefined {
  for (const field of ['study', 'model', 'version', 'properties', 'checks'] as const) {
    if (shown(job[field]) !== shown(first[field])) return `its ${field} is ${shown(job[field])}, not ${shown(first[field])}`;
  }
  const names = [...new Set([...Object.keys(job.configuration), ...Object.keys(first.configuration)])];
  const differing = names.filter((name) => shown(job.configuration[name]) !== shown(first.configuration[name]));
  if (differing.length === 0) return undefined;
  return `its configuration has ${differing.map((name) => `${name}=${shown(job.configuration[name])}`).join(' ')}, not ${differing.map((name) => `${name}=${shown(first.configuration[name])}`).join(' ')}`;
}

/** Throws unless the parts are every shard 1..N of one job, each once, each holding exactly its share of checks. */
function validateParts(parts: readonly unknown[], sources: readonly string[]): asserts parts is readonly ShardPart[] {
  if (parts.length === 0) throw new UsageError(`no part to merge; accepted: ${ACCEPTED}`);
  parts.forEach((part, i) => {
    const problem = shapeProblem(part);
    if (problem) throw new UsageError(`${sources[i]} is not a shard's part: it ${problem}; accepted: ${ACCEPTED}`);
  });
  const valid = parts as readonly ShardPart[];
  const first = valid[0]!;
  const byIndex = new Map<number, number>();
  valid.forEach((part, i) => {
    const other = difference(part.job, first.job) ?? (part.shard.count !== first.shard.count ? `it is shard ${part.shard.index}/${part.shard.count}, not of ${first.shard.count}` : undefined);
    if (other) throw new UsageError(`${sources[i]} is a part of another job than ${sources[0]}: ${other}; accepted: ${ACCEPTED}`);
    const twin = byIndex.get(part.shard.index);
    if (twin !== undefined) throw new UsageError(`shard ${part.shard.index}/${part.shard.count} is given twice: ${sources[twin]} and ${sources[i]}; accepted: ${ACCEPTED}`);
    if (part.shard.index < 1 || part.shard.index > part.shard.count) throw new UsageError(`${sources[i]} claims to be shard ${part.shard.index}/${part.shard.count}; accepted: ${ACCEPTED}`);
    byIndex.set(part.shard.index, i);
    const items: readonly Indexed<CheckOutcome>[] = isSweepShard(part) ? part.results : part.cells;
    const bad = items.find((r) => !VERDICTS.includes(r.verdict) || !Array.isArray(r.violated));
    if (bad) throw new UsageError(`${sources[i]} has a check without a verdict (${shown(bad.verdict)}) or without its list of violations; accepted: ${ACCEPTED}`);
    if (shown(items.map((r) => r.index)) !== shown(shareOf(part.job.checks, part.shard))) {
      throw new UsageError(`${sources[i]} does not hold the checks of shard ${part.shard.index}/${part.shard.count} (every ${part.shard.count}th of ${part.job.checks}, from index ${part.shard.index - 1}); accepted: ${ACCEPTED}`);
    }
  });
  const count = first.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0) {
    const given = [...byIndex].sort(([a], [b]) => a - b).map(([k, i]) => `${k}/${count} ${sources[i]}`).join(', ');
    throw new UsageError(`${missing.length === 1 ? 'shard' : 'shards'} ${missing.map((k) => `${k}/${count}`).join(', ')} missing (given: ${given}); accepted: ${ACCEPTED}`);
  }
}

/** Every part's items, in the job's order, without their index. */
function inJobOrder<T>(lists: readonly (readonly Indexed<T>[])[]): T[] {
  return lists
    .flat()
    .sort((a, b) => a.index - b.index)
    .map(({ index: _, ...item }) => item as T);
}

/**
 * The result of one unsharded run, from the parts of a job run in shards (`sources` name them
 * in errors: file names, by default `part 1`, `part 2`...). Throws a UsageError naming the
 * part that is malformed, of another job, given twice, or the shards that are missing.
 */
export function merge(parts: readonly unknown[], sources: readonly string[] = parts.map((_, i) => `part ${i + 1}`)): MergedStudy {
  validateParts(parts, sources);
  const byShard = [...parts].sort((a, b) => a.shard.index - b.shard.index);
  const first = byShard[0]!;
  const seconds = Math.max(...byShard.map((p) => p.seconds));
  const workers = byShard.reduce((sum, p) => sum + p.workers, 0);
  // Every part is of the first one's study: validateParts compared their jobs.
  if (isSweepShard(first)) {
    const results = inJobOrder((byShard as SweepShard[]).map((p) => p.results));
    return { study: 'sweep', job: first.job, result: sweepResult({ model: first.job.model, params: first.params, base: first.base, results, workers, seconds }) };
  }
  const cells = inJobOrder((byShard as MatrixShard[]).map((p) => p.cells));
  return { study: 'matrix', job: first.job, result: matrixResult({ model: first.job.model, axes: first.axes, cells, workers, seconds }) };
}
