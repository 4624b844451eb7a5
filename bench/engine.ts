/**
 * The engine benchmark: Flip(28) and Flip(32) with 1 and 2 workers. Counts must be exact (the
 * closed forms of flipCounts, which agree with TLC); speeds are medians of alternating runs, and
 * the 2-worker/1-worker ratio is measured in the same run, since absolute figures on a shared
 * machine are noisy.
 */
import { flipCounts } from '../models/flip.js';
import type { CheckResult } from '../src/result.js';
import { measureWorkers, workerRows } from './measure.js';
import { printTable } from './table.js';

export function benchEngine(sizes: number[]): void {
  const rows = sizes.flatMap((n) => {
    const { distinct, transitions } = flipCounts(n);
    const exact = (r: CheckResult): string =>
      r.distinctStates === distinct && r.transitions === transitions ? 'exact' : `WRONG (want ${distinct}/${transitions})`;
    return workerRows(`flip n=${n}`, measureWorkers('flip', { n }), exact);
  });
  printTable('Engine: Flip(N), packed codec', ['model', 'workers', 'distinct', 'transitions', 'counts', 'seconds', 'distinct/s', 'transitions/s', 'B/state', '2w/1w'], rows);
}
