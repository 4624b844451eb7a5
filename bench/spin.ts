/**
 * cocomc beside SPIN's compiled verifier on the same Flip(N), when `spin` and `gcc` are installed
 * (Debian's `spin` package). The bench writes the Promela model itself, compiles `pan` with
 * `-DSAFETY` (safety properties only, as cocomc checks invariants), and alternates pan and cocomc
 * runs, keeping medians; the ratio is measured in the same run, since absolute figures on a shared
 * machine are noisy. SPIN searches depth-first, so its stack bound `-m` is set to the number of
 * states, which no path can exceed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flipCounts } from '../models/flip.js';
import type { CheckResult } from '../src/result.js';
import { measure, median, REPEATS } from './measure.js';
import { printTable } from './table.js';

/** Flip(N) in Promela: one process whose loop flips a bit whose neighbours are both clear. */
export function flipPromela(n: number): string {
  const alternatives = Array.from({ length: n }, (_, i) => {
    const left = (i + n - 1) % n;
    const right = (i + 1) % n;
    // The invariant is checked where it can break: at the bit just flipped.
    return `  :: atomic { !b[${left}] && !b[${right}] -> b[${i}] = !b[${i}]; assert(!(b[${i}] && (b[${left}] || b[${right}]))) }`;
  });
  return `bool b[${n}];\nactive proctype flip() {\n  do\n${alternatives.join('\n')}\n  od\n}\n`;
}

interface PanRun {
  distinct: number;
  transitions: number;
  seconds: number;
  /** pan's own figure, "total actual memory usage". */
  memoryMiB: number;
}

const installed = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function compilePan(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-spin-'));
  writeFileSync(path.join(dir, 'flip.pml'), flipPromela(n));
  for (const [command, args] of [['spin', ['-a', 'flip.pml']], ['gcc', ['-O2', '-DSAFETY', '-o', 'pan', 'pan.c']]] as const) {
    const run = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr || run.stdout}`);
  }
  return dir;
}

function runPan(dir: string, n: number): PanRun {
  const started = process.hrtime.bigint();
  const run = spawnSync('./pan', [`-m${flipCounts(n).distinct}`], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const figure = (pattern: RegExp): number => {
    const match = pattern.exec(run.stdout);
    if (!match) throw new Error(`pan printed no ${pattern.source}:\n${run.stdout}${run.stderr}`);
    return Number(match[1]);
  };
  return {
    distinct: figure(/(\d+) states, stored/),
    // pan counts stored + matched, the initial state included; cocomc's transitions leave it out.
    transitions: figure(/(\d+) transitions \(= stored\+matched\)/) - 1,
    seconds,
    memoryMiB: figure(/([\d.]+)\s+total actual memory usage/),
  };
}

export function benchSpin(sizes: number[]): void {
  if (!installed('spin', ['-V']) || !installed('gcc', ['--version'])) {
    console.log('\nSPIN comparison skipped: spin and gcc are not both installed (apt-get install spin gcc).');
    return;
  }
  const rows = sizes.flatMap((n) => {
    const want = flipCounts(n);
    const dir = compilePan(n);
    try {
      const pans: PanRun[] = [];
      const ours: CheckResult[] = [];
      for (let i = 0; i < REPEATS; i++) {
        pans.push(runPan(dir, n));
        ours.push(measure('flip', { n }, 1));
      }
      const pan = median(pans);
      const cocomc = median(ours);
      const exact = (distinct: number, transitions: number): string =>
        distinct === want.distinct && transitions === want.transitions ? 'exact' : `WRONG (want ${want.distinct}/${want.transitions})`;
      return [
        [`flip n=${n}`, 'pan -DSAFETY', pan.distinct, pan.transitions, exact(pan.distinct, pan.transitions), pan.seconds.toFixed(2), pan.memoryMiB.toFixed(0), ''],
        [`flip n=${n}`, 'cocomc, 1 worker', cocomc.distinctStates, cocomc.transitions, exact(cocomc.distinctStates, cocomc.transitions),
          cocomc.seconds.toFixed(2), (cocomc.peakMemoryBytes / 2 ** 20).toFixed(0), (pan.seconds / cocomc.seconds).toFixed(2) + 'x'],
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  printTable('cocomc beside SPIN 6 (pan) on Flip(N); MiB: pan\'s own total, cocomc\'s peak RSS; speed: pan time / cocomc time',
    ['model', 'checker', 'distinct', 'transitions', 'counts', 'seconds', 'MiB', 'speed'], rows);
}
