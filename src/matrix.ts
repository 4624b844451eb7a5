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

export async function matrix(model: AnyModel, user: Readonly<Record<string, RawValue | undefined>> = {}, options: ManyChecksOptions = {}): Promise<MatrixResult> {
  const started = Date.now();
  validateManyChecksOptions(options);
  const axes = model.matrix;
  if (!axes) throw new UsageError(`model '${model.name}' has no matrix; matrix works on models that declare matrix axes`);
  const fixed = Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)) as Record<string, RawValue>;
  const clash = Object.keys(fixed).find((name) => axes.some((axis) => axis.values.some((v) => name in v.params)));
  if (clash) throw new UsageError(`--${clash} cannot be given to matrix: it is one of the matrix's axes (${axes.map((a) => a.name).join(', ')})`);
  const cells = combinations(axes).map((c) => ({ ...c, params: { ...fixed, ...c.params } }));
  for (const cell of cells) resolveParams(model.params, cell.params, model.validate);
  const summaries = await checkMany(model, cells.map((c) => c.params), options);
  const checked: MatrixCell[] = summaries.map((s, i) => ({
    ...cells[i]!,
    verdict: s?.verdict ?? 'not checked',
    violated: s?.violated ?? [],
    distinctStates: s?.distinctStates ?? null,
  }));
  return {
    model: model.name,
    axes: axes.map((axis) => ({ name: axis.name, labels: axis.values.map((v) => v.label) })),
    cells: checked,
    workers: options.workers ?? availableParallelism(),
    seconds: (Date.now() - started) / 1000,
    complete: checked.every((c) => c.verdict !== 'not checked'),
  };
}
