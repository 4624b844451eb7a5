/**
 * Flip(N) searched by a plain JavaScript loop with no engine: what one thread of JavaScript does
 * with the same states on this machine, the floor under cocomc's 1-worker figure. It keeps only
 * what any search must do per transition: the guard, the successor, its fingerprint (cocomc's own
 * function) and one probe of an open-addressing table of fingerprints, level by level. No limits,
 * no traces, no claims, no batches.
 *
 * Two ways of making a successor:
 * - `objects`, as a model's recipe gets it: the parent's ring of booleans copied into a draft
 *   array, the bit flipped in the draft, the draft packed into a word bit by bit;
 * - `bytes`: the parent's packed word with the bit flipped, as a compiled checker such as SPIN
 *   changes its state vector in place.
 *
 * Run as a script: `node dist/bench/plainFlip.js N objects|bytes` prints one line of JSON.
 */
import { fileURLToPath } from 'node:url';
import { fingerprint, fp } from '../src/fingerprint.js';

export const PLAIN_WAYS = ['objects', 'bytes'] as const;
export type PlainWay = (typeof PLAIN_WAYS)[number];

export interface PlainRun {
  distinct: number;
  transitions: number;
  seconds: number;
  /** The process's peak resident memory. */
  peakMemoryBytes: number;
}

/** Inserts a fingerprint into `table` (pairs of words, 0/0 = empty); false if it was there. */
function inserted(table: Uint32Array, mask: number, hi: number, lo: number): boolean {
  // A fingerprint of 0/0 would read as empty; the engine's table tags its slots instead.
  if ((hi | lo) === 0) lo = 1;
  for (let slot = (lo ^ (hi >>> 11)) & mask; ; slot = (slot + 1) & mask) {
    const at = 2 * slot;
    if ((table[at]! | table[at + 1]!) === 0) {
      table[at] = hi;
      table[at + 1] = lo;
      return true;
    }
    if (table[at] === hi && table[at + 1] === lo) return false;
  }
}

/** Searches Flip(n), n <= 32: each state a 32-bit word, one bit per position. */
export function plainFlip(n: number, way: PlainWay): PlainRun {
  if (!(Number.isInteger(n) && n >= 3 && n <= 32)) throw new Error(`n must be a whole number from 3 to 32, not ${n}`);
  const started = process.hrtime.bigint();
  // Room for the Lucas number L(n) < 1.62^n + 1 at a load below one half.
  let capacity = 1 << 10;
  while (capacity < 2 * (1.62 ** n + 1)) capacity *= 2;
  const table = new Uint32Array(2 * capacity);
  const mask = capacity - 1;
  const bytes = new Uint8Array(4);
  const fingerprintOf = (word: number): void => {
    bytes[0] = word & 255;
    bytes[1] = (word >>> 8) & 255;
    bytes[2] = (word >>> 16) & 255;
    bytes[3] = word >>> 24;
    fingerprint(bytes, 0, 4);
  };
  const actions = Array.from({ length: n }, (_, i) => {
    const left = (i + n - 1) % n;
    const right = (i + 1) % n;
    return {
      guard: (ring: boolean[]) => !ring[left] && !ring[right],
      recipe: (ring: boolean[]) => void (ring[i] = !ring[i]),
      neighbours: (1 << left) | (1 << right),
    };
  });
  const ring = new Array<boolean>(n).fill(false);
  const draft = new Array<boolean>(n).fill(false);

  let level = new Uint32Array(1);
  let levelCount = 1;
  fingerprintOf(0);
  inserted(table, mask, fp.hi, fp.lo);
  let distinct = 1;
  let transitions = 0;
  while (levelCount > 0) {
    let next = new Uint32Array(Math.max(16, levelCount * 4));
    let nextCount = 0;
    for (let s = 0; s < levelCount; s++) {
      const word = level[s]!;
      for (let i = 0; i < n; i++) ring[i] = ((word >>> i) & 1) === 1;
      for (let i = 0; i < n; i++) {
        const { guard, recipe, neighbours } = actions[i]!;
        let successor: number;
        if (way === 'bytes') {
          if ((word & neighbours) !== 0) continue;
          successor = (word ^ (1 << i)) >>> 0;
        } else {
          if (!guard(ring)) continue;
          for (let k = 0; k < n; k++) draft[k] = ring[k]!;
          recipe(draft);
          successor = 0;
          for (let k = 0; k < n; k++) if (draft[k]) successor |= 1 << k;
          successor >>>= 0;
        }
        transitions++;
        fingerprintOf(successor);
        if (!inserted(table, mask, fp.hi, fp.lo)) continue;
        distinct++;
        if (nextCount === next.length) {
          const grown = new Uint32Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        next[nextCount++] = successor;
      }
    }
    level = next;
    levelCount = nextCount;
  }
  return {
    distinct,
    transitions,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, way] = process.argv.slice(2);
  if (!PLAIN_WAYS.includes(way as PlainWay)) throw new Error(`way must be ${PLAIN_WAYS.join(' or ')}, not ${way}`);
  console.log(JSON.stringify(plainFlip(Number(n), way as PlainWay)));
}
