/** `cocomc matrix [MODEL] [flags]`: the model checked at every combination of its matrix axes. */
import { ExitCode } from '../../errors.js';
import { matrix } from '../../matrix.js';
import { formatMatrix, formatMatrixMarkdown, matrixJson } from '../../report/matrixText.js';
import type { FlagSpec } from '../args.js';
import { manyChecksFlags, OUTPUT_FORMAT, parseManyChecks } from './shared.js';

export const matrixFlags: FlagSpec[] = [
  ...manyChecksFlags,
  { flag: '--markdown', key: 'markdown', type: 'boolean', doc: 'print the table in Markdown', default: 'false', oneOf: OUTPUT_FORMAT },
];

export async function matrixCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, params, values, progress, options } = await parseManyChecks(argv, matrixFlags, 'cells', signal);
  const result = await matrix(model, params, options);
  progress.done();
  const out = values.json ? JSON.stringify(matrixJson(result), null, 2) : values.markdown ? formatMatrixMarkdown(result) : formatMatrix(result);
  process.stdout.write(out + '\n');
  return result.complete ? ExitCode.ok : ExitCode.incomplete;
}
