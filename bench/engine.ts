/**
 * The engine benchmark: Flip(28) and Flip(32) with 1 and 2 workers. Counts must be exact (the
 * closed forms of flipCounts, which agree with TLC); speeds are medians of alternating runs, and
 * the 2-worker/1-worker ratio is measured in the same run, since absolute figures on a shared
 * machine are noisy; so is its limit, the speed-up two 1-worker checks get side by side.
 */
import { flipCounts } from '../models/flip.js';
import type { CheckResult } from '../src/result.js';
import { measureWorkers, workerColumns, workerRows } from './measure.js';
import { printTable } from './table.js';

export async function benchEngine(sizes: number[]): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const n of sizes) {
    const { distinct, transitions } = flipCounts(n);
    const exact = (r: CheckResult): string =>
      r.distinctStates === distinct && r.transitions === transitions ? 'exact' : `WRONG (want ${distinct}/${transitions})`;
    rows.push(...workerRows(`flip n=${n}`, await measureWorkers('flip', { n }), exact));
  }
  printTable('Engine: Flip(N), with no codec of its own', ['model', ...workerColumns('counts')], rows);
}
