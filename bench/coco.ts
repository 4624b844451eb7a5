/**
 * The CoCo benchmarks: one large check (tdx, seven-step, decrypt) at growing sizes with 1 and 2
 * workers, and the sweep and the matrix on their defaults. Counts are printed to compare across
 * runs and implementations; speeds are ratios measured in the same run.
 */
import type { CheckResult } from '../src/result.js';
import { measureMatrix, measureSweep, measureWorkers, workerColumns, workerRows } from './measure.js';
import { printTable } from './table.js';

export async function benchCocoCheck(sizes: [pages: number, readers: number][]): Promise<void> {
  const verdict = (r: CheckResult): string => (r.properties.every((p) => p.status === 'holds' || p.status === 'witnessed') ? 'safe' : 'UNSAFE');
  const rows: (string | number)[][] = [];
  for (const [pages, readers] of sizes) {
    const measured = await measureWorkers('coco', { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages, readers });
    rows.push(...workerRows(`tdx seven-step p=${pages} r=${readers}`, measured, verdict));
  }
  printTable('CoCo check: tdx, seven-step, decrypt', ['configuration', ...workerColumns('verdict')], rows);
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
