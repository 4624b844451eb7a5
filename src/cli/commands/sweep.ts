/** `cocomc sweep [MODEL] [flags]`: checks every ordering of the model's steps and explains the safe ones. */
import { UsageError } from '../../errors.js';
import { formatConfirm, formatSweep, formatSweepTsv } from '../../report/sweepText.js';
import { confirm, parseAssignments } from '../../sweep/confirm.js';
import { sweep } from '../../sweep/sweep.js';
import { intFlag, paramFlags, parseArgs, type FlagSpec } from '../args.js';
import { countProgress, manyChecksFlags, modelAndRest, modelParams } from './shared.js';

export const sweepFlags: FlagSpec[] = [
  ...manyChecksFlags,
  { flag: '--tsv', key: 'tsv', type: 'boolean', doc: 'print one row per sequence, tab-separated', default: 'false' },
  { flag: '--confirm', key: 'confirm', type: 'value', placeholder: 'NAME=VALUE,...', doc: 're-check the safe sequences and a sample of the unsafe ones at larger sizes, e.g. pages=2,readers=2' },
];

export async function sweepCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, rest } = await modelAndRest(argv);
  const modelFlags = paramFlags(model.params);
  const { positional, values } = parseArgs(rest, [...sweepFlags, ...modelFlags]);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const workers = intFlag(values, 'workers', '--workers', 1);
  const reporter = countProgress(process.stderr, 'sequences', Boolean(values.progress ?? process.stderr.isTTY));
  const onProgress = (done: number, total: number): void => reporter.update(done, total);
  const result = await sweep(model, modelParams(modelFlags, values), { workers, signal, onProgress });
  const confirmation = typeof values.confirm === 'string' && result.complete
    ? await confirm(model, result, parseAssignments(values.confirm), { workers, signal, onProgress })
    : undefined;
  reporter.done();
  if (values.json) process.stdout.write(JSON.stringify({ ...result, confirmation }, null, 2) + '\n');
  else if (values.tsv) process.stdout.write(formatSweepTsv(result) + '\n');
  else process.stdout.write(formatSweep(result) + (confirmation ? '\n\n' + formatConfirm(confirmation) : '') + '\n');
  return result.complete ? 0 : 3;
}
