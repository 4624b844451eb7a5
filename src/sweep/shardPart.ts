/**
 * What one shard of a study writes with --json and what `merge` reads back: the whole job it is
 * a part of, which part it is, and the results of its own checks, each at its index in the job.
 */
import type { StudyVerdict } from '../manyChecks.js';
import type { MatrixCell, MatrixResult } from '../matrix.js';
import type { AnyModel } from '../model.js';
import { describeParams, resolveParams, type RawValue } from '../params.js';
import { cocomcVersion } from '../version.js';
import type { Shard } from './shard.js';
import type { SequenceResult, SweepResult } from './sweep.js';

/**
 * What makes shards parts of one job: the same study of the same model in the same
 * configuration, deciding the same properties, run by the same cocomc, with as many checks.
 */
export interface JobIdentity {
  study: 'sweep' | 'matrix';
  model: string;
  /** Every parameter the study's checks share, resolved (defaults filled in): `--pages 1` and the default 1 are one job. */
  configuration: Record<string, unknown>;
  /** The properties the checks decide, sorted; null for all of the model's. */
  properties: string[] | null;
  version: string;
  /** The checks of the whole job. */
  checks: number;
}

/** What every shard's part says of itself. */
interface PartBase {
  job: JobIdentity;
  shard: Shard;
  /** The checks of this shard, each at its index in the whole job. */
  checks: number;
  /** Checks of this shard that did not run or did not finish (Ctrl-C): merged, they stay not checked. */
  notChecked: number;
  /** Whether every check of this shard was checked. */
  complete: boolean;
  workers: number;
  seconds: number;
}

export type Indexed<T> = T & { index: number };

export interface SweepShard extends PartBase {
  /** The sweep's parameters as given, for the merged result. */
  params: SweepResult['params'];
  base: string[];
  results: Indexed<SequenceResult>[];
}

export interface MatrixShard extends PartBase {
  axes: MatrixResult['axes'];
  cells: Indexed<MatrixCell>[];
}

export type ShardPart = SweepShard | MatrixShard;

/**
 * The parameters a study's checks share, resolved: `params` with every default filled in, less
 * those that vary from check to check (`varying`).
 */
export function sharedConfiguration(model: AnyModel, params: Readonly<Record<string, RawValue>>, varying: readonly string[]): Record<string, unknown> {
  const resolved = describeParams(resolveParams(model.params, params, model.validate));
  return Object.fromEntries(Object.entries(resolved).filter(([name]) => !varying.includes(name)));
}

export function jobIdentity(study: JobIdentity['study'], model: AnyModel, configuration: Record<string, unknown>, properties: readonly string[] | undefined, checks: number): JobIdentity {
  return { study, model: model.name, configuration, properties: properties ? [...new Set(properties)].sort() : null, version: cocomcVersion(), checks };
}

/** The fields every part has, for the shard's share of checks (`summaries` of those that finished, in share order). */
export function partBase(job: JobIdentity, shard: Shard, verdicts: readonly { verdict: StudyVerdict }[], workers: number, started: number): PartBase {
  const notChecked = verdicts.filter((v) => v.verdict === 'not checked').length;
  return { job, shard, checks: verdicts.length, notChecked, complete: notChecked === 0, workers, seconds: (Date.now() - started) / 1000 };
}

/** Whether a study's result is a shard's part rather than the whole study's result. */
export const isShardPart = (result: object): result is ShardPart => 'shard' in result;

export const isSweepShard = (part: ShardPart): part is SweepShard => part.job.study === 'sweep';
