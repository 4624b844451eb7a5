/**
 * The top of the HTML report: the verdict in one line, then the run's statistics and every
 * property's status, the same facts as the text report's closing sentences.
 */
import { verdictOf, type CheckResult, type PropertyResult } from '../../result.js';
import { count, counted, formatParams, workerThreads } from '../text.js';
import { fairnessPhrase } from '../lasso.js';
import { escapeHtml } from './escape.js';

/** The verdict as a headline: what failed, or that everything held, or that the search was cut. */
export function verdictHeadline(result: CheckResult): string {
  const failed = result.properties.filter((p) => p.status === 'violated' || p.status === 'unwitnessed');
  switch (verdictOf(result)) {
    case 'violated':
      return failed.map((p) => `${p.name} ${p.status}`).join(', ');
    case 'incomplete':
      return `search incomplete (${result.stopReason}): nothing violated so far`;
    case 'ok':
      return 'every property holds';
  }
}

/** One row of the properties table; the name links to its trace when it has an anchor. */
export function propertyRow(p: PropertyResult, anchor: string | undefined): string {
  const name = anchor ? `<a href="#${anchor}">${escapeHtml(p.name)}</a>` : escapeHtml(p.name);
  const length = p.traceLength === null ? '' : counted(p.traceLength, 'step');
  return (
    `<tr class="status-${p.status}"><th scope="row">${name}</th><td>${p.kind}</td>` +
    `<td class="status">${p.status}</td><td class="num">${length}</td><td>${escapeHtml(p.doc)}</td></tr>`
  );
}

/** The header: verdict, run statistics and the properties table (names link to their traces). */
export function summaryHtml(result: CheckResult, anchors: ReadonlyMap<string, string>): string {
  const verdict = verdictOf(result);
  const stats: [string, string][] = [
    ['model', result.model],
    ['distinct states', count(result.distinctStates)],
    ['transitions', count(result.transitions)],
    ['states generated', count(result.statesGenerated)],
    ['depth', String(result.depth)],
    ['search', result.complete ? 'complete' : `incomplete (${result.stopReason})${result.stuckIn ? `, stopped by force in ${result.stuckIn}` : ''}`],
    ['time', `${result.seconds.toFixed(2)} s, ${count(result.statesPerSecond)} states/s`],
    ['workers', workerThreads(result)],
    ...(result.stateGraphBytes > 0 ? [['liveness', `assuming ${fairnessPhrase(result.fairness)}`] as [string, string]] : []),
  ];
  const params = `<div class="wide"><dt>parameters</dt><dd>${escapeHtml(formatParams(result.params) || 'none')}</dd></div>`;
  const dl = params + stats.map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`).join('');
  const rows = result.properties.map((p) => propertyRow(p, anchors.get(p.name))).join('\n');
  return (
    `<header class="verdict verdict-${verdict}"><p class="verdict-word">${verdict}</p>` +
    `<h1>${escapeHtml(result.model)}: ${escapeHtml(verdictHeadline(result))}</h1></header>\n` +
    `<section class="run"><dl class="stats">${dl}</dl>\n` +
    `<table class="properties"><thead><tr><th scope="col">property</th><th scope="col">kind</th><th scope="col">status</th>` +
    `<th scope="col">trace</th><th scope="col">what it says</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table></section>`
  );
}
