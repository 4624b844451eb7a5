/** `cocomc matrix [MODEL] [flags]`: the model checked at every combination of its matrix axes. */
import { ExitCode } from '../../errors.js';
import { matrix, type MatrixResult } from '../../matrix.js';
import { formatMatrix, formatMatrixMarkdown, matrixJson } from '../../report/matrixText.js';
import { isShardPart } from '../../sweep/shardPart.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import { printShard, refuseWithShard } from '../shard.js';
import { manyChecksFlags, OUTPUT_FORMAT, parseManyChecks } from './shared.js';

/** The matrix's outputs that `cocomc merge` gives too, from the parts of a matrix run in shards. */
export const matrixOutputFlags: FlagSpec[] = [
  { flag: '--markdown', key: 'markdown', type: 'boolean', doc: 'print the table in Markdown', default: 'false', oneOf: OUTPUT_FORMAT },
];

export const matrixFlags: FlagSpec[] = [...manyChecksFlags, ...matrixOutputFlags];

/** Prints the matrix as JSON, Markdown or a text table, and returns the exit code. */
export function printMatrix(result: MatrixResult, values: ParsedArgs['values']): number {
  const out = values.json ? JSON.stringify(matrixJson(result), null, 2) : values.markdown ? formatMatrixMarkdown(result) : formatMatrix(result);
  process.stdout.write(out + '\n');
  return result.complete ? ExitCode.ok : ExitCode.incomplete;
}

export async function matrixCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, params, values, progress, options } = await parseManyChecks(argv, matrixFlags, 'cells', signal);
  refuseWithShard(values, matrixOutputFlags, 'matrix');
  const result = await matrix(model, params, options);
  progress.done();
  return isShardPart(result) ? printShard(result, values.json === true) : printMatrix(result, values);
}
