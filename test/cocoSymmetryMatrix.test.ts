/**
 * `--symmetry` changes no verdict and no counterexample length on any cell of `cocomc matrix coco`.
 * At 2 pages and 1 reader, where pages are renamed: the matrix's own 2 readers take minutes twice
 * over, and reader symmetry is checked on the whole reachable set in cocoSymmetry.test.ts. (Its
 * traces are replays of real actions, matched step by step to the fingerprints the search recorded.)
 */
import { describe, expect, it } from 'vitest';
import { coco } from '../models/coco/index.js';
import type { RawValue } from '../src/params.js';
import { run } from './support/coco.js';

const cells = (coco.matrix ?? []).reduce<Record<string, RawValue>[]>(
  (partial, axis) => partial.flatMap((c) => axis.values.map((v) => ({ ...c, ...v.params }))),
  [{ pages: 2, readers: 1 }],
);

describe('coco: --symmetry on every matrix cell', () => {
  it('has the 48 cells', () => expect(cells).toHaveLength(48));
  for (const params of cells) {
    it(JSON.stringify(params), async () => {
      const plain = await run(params);
      const reduced = await run(params, { symmetry: true });
      const verdicts = (r: typeof plain): unknown[] => r.properties.map((p) => [p.name, p.status, p.traceLength]);
      expect(verdicts(reduced)).toEqual(verdicts(plain));
      expect(reduced.distinctStates).toBeLessThanOrEqual(plain.distinctStates);
    }, 60_000);
  }
});
