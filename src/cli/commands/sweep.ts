/** `cocomc sweep [MODEL] [flags]`: checks every ordering of the model's steps and explains the safe ones. */
import { ExitCode } from '../../errors.js';
import { confirmationNotRun, formatConfirm, formatSweep, formatSweepTsv } from '../../report/sweepText.js';
import { confirm, confirmParams, parseAssignments } from '../../sweep/confirm.js';
import { renderSweepHtml } from '../../report/sweepHtml.js';
import { sweep, sweepParams, sweepSpecOf } from '../../sweep/sweep.js';
import { witnessTraces } from '../../sweep/witnessTraces.js';
import { writeTextFile } from '../reportFiles.js';
import type { FlagSpec } from '../args.js';
import { manyChecksFlags, OUTPUT_FORMAT, parseManyChecks } from './shared.js';

export const sweepFlags: FlagSpec[] = [
  ...manyChecksFlags,
  { flag: '--tsv', key: 'tsv', type: 'boolean', doc: 'print one row per sequence, tab-separated', default: 'false', oneOf: OUTPUT_FORMAT },
  { flag: '--html', key: 'html', type: 'value', output: true, placeholder: 'FILE', doc: 'also write an HTML page with the counterexample of every step and edge witness', default: 'none', accepted: 'a file path' },
  { flag: '--confirm', key: 'confirm', type: 'value', placeholder: 'NAME=VALUE,...', doc: "re-check the safe sequences and a sample of the unsafe ones with these model parameters changed (larger sizes)", accepted: 'NAME=VALUE pairs of model parameters, separated by commas' },
];

export async function sweepCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, params, values, progress, options } = await parseManyChecks(argv, sweepFlags, 'sequences', signal);
  const larger = typeof values.confirm === 'string' ? parseAssignments(values.confirm) : undefined;
  if (larger) confirmParams(model, sweepParams(model, sweepSpecOf(model), params), larger);
  const result = await sweep(model, params, options);
  // Confirming an incomplete sweep would re-check a biased part of it: it is said not to have run.
  const confirmation = larger && result.complete ? await confirm(model, result, larger, options) : undefined;
  progress.done();
  if (typeof values.html === 'string') {
    writeTextFile('--html', values.html, renderSweepHtml(result, await witnessTraces(model, result, options.properties)));
    process.stderr.write(`cocomc: wrote the sweep's HTML report to ${values.html}\n`);
  }
  const confirmText = confirmation ? formatConfirm(confirmation) : larger ? confirmationNotRun(larger) : undefined;
  if (values.json) process.stdout.write(JSON.stringify({ ...result, confirmation: larger ? confirmation ?? null : undefined }, null, 2) + '\n');
  else if (values.tsv) process.stdout.write(formatSweepTsv(result) + '\n');
  else process.stdout.write(formatSweep(result) + (confirmText ? '\n\n' + confirmText : '') + '\n');
  return result.complete && (confirmation?.notChecked ?? 0) === 0 ? ExitCode.ok : ExitCode.incomplete;
}
