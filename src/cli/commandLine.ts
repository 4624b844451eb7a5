/**
 * What every command that checks a model reads from its command line: the model (the word after
 * the command, or the default), its parameters (a flag each), the command's own flags, and
 * whether progress is shown.
 */
import { defaultModel } from '../../models/index.js';
import { UsageError } from '../errors.js';
import type { AnyModel } from '../model.js';
import type { RawValue } from '../params.js';
import { paramFlags, parseArgs, type FlagSpec, type ParsedArgs } from './args.js';
import { findModel } from './models.js';
import { liveLine, type LiveLine } from './progress.js';
import { checkOutputFiles } from './reportFiles.js';

export interface CommandLine {
  model: AnyModel;
  /** The model parameters given, by parameter name. */
  params: Record<string, RawValue>;
  /** The command's own flag values, by key. */
  values: ParsedArgs['values'];
  /** The progress line on stderr: on with --progress, or by default when stderr is a terminal. */
  progress: LiveLine;
}

/** The model a command line names (the word after the command), and the remaining words. */
export async function modelAndRest(argv: readonly string[]): Promise<{ model: AnyModel; rest: readonly string[] }> {
  const named = argv[0] !== undefined && !argv[0].startsWith('--');
  const model = await findModel(named ? argv[0]! : defaultModel);
  return { model, rest: named ? argv.slice(1) : argv };
}

export async function parseCommandLine(argv: readonly string[], commandFlags: readonly FlagSpec[]): Promise<CommandLine> {
  const { model, rest } = await modelAndRest(argv);
  const modelFlags = paramFlags(model.params);
  const { positional, values } = parseArgs(rest, [...commandFlags, ...modelFlags]);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'; the model comes first: COMMAND [MODEL] [flags]`);
  checkOutputFiles(commandFlags, values);
  const params = Object.fromEntries(modelFlags.filter((f) => values[f.key] !== undefined).map((f) => [f.key, values[f.key] as RawValue]));
  const progress = liveLine(process.stderr, Boolean(values.progress ?? process.stderr.isTTY));
  return { model, params, values, progress };
}
