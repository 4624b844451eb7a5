import { describe, expect, it } from 'vitest';
import { collisionProbability, fingerprint, fp } from '../src/fingerprint.js';
import { NO_PARENT, SeenSet } from '../src/seenSet.js';
import { pathTo } from '../src/trace.js';

describe('the fingerprint seen-set', () => {
  it('numbers new fingerprints densely and finds repeats across growth', () => {
    const seen = new SeenSet(8);
    const n = 100_000;
    // One expect per check, not per insert: 100,000 of them took seconds on a busy machine.
    const misnumbered: number[] = [];
    for (let i = 0; i < n; i++) if (seen.insert(i * 7919, i ^ 0x5bd1e995, i === 0 ? NO_PARENT : i - 1, i % 5) !== i) misnumbered.push(i);
    expect(misnumbered).toEqual([]);
    expect(seen.size).toBe(n);
    const unfound: number[] = [];
    for (let i = 0; i < n; i += 997) if (seen.insert(i * 7919, i ^ 0x5bd1e995, 0, 0) !== ~i) unfound.push(i);
    expect(unfound).toEqual([]);
    expect(seen.size).toBe(n);
  });

  it('restores from its pages, joined, with the same numbers, parents and actions, past a page', () => {
    const seen = new SeenSet();
    const n = 70_000;
    for (let i = 0; i < n; i++) seen.insert(i * 7919, i ^ 0x5bd1e995, i === 0 ? NO_PARENT : i - 1, i === 5 ? 70_000 : i % 5);
    const join = <T extends Uint32Array | Uint16Array>(parts: T[], make: (n: number) => T): T => {
      const all = make(parts.reduce((sum, p) => sum + p.length, 0));
      parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
      return all;
    };
    const pages = [...seen.pages()];
    expect(pages.map((p) => p.fpHi.length)).toEqual([65_536, n - 65_536]);
    const restored = SeenSet.restore(
      join(pages.map((p) => p.fpHi), (k) => new Uint32Array(k)),
      join(pages.map((p) => p.fpLo), (k) => new Uint32Array(k)),
      join(pages.map((p) => p.parents), (k) => new Uint32Array(k)),
      join(pages.map((p) => p.actions), (k) => new Uint16Array(k)),
    )!;
    expect(restored.size).toBe(n);
    for (const id of [0, 5, 65_535, 65_536, n - 1]) {
      expect([restored.fingerprintOf(id), restored.parentOf(id), restored.actionOf(id)]).toEqual([seen.fingerprintOf(id), seen.parentOf(id), seen.actionOf(id)]);
    }
    expect(restored.insert(7919 * 3, 3 ^ 0x5bd1e995, 0, 0)).toBe(~3);
    expect(SeenSet.restore(new Uint32Array([1, 1]), new Uint32Array([2, 2]), new Uint32Array(2), new Uint16Array(2))).toBeUndefined();
  });

  it('tells apart fingerprints that share one half', () => {
    const seen = new SeenSet(8);
    expect(seen.insert(1, 42, NO_PARENT, 0)).toBe(0);
    expect(seen.insert(2, 42, 0, 0)).toBe(1);
    expect(seen.insert(1, 43, 0, 0)).toBe(2);
    expect(seen.insert(2, 42, 0, 0)).toBe(~1);
  });

  it('keeps parent links and action indices for replay', () => {
    const seen = new SeenSet();
    seen.insert(10, 10, NO_PARENT, 0);
    seen.insert(11, 11, 0, 3);
    seen.insert(12, 12, 1, 70_000); // too wide for 16 bits: replay will search by fingerprint
    expect(pathTo(seen, 2)).toEqual([0, 3, 0xffff]);
    expect(seen.fingerprintOf(1)).toEqual({ hi: 11, lo: 11 });
  });

  it('stays within 62 bytes a state: 16 a slot at a load of at least 0.375, 14 for the columns and their last page part-filled', () => {
    for (const n of [98_304, 98_305, 300_000]) {
      const seen = new SeenSet();
      for (let i = 0; i < n; i++) seen.insert(i, Math.imul(i, 0x9e3779b1), 0, 0);
      expect(seen.bytes / seen.size).toBeLessThanOrEqual(62);
    }
  });

  it("counts the table's bytes and 14 for each state its pages have room for: the first page doubles from 256, later ones are whole", () => {
    for (const [n, slots] of [[1, 256], [1000, 1024], [70_000, 2 * 65_536]] as const) {
      const seen = new SeenSet();
      for (let i = 0; i < n; i++) seen.insert(i, Math.imul(i, 0x9e3779b1), 0, 0);
      expect(seen.bytes).toBe(seen.table.bytes + 14 * slots);
    }
  });
});

describe('fingerprints', () => {
  it('differ for inputs differing in one bit, and are stable', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7]);
    fingerprint(bytes, 0, bytes.length);
    const a = { ...fp };
    bytes[6] ^= 1;
    fingerprint(bytes, 0, bytes.length);
    expect({ ...fp }).not.toEqual(a);
    bytes[6] ^= 1;
    fingerprint(bytes, 0, bytes.length);
    expect({ ...fp }).toEqual(a);
  });

  it('hash only the given range', () => {
    const a = new Uint8Array([9, 1, 2, 3, 9]);
    fingerprint(a, 1, 4);
    const inner = { ...fp };
    fingerprint(new Uint8Array([1, 2, 3]), 0, 3);
    expect({ ...fp }).toEqual(inner);
  });

  it('estimate collision odds by the birthday bound', () => {
    expect(collisionProbability(2 ** 20)).toBeCloseTo(2 ** 40 / 2 ** 65, 30);
  });
});
