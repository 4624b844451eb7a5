/** The sweep's report: what is safe, the forced order, and why each step and edge is needed. */
import type { ConfirmResult } from '../sweep/confirm.js';
import type { SweepResult } from '../sweep/sweep.js';
import { formatViolations } from './violations.js';

const count = (n: number): string => n.toLocaleString('en-US');
const seq = (steps: readonly string[]): string => (steps.length ? steps.join(' ') : '(no steps: just return ok)');

/** The forced order as chains where possible: each reduced edge once. */
function formatEdges(edges: SweepResult['edges']): string[] {
  return edges.map(([a, b]) => `  ${a} -> ${b}`);
}

export function formatSweep(result: SweepResult): string {
  const params = Object.entries(result.params).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  const unsafe = result.results.filter((r) => r.violated.length > 0).length;
  const width = Math.max(...result.base.map((s) => s.length));
  const out = [
    `cocomc sweep: ${result.model}, ${count(result.sequences)} sequences of distinct steps from: ${result.base.join(', ')}`,
    `configuration: ${params || 'defaults'}; ${result.seconds.toFixed(1)} s on ${result.workers} worker${result.workers === 1 ? '' : 's'}` +
      (result.complete ? '' : ` (interrupted: ${count(result.results.length)} checked)`),
    '',
    `Safe sequences (every property holds and CPU 0 can complete): ${count(result.safe.length)} of ${count(result.results.length)}`,
    ...result.safe.map((s, i) => `  ${String(i + 1).padStart(3)}. ${seq(s)}`),
    '',
    `Forced order: every safe sequence that holds both steps has them in this order (${result.forcedOrder.length} pairs; the ${result.edges.length} edges below imply the rest):`,
    ...(result.edges.length ? formatEdges(result.edges) : ['  (none)']),
    '',
    'Why each step is needed (the reference order without it):',
    ...result.whyStep.map((w) => `  ${w.reason.replace('without ', '').padEnd(width)}  ${formatViolations(w.violated)}\n  ${''.padEnd(width)}  ${seq(w.steps)}`),
    '',
    'Why each edge is needed (the reference order with the pair swapped, or the nearest order that breaks only that edge):',
    ...(result.whyEdge.length
      ? result.whyEdge.map((w) => `  ${w.reason}: ${formatViolations(w.violated)}\n    ${seq(w.steps)}`)
      : ['  (no edges)']),
    '',
    `First property to fail (shortest counterexample), over the ${count(unsafe)} unsafe sequences:`,
    ...result.firstFailure.map((f) => `  ${f.name.padEnd(24)} ${count(f.count).padStart(7)}`),
  ];
  return out.join('\n');
}

/** One row per sequence: the steps, safe or not, and each failure with its trace length. */
export function formatSweepTsv(result: SweepResult): string {
  const rows = result.results.map((r) => [r.steps.join(','), r.violated.length === 0 ? 'safe' : 'unsafe', r.violated.map((v) => `${v.name}:${v.traceLength ?? ''}`).join(';')].join('\t'));
  return ['steps\tverdict\tviolated', ...rows].join('\n');
}

export function formatConfirm(confirmation: ConfirmResult): string {
  const larger = Object.entries(confirmation.larger).map(([k, v]) => `${k}=${v}`).join(',');
  const head = `Confirmation at ${larger}: ${count(confirmation.checked)} sequences re-checked (${count(confirmation.safeChecked)} safe, ${count(confirmation.unsafeChecked)} unsafe sampled) in ${confirmation.seconds.toFixed(1)} s:`;
  if (confirmation.changed.length === 0) return `${head} no verdict changed.`;
  return [
    `${head} ${confirmation.changed.length} verdicts changed:`,
    ...confirmation.changed.map((c) => `  ${seq(c.steps)}: ${c.small.join(', ') || 'safe'} -> ${c.large.join(', ') || 'safe'}`),
  ].join('\n');
}
