/** What the commands that run many checks (sweep, matrix) share: their flags, and the options they give the library. */
import { numberFromFlag, validateManyChecksOptions, wholeNumberFrom } from '../../checkOptions.js';
import type { ManyChecksOptions } from '../../manyChecks.js';
import type { ShardOption } from '../../sweep/shard.js';
import type { FlagSpec } from '../args.js';
import { parseCommandLine, type CommandLine } from '../commandLine.js';
import { count } from '../../report/text.js';
import { shardFlag } from '../shard.js';
import { engineFlags } from './check.js';

/** The choice --json, --tsv and --markdown each make: they exclude each other. */
export const OUTPUT_FORMAT = 'output format';

export const manyChecksFlags: FlagSpec[] = [
  { flag: '--workers', key: 'workers', type: 'value', placeholder: 'N', doc: 'worker threads, each running whole checks', default: 'the number of cores', accepted: wholeNumberFrom(1) },
  engineFlags.find((f) => f.key === 'property')!,
  { flag: '--progress', key: 'progress', type: 'boolean', doc: 'show progress on stderr (on by default when stderr is a terminal)' },
  { flag: '--json', key: 'json', type: 'boolean', doc: 'print the result as JSON on stdout', default: 'false', oneOf: OUTPUT_FORMAT },
  shardFlag,
];

/** A many-checks command line: the model, its parameters, and the options (validated as the library validates them), with progress counting `what`. */
export async function parseManyChecks(argv: readonly string[], commandFlags: readonly FlagSpec[], what: string, signal: AbortSignal): Promise<CommandLine & { options: ManyChecksOptions & ShardOption }> {
  const line = await parseCommandLine(argv, commandFlags);
  const started = Date.now();
  const options = {
    workers: numberFromFlag(line.values.workers),
    properties: line.values.property,
    shard: line.values.shard,
    signal,
    onProgress: (done: number, total: number): void =>
      line.progress.show(`${what} ${count(done)}/${count(total)}  ${((Date.now() - started) / 1000).toFixed(1)} s`, done === total),
  };
  validateManyChecksOptions(options);
  return { ...line, options };
}
