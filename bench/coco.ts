/**
 * The CoCo benchmarks: one large check (tdx, seven-step, decrypt) at growing sizes with 1 and 2
 * workers, and the sweep and the matrix on their defaults. Counts are printed to compare across
 * runs and implementations; speeds are ratios measured in the same run.
 */
import type { CheckResult } from '../src/result.js';
import { measureMatrix, measureSweep, measureWorkers, workerRows } from './measure.js';
import { printTable } from './table.js';

export function benchCocoCheck(sizes: [pages: number, readers: number][]): void {
  const verdict = (r: CheckResult): string => (r.properties.every((p) => p.status === 'holds' || p.status === 'witnessed') ? 'safe' : 'UNSAFE');
  const rows = sizes.flatMap(([pages, readers]) =>
    workerRows(`tdx seven-step p=${pages} r=${readers}`, measureWorkers('coco', { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages, readers }), verdict),
  );
  printTable('CoCo check: tdx, seven-step, decrypt', ['configuration', 'workers', 'distinct', 'transitions', 'verdict', 'seconds', 'distinct/s', 'transitions/s', 'B/state', '2w/1w'], rows);
}

export function benchSweepAndMatrix(): void {
  const rows: (string | number)[][] = [];
  for (const workers of [1, 2]) {
    const s = measureSweep('coco', {}, workers);
    rows.push(['sweep (hyperv-vtom, pages 1, readers 1)', workers, s.sequences, `${s.safe.length} safe`, s.seconds.toFixed(1)]);
    const m = measureMatrix('coco', {}, workers);
    rows.push(['matrix (pages 2, readers 2)', workers, m.cells.length, `${m.cells.filter((c) => c.violated.length === 0).length} safe`, m.seconds.toFixed(1)]);
  }
  printTable('CoCo sweep and matrix on their defaults', ['job', 'workers', 'checks', 'result', 'seconds'], rows);
}
