/**
 * The sweep as one self-contained HTML page: the safe sequences and the forced order, then for
 * each step and each forced edge the counterexample that shows why it is needed, drawn as the
 * check report draws one (a swimlane beside its states).
 */
import type { PropertyResult } from '../result.js';
import type { SweepResult } from '../sweep/sweep.js';
import type { WitnessTrace } from '../sweep/witnessTraces.js';
import { escapeHtml } from './html/escape.js';
import { htmlPage, traceSection } from './html.js';
import { count, counted, formatParams } from './text.js';
import { formatOutcome, formatViolations } from './violations.js';

const sequence = (steps: readonly string[]): string => (steps.length ? steps.join(' → ') : '(no steps)');

/** The witness's first failure: its shortest counterexample. */
function shortest(w: WitnessTrace): PropertyResult | undefined {
  const failed = w.result.properties.filter((p) => p.status === 'violated' && p.trace);
  return failed.reduce<PropertyResult | undefined>((best, p) => (!best || p.traceLength! < best.traceLength! ? p : best), undefined);
}

function witnessSection(w: WitnessTrace, i: number): string {
  const title = w.why === 'step' ? `Why ${w.reason.replace('without ', '')} is needed: ${w.reason}` : `Why the edge is needed: ${w.reason}`;
  const first = shortest(w);
  return (
    `<section class="witness-case" id="why-${i}"><h2>${escapeHtml(title)}</h2>\n` +
    `<p class="doc"><code>${escapeHtml(sequence(w.steps))}</code> fails ${escapeHtml(formatViolations(w.violated))}.</p>\n` +
    (first ? traceSection(first, `why-${i}-trace`, w.result.actors) : '<p class="doc">No trace: only a reachability property fails (it is never witnessed).</p>') +
    '</section>'
  );
}

/** The steps and edges whose witness sequence the sweep did not check: nothing is drawn or claimed for them. */
function notCheckedSection(sweep: SweepResult): string {
  const open = [...sweep.whyStep, ...sweep.whyEdge].filter((w) => w.verdict === 'not checked');
  if (open.length === 0) return '';
  const items = open.map((w) => `<li>${escapeHtml(w.reason)}: <code>${escapeHtml(sequence(w.steps))}</code> ${escapeHtml(formatOutcome(w))}</li>`).join('');
  return `<section class="run"><h2>Not checked</h2><p class="doc">The sweep was interrupted before these witnesses were checked:</p><ul>${items}</ul></section>`;
}

export function renderSweepHtml(sweep: SweepResult, witnesses: readonly WitnessTrace[]): string {
  const edges = sweep.edges.map(([a, b]) => `<li><code>${escapeHtml(a)}</code> before <code>${escapeHtml(b)}</code></li>`).join('');
  const safe = sweep.safe.map((s) => `<li><code>${escapeHtml(sequence(s))}</code></li>`).join('');
  const first = sweep.firstFailure.map((f) => `<li>${escapeHtml(f.name)}: ${count(f.count)}</li>`).join('');
  const checked = sweep.sequences - sweep.notChecked;
  const headline = sweep.complete
    ? `${count(sweep.safe.length)} of ${count(sweep.sequences)} orderings are safe`
    : `incomplete: ${count(sweep.safe.length)} of the ${count(checked)} orderings checked are safe, ${count(sweep.notChecked)} not checked`;
  const forced = sweep.complete
    ? 'Every safe sequence that holds both steps has them in this order'
    : 'As far as the checked orderings prove it (those not checked may force more): a safe sequence has both steps in this order and none with them the other way round is safe or not checked';
  const body =
    `<header class="verdict verdict-${sweep.complete ? 'ok' : 'incomplete'}"><p class="verdict-word">sweep</p><h1>${escapeHtml(sweep.model)}: ` +
    `${headline}</h1></header>\n` +
    `<section class="run"><dl class="stats"><div class="wide"><dt>configuration</dt><dd>${escapeHtml(formatParams(sweep.params))}</dd></div>` +
    `<div class="wide"><dt>steps</dt><dd>${escapeHtml(sweep.base.join(', '))}</dd></div>` +
    `<div><dt>time</dt><dd>${sweep.seconds.toFixed(1)} s on ${counted(sweep.workers, 'worker')}</dd></div></dl>\n` +
    `<h2>Forced order</h2><p class="doc">${forced} ` +
    `(${counted(sweep.forcedOrder.length, 'pair')}, implied by these ${counted(sweep.edges.length, 'edge')}):</p><ul>${edges}</ul>\n` +
    `<h2>First property to fail, over the unsafe sequences</h2><ul>${first}</ul>\n` +
    `<details><summary>The ${counted(sweep.safe.length, 'safe sequence')}</summary><ol>${safe}</ol></details></section>\n` +
    notCheckedSection(sweep) +
    witnesses.map(witnessSection).join('\n');
  return htmlPage(`cocomc sweep: ${sweep.model}`, body);
}
