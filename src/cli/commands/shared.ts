/** What the commands that run many checks (sweep, matrix) share: their flags, parameters and progress. */
import { UsageError } from '../../errors.js';
import type { AnyModel } from '../../model.js';
import type { RawValue } from '../../params.js';
import { intFlag, paramFlags, parseArgs, type FlagSpec, type ParsedArgs } from '../args.js';
import { modelAndRest } from './check.js';

export const manyChecksFlags: FlagSpec[] = [
  { flag: '--workers', key: 'workers', type: 'value', placeholder: 'N', doc: 'worker threads, each running whole checks', default: 'the number of cores' },
  { flag: '--progress', key: 'progress', type: 'boolean', doc: 'show progress on stderr (on by default when stderr is a terminal)' },
  { flag: '--json', key: 'json', type: 'boolean', doc: 'print the result as JSON on stdout', default: 'false' },
];

/** The model parameters given on the command line, by parameter name. */
export function modelParams(modelFlags: readonly FlagSpec[], values: ParsedArgs['values']): Record<string, RawValue> {
  return Object.fromEntries(modelFlags.filter((f) => values[f.key] !== undefined).map((f) => [f.key, values[f.key] as RawValue]));
}

/** Progress of a batch of checks on stderr, at most four times a second; nothing on stdout. */
export function countProgress(stream: NodeJS.WriteStream, what: string, enabled: boolean) {
  let last = 0;
  const started = Date.now();
  return {
    update(done: number, total: number): void {
      if (!enabled || (Date.now() - last < 250 && done < total)) return;
      last = Date.now();
      const line = `${what} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${((Date.now() - started) / 1000).toFixed(1)} s`;
      stream.write(stream.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
    },
    done(): void {
      if (enabled && stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}

/** A many-checks command line: its model, the model's parameters, the worker count and the other flag values. */
export async function parseManyChecks(argv: readonly string[], commandFlags: readonly FlagSpec[], what: string) {
  const { model, rest } = await modelAndRest(argv);
  const modelFlags = paramFlags(model.params);
  const { positional, values } = parseArgs(rest, [...commandFlags, ...modelFlags]);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  return {
    model: model as AnyModel,
    params: modelParams(modelFlags, values),
    workers: intFlag(values, 'workers', '--workers', 1),
    values,
    progress: countProgress(process.stderr, what, Boolean(values.progress ?? process.stderr.isTTY)),
  };
}
