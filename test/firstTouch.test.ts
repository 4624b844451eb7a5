/** The first touch of a new buffer, cut into parts of whole pages for threads to take side by side. */
import { describe, expect, it } from 'vitest';
import { pageParts, touchPages } from '../src/parallel/firstTouch.js';

describe('first touch', () => {
  it('cuts a buffer into parts of whole pages that cover it once, in order', () => {
    for (const [bytes, threads] of [[16 + 4 * 2 ** 20, 2], [3 * 4096, 3], [5 * 4096 + 16, 3], [4096, 4], [0, 2]] as const) {
      const parts = pageParts(bytes, threads);
      expect(parts).toHaveLength(threads);
      expect(parts.every(({ from }) => from % 4096 === 0)).toBe(true);
      expect(parts.map(({ from }, t) => (t === 0 ? 0 : parts[t - 1]!.to) === from)).toEqual(parts.map(() => true));
      expect([parts[0]!.from, parts.at(-1)!.to]).toEqual([0, bytes]);
    }
    expect(pageParts(5 * 4096 + 16, 3)).toEqual([{ from: 0, to: 8192 }, { from: 8192, to: 16384 }, { from: 16384, to: 5 * 4096 + 16 }]);
  });

  it('leaves the buffer as it was, all zero, whatever part it touches', () => {
    const buffer = new SharedArrayBuffer(3 * 4096 + 100);
    for (const { from, to } of pageParts(buffer.byteLength, 2)) touchPages(buffer, from, to);
    expect(new Uint8Array(buffer).every((byte) => byte === 0)).toBe(true);
  });
});
