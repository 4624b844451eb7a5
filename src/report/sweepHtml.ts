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
import { count, formatParams } from './text.js';
import { formatViolations } from './violations.js';

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
    (first ? traceSection(first, `why-${i}-trace`, w.result.actors) : '<p class="doc">No trace: only a reachability property fails (CPU 0 can never return ok).</p>') +
    '</section>'
  );
}

export function renderSweepHtml(sweep: SweepResult, witnesses: readonly WitnessTrace[]): string {
  const edges = sweep.edges.map(([a, b]) => `<li><code>${escapeHtml(a)}</code> before <code>${escapeHtml(b)}</code></li>`).join('');
  const safe = sweep.safe.map((s) => `<li><code>${escapeHtml(sequence(s))}</code></li>`).join('');
  const first = sweep.firstFailure.map((f) => `<li>${escapeHtml(f.name)}: ${count(f.count)}</li>`).join('');
  const body =
    `<header class="verdict verdict-ok"><p class="verdict-word">sweep</p><h1>${escapeHtml(sweep.model)}: ` +
    `${count(sweep.safe.length)} of ${count(sweep.results.length)} orderings are safe</h1></header>\n` +
    `<section class="run"><dl class="stats"><div class="wide"><dt>configuration</dt><dd>${escapeHtml(formatParams(sweep.params))}</dd></div>` +
    `<div class="wide"><dt>steps</dt><dd>${escapeHtml(sweep.base.join(', '))}</dd></div>` +
    `<div><dt>time</dt><dd>${sweep.seconds.toFixed(1)} s on ${sweep.workers} workers</dd></div></dl>\n` +
    `<h2>Forced order</h2><p class="doc">Every safe sequence that holds both steps has them in this order ` +
    `(${sweep.forcedOrder.length} pairs; these ${sweep.edges.length} imply the rest):</p><ul>${edges}</ul>\n` +
    `<h2>First property to fail, over the unsafe sequences</h2><ul>${first}</ul>\n` +
    `<details><summary>The ${count(sweep.safe.length)} safe sequences</summary><ol>${safe}</ol></details></section>\n` +
    witnesses.map(witnessSection).join('\n');
  return htmlPage(`cocomc sweep: ${sweep.model}`, body);
}
