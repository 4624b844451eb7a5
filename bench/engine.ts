/**
 * The engine benchmark: Flip(28) and Flip(32) with 1 and 2 workers. Counts must be exact (Lucas
 * numbers; TLC's states generated); speeds are reported with the 2-worker/1-worker ratio measured
 * in the same run, since absolute figures on a shared machine are noisy.
 */
import { flipCounts } from '../models/flip.js';
import { measure } from './measure.js';
import { printTable } from './table.js';

export function benchEngine(sizes: number[]): void {
  const rows: (string | number)[][] = [];
  for (const n of sizes) {
    const rates: number[] = [];
    for (const workers of [1, 2]) {
      const r = measure('flip', { n }, workers);
      const { distinct, transitions } = flipCounts(n);
      const exact = r.distinctStates === distinct && r.transitions === transitions ? 'exact' : `WRONG (want ${distinct}/${transitions})`;
      rates.push(r.transitions / r.seconds);
      rows.push([
        `flip n=${n}`, workers, r.distinctStates, r.statesGenerated, exact, r.seconds.toFixed(2),
        Math.round(r.distinctStates / r.seconds), Math.round(r.transitions / r.seconds), r.bytesPerState.toFixed(1),
        workers === 1 ? '' : (rates[1]! / rates[0]!).toFixed(2) + 'x',
      ]);
    }
  }
  printTable('Engine: Flip(N), packed codec', ['model', 'workers', 'distinct', 'generated', 'counts', 'seconds', 'distinct/s', 'transitions/s', 'B/state', '2w/1w'], rows);
}
