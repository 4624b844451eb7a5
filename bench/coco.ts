/**
 * The CoCo benchmarks: one large check (tdx, seven-step, decrypt) at growing sizes with 1 and 2
 * workers, the same check with and without the model's own codec, and the sweep and the matrix on
 * their defaults. Counts are printed to compare across runs and implementations; speeds are
 * ratios measured in the same run.
 */
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../src/result.js';
import { alternate, measure, measureMatrix, measureSweep, measureWorkers, median, workerColumns, workerRows } from './measure.js';
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

/**
 * The CoCo check on one worker with the model's own codec and without it (the layout the engine
 * derives, as for a model of one's own), alternating, medians kept.
 */
export async function benchCocoWithoutCodec(sizes: [pages: number, readers: number][]): Promise<void> {
  const withoutCodec = fileURLToPath(new URL('./cocoWithoutCodec.js', import.meta.url));
  const rows: (string | number)[][] = [];
  for (const [pages, readers] of sizes) {
    const params = { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages, readers };
    const own: CheckResult[] = [];
    const derived: CheckResult[] = [];
    await alternate(() => {
      own.push(measure('coco', params, 1));
      derived.push(measure(withoutCodec, params, 1));
    });
    const [a, b] = [median(own), median(derived)];
    const row = (label: string, r: CheckResult, speed: string): (string | number)[] =>
      [`tdx seven-step p=${pages} r=${readers}`, label, r.distinctStates, r.transitions, r.seconds.toFixed(2), (r.peakMemoryBytes / 2 ** 20).toFixed(0), r.bytesPerState.toFixed(1), speed];
    rows.push(row("the model's own codec", a, ''), row('no codec: derived layout', b, (a.seconds / b.seconds).toFixed(2) + 'x'));
  }
  printTable("CoCo on one worker with its own codec and without it; MiB: peak RSS; speed: the codec's time / its time",
    ['configuration', 'encoding', 'distinct', 'transitions', 'seconds', 'MiB', 'B/state', 'speed'], rows);
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
