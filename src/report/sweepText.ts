/**
 * The sweep's report: what is safe, the forced order, and why each step and edge is needed. An
 * incomplete sweep (Ctrl-C) says so wherever a part rests on the sequences it did not check.
 */
import type { ConfirmResult } from '../sweep/confirm.js';
import type { SweepResult } from '../sweep/sweep.js';
import { count, counted } from './text.js';
import { formatOutcome } from './violations.js';

const seq = (steps: readonly string[]): string => (steps.length ? steps.join(' ') : '(no steps)');

/** The forced order as chains where possible: each reduced edge once. */
function formatEdges(edges: SweepResult['edges']): string[] {
  return edges.map(([a, b]) => `  ${a} -> ${b}`);
}

/** The heading of the forced order, and what it rests on. */
function forcedOrderHeading(result: SweepResult): string {
  const pairs = `${counted(result.forcedOrder.length, 'pair')}, implied by the ${counted(result.edges.length, 'edge')} below`;
  if (result.complete) return `Forced order: every safe sequence that holds both steps has them in this order (${pairs}):`;
  return (
    `Forced order, as far as the checked sequences prove it (the sweep is incomplete; the ${counted(result.notChecked, 'sequence')} not checked may force more): ` +
    `a safe sequence has both steps in this order and none with them the other way round is safe or not checked (${pairs}):`
  );
}

export function formatSweep(result: SweepResult): string {
  const params = Object.entries(result.params).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  const checked = result.sequences - result.notChecked;
  const unsafe = result.results.filter((r) => r.verdict === 'unsafe').length;
  const width = Math.max(...result.base.map((s) => s.length));
  const incomplete = result.complete ? '' : ` (incomplete: ${counted(result.notChecked, 'sequence')} not checked, marked so below)`;
  const out = [
    `cocomc sweep: ${result.model}, ${counted(result.sequences, 'sequence')} of distinct steps from: ${result.base.join(', ')}`,
    `configuration: ${params || 'defaults'}; ${result.seconds.toFixed(1)} s on ${counted(result.workers, 'worker')}${incomplete}`,
    '',
    `Safe sequences (every property holds, and every reachability property is witnessed): ${count(result.safe.length)} of ${count(checked)}` +
      (result.complete ? '' : ` checked; any of the ${count(result.notChecked)} not checked may be safe too`),
    ...result.safe.map((s, i) => `  ${String(i + 1).padStart(3)}. ${seq(s)}`),
    '',
    forcedOrderHeading(result),
    ...(result.edges.length ? formatEdges(result.edges) : [result.complete ? '  (none)' : '  (none proven by the checked sequences)']),
    '',
    'Why each step is needed (the reference order without it):',
    ...result.whyStep.map((w) => `  ${w.reason.replace('without ', '').padEnd(width)}  ${formatOutcome(w)}\n  ${''.padEnd(width)}  ${seq(w.steps)}`),
    '',
    'Why each edge is needed (the reference order with the pair swapped, or the nearest order that breaks only that edge):',
    ...(result.whyEdge.length
      ? result.whyEdge.map((w) => `  ${w.reason}: ${formatOutcome(w)}\n    ${seq(w.steps)}`)
      : ['  (no edges)']),
    '',
    `First property to fail (shortest counterexample), over the ${counted(unsafe, 'unsafe sequence')}${result.complete ? '' : ` found among the ${count(checked)} checked`}:`,
    ...result.firstFailure.map((f) => `  ${f.name.padEnd(24)} ${count(f.count).padStart(7)}`),
  ];
  return out.join('\n');
}

/** One row per sequence: the steps, its verdict (safe, unsafe, not checked), and each failure with its trace length. */
export function formatSweepTsv(result: SweepResult): string {
  const rows = result.results.map((r) => [r.steps.join(','), r.verdict, r.violated.map((v) => `${v.name}:${v.traceLength ?? ''}`).join(';')].join('\t'));
  return ['steps\tverdict\tviolated', ...rows].join('\n');
}

/** `NAME=VALUE,...`, as --confirm takes it. */
const assignments = (larger: Readonly<Record<string, string>>): string => Object.entries(larger).map(([k, v]) => `${k}=${v}`).join(',');

export function formatConfirm(confirmation: ConfirmResult): string {
  const larger = assignments(confirmation.larger);
  const notChecked = confirmation.notChecked > 0 ? `; ${count(confirmation.notChecked)} not checked (interrupted)` : '';
  const head =
    `Confirmation at ${larger}: ${counted(confirmation.checked, 'sequence')} re-checked ` +
    `(of ${count(confirmation.safeChecked)} safe and ${count(confirmation.unsafeChecked)} unsafe sampled${notChecked}) in ${confirmation.seconds.toFixed(1)} s:`;
  const among = confirmation.notChecked > 0 ? ' among those re-checked' : '';
  if (confirmation.changed.length === 0) return `${head} no verdict changed${among}.`;
  return [
    `${head} ${counted(confirmation.changed.length, 'verdict')} changed${among}:`,
    ...confirmation.changed.map((c) => `  ${seq(c.steps)}: ${c.small.join(', ') || 'safe'} -> ${c.large.join(', ') || 'safe'}`),
  ].join('\n');
}

/** What an incomplete sweep says of a confirmation it was asked for: that it did not run. */
export function confirmationNotRun(larger: Readonly<Record<string, string>>): string {
  return `Confirmation at ${assignments(larger)}: not run, the sweep is incomplete.`;
}
