/** `cocomc sweep [MODEL] [flags]`: checks every ordering of the model's steps and explains the safe ones. */
import { ExitCode } from '../../errors.js';
import { confirmationNotRun, formatConfirm, formatSweep, formatSweepTsv } from '../../report/sweepText.js';
import { confirm, confirmParams, parseAssignments, type ConfirmResult } from '../../sweep/confirm.js';
import { renderSweepHtml } from '../../report/sweepHtml.js';
import { isShardPart } from '../../sweep/shardPart.js';
import { sweep, sweepParams, sweepSpecOf, type SweepResult } from '../../sweep/sweep.js';
import { witnessTraces, type WitnessTrace } from '../../sweep/witnessTraces.js';
import { writeTextFile } from '../reportFiles.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import { printShard, refuseWithShard } from '../shard.js';
import { manyChecksFlags, OUTPUT_FORMAT, parseManyChecks } from './shared.js';

/** The sweep's outputs that `cocomc merge` gives too, from the parts of a sweep run in shards. */
export const sweepOutputFlags: FlagSpec[] = [
  { flag: '--tsv', key: 'tsv', type: 'boolean', doc: 'print one row per sequence, tab-separated', default: 'false', oneOf: OUTPUT_FORMAT },
  { flag: '--html', key: 'html', type: 'value', output: true, placeholder: 'FILE', doc: 'also write an HTML page with the counterexample of every step and edge witness', default: 'none', accepted: 'a file path' },
];

const confirmFlag: FlagSpec = { flag: '--confirm', key: 'confirm', type: 'value', placeholder: 'NAME=VALUE,...', doc: "re-check the safe sequences and a sample of the unsafe ones with these model parameters changed (larger sizes)", accepted: 'NAME=VALUE pairs of model parameters, separated by commas' };

export const sweepFlags: FlagSpec[] = [...manyChecksFlags, ...sweepOutputFlags, confirmFlag];

/**
 * Writes the sweep's HTML page if asked (its witnesses re-checked with traces) and prints the
 * report: JSON, TSV or text, with the confirmation if one was asked for. Returns the exit code.
 */
export async function printSweep(
  result: SweepResult,
  values: ParsedArgs['values'],
  witnesses: () => Promise<WitnessTrace[]>,
  confirmation?: { larger: Record<string, string>; result: ConfirmResult | undefined },
): Promise<number> {
  if (typeof values.html === 'string') {
    writeTextFile('--html', values.html, renderSweepHtml(result, await witnesses()));
    process.stderr.write(`cocomc: wrote the sweep's HTML report to ${values.html}\n`);
  }
  const confirmText = confirmation?.result ? formatConfirm(confirmation.result) : confirmation ? confirmationNotRun(confirmation.larger) : undefined;
  if (values.json) process.stdout.write(JSON.stringify({ ...result, confirmation: confirmation ? confirmation.result ?? null : undefined }, null, 2) + '\n');
  else if (values.tsv) process.stdout.write(formatSweepTsv(result) + '\n');
  else process.stdout.write(formatSweep(result) + (confirmText ? '\n\n' + confirmText : '') + '\n');
  return result.complete && (confirmation?.result?.notChecked ?? 0) === 0 ? ExitCode.ok : ExitCode.incomplete;
}

export async function sweepCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, params, values, progress, options } = await parseManyChecks(argv, sweepFlags, 'sequences', signal);
  refuseWithShard(values, [...sweepOutputFlags, confirmFlag], 'sweep');
  const larger = typeof values.confirm === 'string' ? parseAssignments(values.confirm) : undefined;
  if (larger) confirmParams(model, sweepParams(model, sweepSpecOf(model), params), larger);
  const result = await sweep(model, params, options);
  if (isShardPart(result)) {
    progress.done();
    return printShard(result, values.json === true);
  }
  // Confirming an incomplete sweep would re-check a biased part of it: it is said not to have run.
  // --shard is refused with --confirm above, so the sweep's options less the shard are confirm's.
  const { shard: _whole, ...confirmOptions } = options;
  const confirmation = larger && result.complete ? await confirm(model, result, larger, confirmOptions) : undefined;
  progress.done();
  const witnesses = (): Promise<WitnessTrace[]> => witnessTraces(model, result, options.properties);
  return printSweep(result, values, witnesses, larger ? { larger, result: confirmation } : undefined);
}
