/** `--shard K/N` on the commands that run a study (sweep, matrix), and the flags a shard cannot take. */
import { ExitCode, UsageError } from '../errors.js';
import { formatShard } from '../report/shardText.js';
import { SHARD_ACCEPTED } from '../sweep/shard.js';
import type { ShardPart } from '../sweep/shardPart.js';
import type { FlagSpec, ParsedArgs } from './args.js';

export const shardFlag: FlagSpec = {
  flag: '--shard',
  key: 'shard',
  type: 'value',
  placeholder: 'K/N',
  doc: 'check only shard K of N (every Nth check, from the Kth) and print that part; its --json is what cocomc merge combines',
  default: 'the whole job',
  accepted: SHARD_ACCEPTED,
};

/**
 * Refuses, before any check, the flags among `wholeStudy` that speak of the whole study: a shard
 * holds only part of its checks, and `cocomc merge` gives the whole study's outputs.
 */
export function refuseWithShard(values: ParsedArgs['values'], wholeStudy: readonly FlagSpec[], study: string): void {
  if (values.shard === undefined) return;
  const given = wholeStudy.find((f) => values[f.key] !== undefined && values[f.key] !== false);
  if (given) {
    throw new UsageError(`${given.flag} cannot be given with --shard: it needs the whole ${study}, and a shard checks only part of it; accepted with --shard: --json or the text report (cocomc merge PART.json ... then gives the whole ${study})`);
  }
}

/** Prints a shard's part (its --json for merge, or its text) and returns its exit code: 3 when some of its checks did not finish. */
export function printShard(part: ShardPart, json: boolean): number {
  process.stdout.write((json ? JSON.stringify(part, null, 2) : formatShard(part)) + '\n');
  return part.complete ? ExitCode.ok : ExitCode.incomplete;
}
