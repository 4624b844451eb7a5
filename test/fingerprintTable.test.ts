/** The seen-set's shared table: claims keep the least key, whoever claims first and in whatever thread. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { Claim, FIRST_EPOCH, FingerprintTable } from '../src/fingerprintTable.js';
import { mix } from '../src/fingerprint.js';
import { comparable } from './support/comparable.js';
import { fanOut } from './fixtures/fanOutModel.js';

describe('claims in the fingerprint table', () => {
  it('keeps the least key of an epoch and tells entries of earlier epochs apart', () => {
    const table = FingerprintTable.create(256);
    const epoch = FIRST_EPOCH;
    expect(table.claim(1, 2, epoch, 50)).toBe(Claim.made);
    expect(table.claim(1, 2, epoch, 60)).toBe(Claim.lost);
    expect(table.claim(1, 2, epoch, 40)).toBe(Claim.held);
    expect(table.claim(1, 2, epoch, 40)).toBe(Claim.held);
    expect(table.claim(1, 2, epoch, 50)).toBe(Claim.lost);
    expect(table.claimOf(1, 2)).toBe(40);
    // The same low half with another high half is another state.
    expect(table.claim(9, 2, epoch, 70)).toBe(Claim.made);
    expect(table.claim(1, 2, epoch + 1, 0)).toBe(Claim.known);
    expect(table.insert(5, 5, 7)).toBe(-1);
    expect(table.insert(5, 5, 8)).toBe(7);
    expect(table.claim(5, 5, epoch, 0)).toBe(Claim.known);
    expect(table.size).toBe(3);
  });

  it('refuses to grow into a buffer made for another capacity, whose writes past its end would be lost', () => {
    const table = FingerprintTable.create(256);
    expect(() => table.grownTo(1024, FingerprintTable.allocate(512))).toThrow(RangeError);
    expect(table.grownTo(1024, FingerprintTable.allocate(1024)).capacity).toBe(1024);
  });

  it('makes no entry past three quarters full, and keeps every entry when grown', () => {
    const table = FingerprintTable.create(256);
    let made = 0;
    while (table.claim(mix(made), made, FIRST_EPOCH, made) === Claim.made) made++;
    expect(made).toBe(192);
    expect(table.claim(mix(0), 0, FIRST_EPOCH, 0)).toBe(Claim.held);
    const grown = table.grownTo(1024);
    expect(grown.size).toBe(192);
    for (let i = 0; i < 192; i++) expect(grown.claimOf(mix(i), i)).toBe(i);
    expect(grown.claim(mix(500), 500, FIRST_EPOCH, 500)).toBe(Claim.made);
  });

  it('gives the least key when two threads claim the same fingerprints at once', async () => {
    const n = 200_000;
    const table = FingerprintTable.create(FingerprintTable.capacityFor(n));
    // Thread k claims every fingerprint i with key 2i + k, in opposite orders: half of the least
    // claims are made after the other thread's larger one.
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      const { buffer, n, k } = workerData;
      import(${JSON.stringify(new URL('../dist/src/fingerprintTable.js', import.meta.url).href)}).then(({ FingerprintTable }) => {
        const table = new FingerprintTable(buffer);
        const made = [0, 0, 0, 0, 0];
        for (let j = 0; j < n; j++) {
          const i = k === 0 ? j : n - 1 - j;
          made[table.claim(Math.imul(i, 0x9e3779b1) >>> 0, i, 3, 2 * i + k)]++;
        }
        parentPort.postMessage(made);
      });`;
    const runs = [0, 1].map((k) => new Promise<number[]>((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData: { buffer: table.buffer, n, k } });
      worker.once('message', resolve);
      worker.once('error', reject);
    }));
    const [zero, one] = await Promise.all(runs);
    expect(zero![Claim.made]! + one![Claim.made]!).toBe(n);
    expect(table.size).toBe(n);
    const wrong = [];
    for (let i = 0; i < n; i++) if (table.claimOf(Math.imul(i, 0x9e3779b1) >>> 0, i) !== 2 * i) wrong.push(i);
    expect(wrong).toEqual([]);
  });
});

describe('a level that fills the table mid-way', () => {
  it('has the states, counts and counterexample of one thread, with 1, 2 and 3 workers', async () => {
    const options = { params: { width: 200 }, batchSize: 3, minBatchesForWorkers: 1, exhaustive: true };
    const one = await check(fanOut, { ...options, workers: 1 });
    expect([one.distinctStates, one.transitions, one.complete]).toEqual([1 + 2 + 2 * 200, 2 + 2 * 200, true]);
    const trace = one.properties.find((p) => p.name === 'NotLastThenFirst')!.trace!;
    expect(trace.map((step) => step.args)).toEqual(['', '2', '1']);
    for (const workers of [2, 3]) {
      const many = await check(fanOut, { ...options, workers });
      expect(many.workersUsed).toBe(workers);
      expect(comparable(many)).toEqual(comparable(one));
    }
  });
});
