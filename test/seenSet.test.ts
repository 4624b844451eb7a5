import { describe, expect, it } from 'vitest';
import { collisionProbability, fingerprint, fp } from '../src/fingerprint.js';
import { NO_PARENT, SeenSet } from '../src/seenSet.js';
import { pathTo } from '../src/trace.js';

describe('the fingerprint seen-set', () => {
  it('numbers new fingerprints densely and finds repeats across growth', () => {
    const seen = new SeenSet(8);
    const n = 100_000;
    for (let i = 0; i < n; i++) expect(seen.insert(i * 7919, i ^ 0x5bd1e995, i === 0 ? NO_PARENT : i - 1, i % 5)).toBe(i);
    expect(seen.size).toBe(n);
    for (let i = 0; i < n; i += 997) expect(seen.insert(i * 7919, i ^ 0x5bd1e995, 0, 0)).toBe(~i);
    expect(seen.size).toBe(n);
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

  it('stays within 24 bytes a state', () => {
    const seen = new SeenSet();
    for (let i = 0; i < 300_000; i++) seen.insert(i, Math.imul(i, 0x9e3779b1), 0, 0);
    expect(seen.bytes / seen.size).toBeLessThanOrEqual(24);
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
