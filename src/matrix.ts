/**
 * The comparison matrix: a model checked at every combination of the values of its declared
 * axes (a model's `matrix`, each axis a list of labelled parameter values), each cell a whole check.
 */
import { availableParallelism } from 'node:os';
import { validateManyChecksOptions } from './checkOptions.js';
import { UsageError } from './errors.js';
import { checkMany, type ManyChecksOptions, type StudyVerdict, type Violation } from './manyChecks.js';
import type { AnyModel, MatrixAxis } from './model.js';
import { resolveParams, type RawValue } from './params.js';
import { checksToRun, type ShardOption } from './sweep/shard.js';
import { jobIdentity, partBase, sharedConfiguration, type Indexed, type MatrixShard } from './sweep/shardPart.js';

export interface MatrixCell {
  /** The value label on each axis, by axis name. */
  labels: Record<string, string>;
  /** The parameters the cell was checked with (the axes' and the user's). */
  params: Record<string, RawValue>;
  verdict: StudyVerdict;
  violated: Violation[];
  /** The states its check reached; null when it was not checked. */
  distinctStates: number | null;
}

export interface MatrixResult {
  model: string;
  axes: { name: string; labels: string[] }[];
  cells: MatrixCell[];
  workers: number;
  seconds: number;
  /** Whether every cell was checked (false after Ctrl-C). */
  complete: boolean;
}

/** Every combination of one value per axis, first axis outermost. */
function combinations(axes: readonly MatrixAxis[]): { labels: Record<string, string>; params: Record<string, RawValue> }[] {
  return axes.reduce<{ labels: Record<string, string>; params: Record<string, RawValue> }[]>(
    (partial, axis) => partial.flatMap((c) => axis.values.map((v) => ({ labels: { ...c.labels, [axis.name]: v.label }, params: { ...c.params, ...v.params } }))),
    [{ labels: {}, params: {} }],
  );
}

/** The matrix's result from every cell: what a whole run and a merge of its shards both report. */
export function matrixResult(fields: Omit<MatrixResult, 'complete'>): MatrixResult {
  return { ...fields, complete: fields.cells.every((c) => c.verdict !== 'not checked') };
}

/** Checks every cell; with `shard: 'K/N'`, checks only that shard's share and returns it for `merge`. */
export async function matrix(model: AnyModel, user: Readonly<Record<string, RawValue | undefined>>, options: ManyChecksOptions & { shard: string }): Promise<MatrixShard>;
export async function matrix(model: AnyModel, user?: Readonly<Record<string, RawValue | undefined>>, options?: ManyChecksOptions & { shard?: undefined }): Promise<MatrixResult>;
export async function matrix(model: AnyModel, user?: Readonly<Record<string, RawValue | undefined>>, options?: ManyChecksOptions & ShardOption): Promise<MatrixResult | MatrixShard>;
export async function matrix(model: AnyModel, user: Readonly<Record<string, RawValue | undefined>> = {}, options: ManyChecksOptions & ShardOption = {}): Promise<MatrixResult | MatrixShard> {
  const started = Date.now();
  validateManyChecksOptions(options);
  const axes = model.matrix;
  if (!axes) throw new UsageError(`model '${model.name}' has no matrix; matrix works on models that declare matrix axes`);
  const fixed = Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)) as Record<string, RawValue>;
  const clash = Object.keys(fixed).find((name) => axes.some((axis) => axis.values.some((v) => name in v.params)));
  if (clash) throw new UsageError(`--${clash} cannot be given to matrix: it is one of the matrix's axes (${axes.map((a) => a.name).join(', ')})`);
  const cells = combinations(axes).map((c) => ({ ...c, params: { ...fixed, ...c.params } }));
  for (const cell of cells) resolveParams(model.params, cell.params, model.validate);
  const { shard, indices } = checksToRun(cells.length, options.shard);
  const summaries = await checkMany(model, indices.map((i) => cells[i]!.params), options);
  const checked = summaries.map((s, i): Indexed<MatrixCell> => ({
    index: indices[i]!,
    ...cells[indices[i]!]!,
    verdict: s?.verdict ?? 'not checked',
    violated: s?.violated ?? [],
    distinctStates: s?.distinctStates ?? null,
  }));
  const workers = options.workers ?? availableParallelism();
  const axesShown = axes.map((axis) => ({ name: axis.name, labels: axis.values.map((v) => v.label) }));
  if (shard) {
    const varying = axes.flatMap((axis) => axis.values.flatMap((v) => Object.keys(v.params)));
    const job = jobIdentity('matrix', model, sharedConfiguration(model, cells[0]!.params, varying), options.properties, cells.length);
    return { ...partBase(job, shard, checked, workers, started), axes: axesShown, cells: checked };
  }
  return matrixResult({ model: model.name, axes: axesShown, cells: checked.map(({ index: _, ...c }) => c), workers, seconds: (Date.now() - started) / 1000 });
}
