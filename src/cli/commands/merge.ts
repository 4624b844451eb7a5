/**
 * `cocomc merge PART.json ... [flags]`: combines the --json of every shard of a sweep or a matrix
 * into the whole study's result, printed as one unsharded run prints it, with its exit code.
 */
import { UsageError } from '../../errors.js';
import type { AnyModel } from '../../model.js';
import { merge, type MergedStudy } from '../../sweep/merge.js';
import { witnessTraces, type WitnessTrace } from '../../sweep/witnessTraces.js';
import { parseArgs, type FlagSpec, type ParsedArgs } from '../args.js';
import { findModel } from '../models.js';
import { readJson } from '../readJson.js';
import { checkOutputFiles } from '../reportFiles.js';
import { matrixOutputFlags, printMatrix } from './matrix.js';
import { OUTPUT_FORMAT } from './shared.js';
import { printSweep, sweepOutputFlags } from './sweep.js';

const modelFlag: FlagSpec = {
  flag: '--model',
  key: 'model',
  type: 'value',
  placeholder: 'MODEL',
  doc: "the parts' model, for a sweep's --html (which re-checks its witnesses): a built-in name or a path to a model module",
  default: "the built-in model the parts name",
  accepted: 'a built-in model name or a path to a model module',
};

export const mergeFlags: FlagSpec[] = [
  { flag: '--json', key: 'json', type: 'boolean', doc: 'print the merged result as JSON, as the unsharded run prints it', default: 'false', oneOf: OUTPUT_FORMAT },
  ...sweepOutputFlags,
  ...matrixOutputFlags,
  modelFlag,
];

/** Refuses the flags of the other study: a sweep has no Markdown table, a matrix no TSV or HTML page. */
function refuseOtherStudy(merged: MergedStudy, values: ParsedArgs['values']): void {
  const others = merged.study === 'sweep' ? matrixOutputFlags : [...sweepOutputFlags, modelFlag];
  const given = others.find((f) => values[f.key] !== undefined && values[f.key] !== false);
  const own = (merged.study === 'sweep' ? [...sweepOutputFlags, modelFlag] : matrixOutputFlags).map((f) => f.flag);
  if (given) throw new UsageError(`${given.flag} cannot be given to merge these parts: they are a ${merged.study}'s; accepted for a ${merged.study}: --json, ${own.join(', ')}`);
}

/** The model a sweep's --html re-checks: --model's, else the built-in the parts name; it must be the parts' model. */
async function partsModel(name: string, given: string | undefined): Promise<AnyModel> {
  const model = await findModel(given ?? name).catch((error: unknown) => {
    if (given === undefined && error instanceof UsageError) throw new UsageError(`--html re-checks the witnesses of model '${name}', which is not built in: name its module with --model PATH`);
    throw error;
  });
  if (model.name !== name) throw new UsageError(`bad value '${given}' for --model: its model is '${model.name}', the parts' is '${name}'; accepted: the parts' model`);
  return model;
}

export async function mergeCommand(argv: readonly string[]): Promise<number> {
  const { positional: files, values } = parseArgs(argv, mergeFlags);
  if (files.length === 0) throw new UsageError('merge needs the parts: cocomc merge PART.json ... (the --json of every shard of one sweep or matrix)');
  checkOutputFiles(mergeFlags, values);
  const merged = merge(files.map((file) => readJson(file, 'the part')), files);
  refuseOtherStudy(merged, values);
  if (merged.study === 'matrix') return printMatrix(merged.result, values);
  const { result, job } = merged;
  const model = values.model === undefined ? undefined : await partsModel(job.model, values.model as string);
  // The witnesses are re-checked on the properties the shards decided.
  const witnesses = async (): Promise<WitnessTrace[]> => witnessTraces(model ?? (await partsModel(job.model, undefined)), result, job.properties ?? undefined);
  return printSweep(result, values, witnesses);
}
