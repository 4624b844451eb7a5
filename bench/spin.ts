/**
 * cocomc beside SPIN's compiled verifier on the same Flip(N), when `spin` and `gcc` are installed
 * (Debian's `spin` package). The bench writes the Promela model itself, compiles `pan` with
 * `-DSAFETY` (safety properties only, as cocomc checks invariants), and alternates pan and cocomc
 * runs, keeping medians; the ratio is measured in the same run, since absolute figures on a shared
 * machine are noisy. SPIN searches depth-first, so its stack bound `-m` is set to the number of
 * states, which no path can exceed. Beside both, a plain JavaScript loop with no engine
 * (plainFlip.ts) shows what one thread of JavaScript does on the same states, with a recipe's
 * rings of booleans and with packed words.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flipCounts } from '../models/flip.js';
import type { CheckResult } from '../src/result.js';
import { alternate, measure, median } from './measure.js';
import { PLAIN_WAYS, type PlainRun, type PlainWay } from './plainFlip.js';
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

/** The plain JavaScript loop of plainFlip.ts, in a process of its own as every other figure. */
function runPlain(n: number, way: PlainWay): PlainRun {
  const script = fileURLToPath(new URL('./plainFlip.js', import.meta.url));
  return JSON.parse(spawnSync(process.execPath, [script, String(n), way], { encoding: 'utf8' }).stdout) as PlainRun;
}

const PLAIN_LABELS: Record<PlainWay, string> = {
  objects: 'plain JS loop, no engine: rings of booleans',
  bytes: 'plain JS loop, no engine: packed words',
};

export async function benchSpin(sizes: number[]): Promise<void> {
  if (!installed('spin', ['-V']) || !installed('gcc', ['--version'])) {
    console.log('\nSPIN comparison skipped: spin and gcc are not both installed (apt-get install spin gcc).');
    return;
  }
  const rows: (string | number)[][] = [];
  for (const n of sizes) {
    const want = flipCounts(n);
    const dir = compilePan(n);
    try {
      const pans: PanRun[] = [];
      const ours: CheckResult[] = [];
      const plains = PLAIN_WAYS.map((): PlainRun[] => []);
      await alternate(() => {
        pans.push(runPan(dir, n));
        ours.push(measure('flip', { n }, 1));
        PLAIN_WAYS.forEach((way, k) => plains[k]!.push(runPlain(n, way)));
      });
      const pan = median(pans);
      const cocomc = median(ours);
      const exact = (distinct: number, transitions: number): string =>
        distinct === want.distinct && transitions === want.transitions ? 'exact' : `WRONG (want ${want.distinct}/${want.transitions})`;
      rows.push(
        [`flip n=${n}`, 'pan -DSAFETY', pan.distinct, pan.transitions, exact(pan.distinct, pan.transitions), pan.seconds.toFixed(2), pan.memoryMiB.toFixed(0), ''],
        [`flip n=${n}`, 'cocomc, 1 worker', cocomc.distinctStates, cocomc.transitions, exact(cocomc.distinctStates, cocomc.transitions),
          cocomc.seconds.toFixed(2), (cocomc.peakMemoryBytes / 2 ** 20).toFixed(0), (pan.seconds / cocomc.seconds).toFixed(2) + 'x'],
        ...PLAIN_WAYS.map((way, k) => {
          const plain = median(plains[k]!);
          return [`flip n=${n}`, PLAIN_LABELS[way], plain.distinct, plain.transitions, exact(plain.distinct, plain.transitions),
            plain.seconds.toFixed(2), (plain.peakMemoryBytes / 2 ** 20).toFixed(0), (pan.seconds / plain.seconds).toFixed(2) + 'x'];
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable('cocomc beside SPIN 6 (pan) on Flip(N), and beside a plain JavaScript loop with no engine (bench/plainFlip.ts); MiB: pan\'s own total, others\' peak RSS; speed: pan time / its time',
    ['model', 'checker', 'distinct', 'transitions', 'counts', 'seconds', 'MiB', 'speed'], rows);
}
