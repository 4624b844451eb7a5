/** `cocomc replay TRACE.itf.json [MODEL] [flags]`: re-executes a trace against a model. */
import { builtInModelNames } from '../../../models/index.js';
import { ExitCode, UsageError } from '../../errors.js';
import { readItf } from '../../report/itfRead.js';
import { formatReplay } from '../../report/replayText.js';
import { replayInThread } from '../../walks/replayInThread.js';
import type { FlagSpec } from '../args.js';
import { parseCommandLine } from '../commandLine.js';
import { readJson } from '../readJson.js';
import { engineFlags } from './check.js';

/** An engine flag with the doc it has here. */
const asHere = (key: string, doc: string): FlagSpec => ({ ...engineFlags.find((f) => f.key === key)!, doc });

export const replayFlags: FlagSpec[] = [
  asHere('property', 'evaluate only this property on each state (repeatable)'),
  asHere('deadlock', 'report a last state that is not final and has no enabled action (--no-deadlock: off)'),
  asHere('json', 'print the result as JSON on stdout'),
];

/** The model the trace names in `#meta.source` (what `--itf` writes), when it is a built-in one. */
function sourceModel(document: unknown): string | undefined {
  const meta = (document as { '#meta'?: { source?: unknown } } | null)?.['#meta'];
  const source = typeof meta?.source === 'string' ? meta.source : undefined;
  return source !== undefined && builtInModelNames.includes(source) ? source : undefined;
}

export async function replayCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const [file, ...rest] = argv;
  if (file === undefined || file.startsWith('--')) throw new UsageError('replay needs a trace file: cocomc replay TRACE.itf.json [MODEL] [flags]');
  const document = readJson(file, 'the trace');
  const named = rest[0] !== undefined && !rest[0].startsWith('--');
  const source = named ? undefined : sourceModel(document);
  const { model, params, values } = await parseCommandLine(source ? [source, ...rest] : rest, replayFlags);
  const trace = readItf(document, file);
  const result = await replayInThread(model, trace, { params, properties: values.property as string[] | undefined, deadlock: values.deadlock as boolean | undefined }, signal);
  if (!result) {
    process.stderr.write('cocomc: the replay was interrupted before it reached the end of the trace\n');
    return ExitCode.incomplete;
  }
  process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : formatReplay(result, file) + '\n');
  return result.behaviour ? ExitCode.ok : ExitCode.violated;
}
