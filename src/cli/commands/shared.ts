/** What the commands that run many checks (sweep, matrix) share: their flags, workers and progress. */
import { numberFromFlag, validateManyChecksOptions, wholeNumberFrom } from '../../checkOptions.js';
import type { FlagSpec } from '../args.js';
import { parseCommandLine, type CommandLine } from '../commandLine.js';

/** The choice --json, --tsv and --markdown each make: they exclude each other. */
export const OUTPUT_FORMAT = 'output format';

export const manyChecksFlags: FlagSpec[] = [
  { flag: '--workers', key: 'workers', type: 'value', placeholder: 'N', doc: 'worker threads, each running whole checks', default: 'the number of cores', accepted: wholeNumberFrom(1) },
  { flag: '--progress', key: 'progress', type: 'boolean', doc: 'show progress on stderr (on by default when stderr is a terminal)' },
  { flag: '--json', key: 'json', type: 'boolean', doc: 'print the result as JSON on stdout', default: 'false', oneOf: OUTPUT_FORMAT },
];

/** A many-checks command line: the model, its parameters, the workers, and progress counting `what`. */
export async function parseManyChecks(argv: readonly string[], commandFlags: readonly FlagSpec[], what: string) {
  const line: CommandLine = await parseCommandLine(argv, commandFlags);
  const started = Date.now();
  const options = { workers: numberFromFlag(line.values.workers) };
  validateManyChecksOptions(options);
  return {
    ...line,
    workers: options.workers,
    onProgress: (done: number, total: number): void =>
      line.progress.show(`${what} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${((Date.now() - started) / 1000).toFixed(1)} s`, done === total),
  };
}
