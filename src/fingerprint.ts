/**
 * 64-bit fingerprints of packed states, as two 32-bit halves (JavaScript has no fast 64-bit
 * integers). Each half is a MurmurHash3-style hash of the bytes with its own seed and
 * multipliers; the seen-set compares both halves, so two states are merged only if all 64 bits
 * agree.
 */

/** The result slot of `fingerprint`: written in place so the hot path allocates nothing. */
export const fp = { hi: 0, lo: 0 };

/** Scrambles 32 bits so that every input bit moves about half the output bits (MurmurHash3's finaliser). */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fingerprints bytes[start, end) into `fp`. */
export function fingerprint(bytes: Uint8Array, start: number, end: number): void {
  let h1 = 0x9747b28c ^ (end - start);
  let h2 = 0x2545f491 ^ Math.imul(end - start, 0x01000193);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    let k1 = Math.imul(k, 0xcc9e2d51);
    k1 = (k1 << 15) | (k1 >>> 17);
    h1 ^= Math.imul(k1, 0x1b873593);
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    let k2 = Math.imul(k, 0x85ebca77);
    k2 = (k2 << 17) | (k2 >>> 15);
    h2 ^= Math.imul(k2, 0xc2b2ae3d);
    h2 = (h2 << 19) | (h2 >>> 13);
    h2 = (Math.imul(h2, 5) + 0x561ccd1b) | 0;
  }
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i]! << shift;
  h1 ^= Math.imul(tail, 0xcc9e2d51);
  h2 ^= Math.imul(tail, 0x85ebca77);
  fp.hi = mix(h1 ^ (h2 >>> 7));
  fp.lo = mix(h2 ^ Math.imul(h1, 0x27d4eb2f));
}

/**
 * The probability that some two of `distinct` states share a fingerprint, so that one was taken
 * for the other and never explored (the birthday bound, n^2 / 2^65). TLC prints the same estimate.
 */
export function collisionProbability(distinct: number): number {
  return (distinct * distinct) / 2 ** 65;
}
