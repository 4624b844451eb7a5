/**
 * `npm run scope [-- --time-limit SECONDS --max-pages N --max-readers N --workers N --only PROTOCOL]`: how far an
 * exhaustive check of the CoCo model reaches, as the README's scope table (Markdown on stdout).
 * Seven-step, and seven-step without flushTlb, on tdx and hyperv-vtom, decrypt, at pages x readers
 * from 1x1 upwards, each with `--symmetry` and capped by the time limit (600 s by default). A run
 * the cap stops says so and keeps only what it found: a violation found is real, "holds" is never
 * claimed; a larger scope than one that did not finish is not run.
 */
import { availableParallelism } from 'node:os';
import { check } from '../src/check.js';
import type { CheckResult } from '../src/result.js';
import { coco } from '../models/coco/index.js';
import { SEVEN_STEPS } from '../models/coco/protocols.js';

interface Options {
  timeLimit: number;
  maxPages: number;
  maxReaders: number;
  workers: number;
  /** The one protocol to run (its label), so that a long table can be run in parts; both by default. */
  only?: string;
}

const DEFAULTS: Options = { timeLimit: 600, maxPages: 4, maxReaders: 4, workers: 2 };
const FLAGS: Record<string, keyof Options> = { '--time-limit': 'timeLimit', '--max-pages': 'maxPages', '--max-readers': 'maxReaders', '--workers': 'workers', '--only': 'only' };

/** The options, or the one line that says which argument is wrong. */
function parse(args: readonly string[]): Options | string {
  const options = { ...DEFAULTS };
  for (let i = 0; i < args.length; i += 2) {
    const key = FLAGS[args[i]!];
    if (!key) return `unknown argument '${args[i]}'; accepted: ${Object.keys(FLAGS).join(', ')}`;
    if (key === 'only') {
      const labels = PROTOCOLS.map((p) => p.label);
      if (!labels.includes(args[i + 1]!)) return `bad value '${args[i + 1] ?? ''}' for --only; accepted: ${labels.join(', ')}`;
      options.only = args[i + 1];
      continue;
    }
    const value = Number(args[i + 1]);
    if (!Number.isSafeInteger(value) || value < 1) return `bad value '${args[i + 1] ?? ''}' for ${args[i]}; accepted: a whole number >= 1`;
    options[key] = value;
  }
  return options;
}

const PROTOCOLS = [
  { label: 'seven-step', params: { protocol: 'seven-step' } },
  { label: 'seven-step without flushTlb', params: { steps: SEVEN_STEPS.filter((step) => step !== 'flushTlb').join(',') } },
];
const PLATFORMS = ['tdx', 'hyperv-vtom'];

/** What a run found, in words that never call an unfinished search safe. */
function verdictOf(result: CheckResult): string {
  const violated = result.properties.filter((p) => p.status === 'violated' || p.status === 'unwitnessed');
  if (violated.length) return `violated: ${violated.map((p) => `${p.name}${p.traceLength === null ? '' : ` (${p.traceLength})`}`).join(', ')}`;
  return result.complete ? 'holds' : `not finished (${result.stopReason})`;
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)).join(' | ')} |`;
}

const options = parse(process.argv.slice(2));
if (typeof options === 'string') {
  process.stderr.write(`npm run scope: ${options}\n`);
  process.exit(2);
}
console.log(`Each run: --symmetry, --workers ${options.workers}, --time-limit ${options.timeLimit} s, on ${availableParallelism()} cores.\n`);
console.log(row(['protocol', 'platform', 'pages x readers', 'verdict', 'distinct states', 'seconds', 'search']));
console.log(row(['---', '---', '---', '---', '---', '---', '---']));
for (const protocol of PROTOCOLS.filter((p) => options.only === undefined || p.label === options.only)) {
  for (const platform of PLATFORMS) {
    // A scope is not run when a smaller one (fewer or as many pages and readers) did not finish.
    const unfinished: [number, number][] = [];
    for (let pages = 1; pages <= options.maxPages; pages++) {
      for (let readers = 1; readers <= options.maxReaders; readers++) {
        const scope = `${pages} x ${readers}`;
        const blocker = unfinished.find(([p, r]) => p <= pages && r <= readers);
        if (blocker) {
          console.log(row([protocol.label, platform, scope, `not run (${blocker[0]} x ${blocker[1]} did not finish)`, '', '', '']));
          continue;
        }
        const result = await check(coco, {
          params: { ...protocol.params, platform, direction: 'decrypt', pages, readers },
          workers: options.workers, symmetry: true, timeLimit: options.timeLimit,
        });
        if (!result.complete && result.stopReason !== 'decided') unfinished.push([pages, readers]);
        const search = result.complete ? 'complete' : `stopped: ${result.stopReason}`;
        console.log(row([protocol.label, platform, scope, verdictOf(result), result.distinctStates, result.seconds.toFixed(1), search]));
      }
    }
  }
}
