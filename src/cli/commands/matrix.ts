/** `cocomc matrix [MODEL] [flags]`: the model checked at every combination of its matrix axes. */
import { UsageError } from '../../errors.js';
import { matrix } from '../../matrix.js';
import { formatMatrix, formatMatrixMarkdown, matrixJson } from '../../report/matrixText.js';
import { intFlag, paramFlags, parseArgs, type FlagSpec } from '../args.js';
import { countProgress, manyChecksFlags, modelAndRest, modelParams } from './shared.js';

export const matrixFlags: FlagSpec[] = [
  ...manyChecksFlags,
  { flag: '--markdown', key: 'markdown', type: 'boolean', doc: 'print the table in Markdown', default: 'false' },
];

export async function matrixCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, rest } = await modelAndRest(argv);
  const modelFlags = paramFlags(model.params);
  const { positional, values } = parseArgs(rest, [...matrixFlags, ...modelFlags]);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const reporter = countProgress(process.stderr, 'cells', Boolean(values.progress ?? process.stderr.isTTY));
  const result = await matrix(model, modelParams(modelFlags, values), {
    workers: intFlag(values, 'workers', '--workers', 1),
    signal,
    onProgress: (done, total) => reporter.update(done, total),
  });
  reporter.done();
  const out = values.json ? JSON.stringify(matrixJson(result), null, 2) : values.markdown ? formatMatrixMarkdown(result) : formatMatrix(result);
  process.stdout.write(out + '\n');
  return signal.aborted ? 3 : 0;
}
