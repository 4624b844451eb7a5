/** What the commands that run many checks (sweep, matrix) share: their flags, workers and progress. */
import { intFlag, type FlagSpec } from '../args.js';
import { parseCommandLine, type CommandLine } from '../commandLine.js';

export const manyChecksFlags: FlagSpec[] = [
  { flag: '--workers', key: 'workers', type: 'value', placeholder: 'N', doc: 'worker threads, each running whole checks', default: 'the number of cores' },
  { flag: '--progress', key: 'progress', type: 'boolean', doc: 'show progress on stderr (on by default when stderr is a terminal)' },
  { flag: '--json', key: 'json', type: 'boolean', doc: 'print the result as JSON on stdout', default: 'false' },
];

/** A many-checks command line: the model, its parameters, the workers, and progress counting `what`. */
export async function parseManyChecks(argv: readonly string[], commandFlags: readonly FlagSpec[], what: string) {
  const line: CommandLine = await parseCommandLine(argv, commandFlags);
  const started = Date.now();
  return {
    ...line,
    workers: intFlag(line.values, 'workers', '--workers', 1),
    onProgress: (done: number, total: number): void =>
      line.progress.show(`${what} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${((Date.now() - started) / 1000).toFixed(1)} s`, done === total),
  };
}
