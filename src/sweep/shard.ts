/**
 * Which checks of a study (a sweep or a matrix) one shard of N runs: the checks whose index is
 * K-1 modulo N. The sweep lists its sequences shortest first, and a sequence's check grows with
 * its length, so taking every N-th check gives each shard an even slice of every length (and of
 * every row of a matrix): the shards cost about the same without any estimate of a check's
 * cost, and the rule depends on nothing but K, N and the index, never on timing.
 */

/** Shard `index` (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** What --shard (and the library's `shard` option) accepts, as errors say it. */
export const SHARD_ACCEPTED = 'K/N, whole numbers with 1 <= K <= N (shard K of N)';

const SHARD = /^(\d+)\/(\d+)$/;

/** The shard `K/N` names, or undefined when the text is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = SHARD.exec(text);
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return Number.isSafeInteger(count) && index >= 1 && index <= count ? { index, count } : undefined;
}

/** The indices (from 0) of the shard's checks among a study's `total`. */
export function shareOf(total: number, shard: Shard): number[] {
  const share: number[] = [];
  for (let i = shard.index - 1; i < total; i += shard.count) share.push(i);
  return share;
}

/**
 * The checks a study runs: with `shard` (`'K/N'`, already validated), that shard and its share
 * of the `total` checks; without, every check.
 */
export function checksToRun(total: number, shard: string | undefined): { shard: Shard | undefined; indices: number[] } {
  const parsed = shard === undefined ? undefined : parseShard(shard);
  return { shard: parsed, indices: parsed ? shareOf(total, parsed) : Array.from({ length: total }, (_, i) => i) };
}

/** The option of sweep() and matrix() that runs one shard: `'K/N'`, as --shard takes it. */
export interface ShardOption {
  shard?: string;
}
