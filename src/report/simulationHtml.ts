/**
 * A simulation as one self-contained HTML page: the verdict, the walks' counts and the
 * properties, then the violation's trace (and each witness's walk) drawn as the check report
 * draws a trace, then the coverage.
 */
import type { SimulationResult } from '../walks/simulationResult.js';
import { simulationVerdict } from '../walks/simulationResult.js';
import { escapeHtml } from './html/escape.js';
import { propertyRow } from './html/summary.js';
import { htmlPage, traceSection } from './html.js';
import { count, formatParams } from './text.js';

function headline(result: SimulationResult): string {
  const scope = `${count(result.runsDone)} runs of at most ${count(result.depth)} steps`;
  switch (simulationVerdict(result)) {
    case 'violated': {
      const { property, run } = (result.violation ?? result.untracedViolation)!;
      return `${property} violated in run ${run}${result.violation ? '' : ' (its trace was lost: the walks were stopped by force while shortening it)'}`;
    }
    case 'incomplete': return `walks cut short (${result.stopReason}): nothing violated in ${scope}`;
    case 'ok': return `nothing violated in ${scope}`;
  }
}

function summary(result: SimulationResult, anchors: ReadonlyMap<string, string>): string {
  const v = result.violation;
  const stats: [string, string][] = [
    ['model', result.model],
    ['seed', String(result.seed)],
    ['runs', `${count(result.runsDone)} of ${count(result.runs)}`],
    ['depth bound', count(result.depth)],
    ['steps', count(result.steps)],
    ['distinct states seen', count(result.distinctStates)],
    ['time', `${result.seconds.toFixed(2)} s`],
    ...(v ? [['trace', `${v.traceLength} of the walk's ${v.walkLength} steps (${v.reducedLength} once needless ones are dropped); ${v.shortest ? 'shortest' : 'not known to be shortest'}`] as [string, string]] : []),
  ];
  const params = `<div class="wide"><dt>parameters</dt><dd>${escapeHtml(formatParams(result.params) || 'none')}</dd></div>`;
  const rows = result.properties.map((p) => propertyRow(p, anchors.get(p.name))).join('\n');
  return (
    `<header class="verdict verdict-${simulationVerdict(result)}"><p class="verdict-word">${simulationVerdict(result)}</p>` +
    `<h1>${escapeHtml(result.model)}: ${escapeHtml(headline(result))}</h1></header>\n` +
    `<section class="run"><dl class="stats">${params}${stats.map(([k, s]) => `<div><dt>${k}</dt><dd>${escapeHtml(s)}</dd></div>`).join('')}</dl>\n` +
    `<table class="properties"><thead><tr><th scope="col">property</th><th scope="col">kind</th><th scope="col">status</th>` +
    `<th scope="col">trace</th><th scope="col">what it says</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table></section>`
  );
}

function coverage(result: SimulationResult): string {
  const rows = result.coverage.map((c) => `<tr><th scope="row">${escapeHtml(c.action)}</th><td>${count(c.taken)}</td><td>${count(c.distinct)}</td></tr>`);
  return (
    `<details><summary>Coverage by action</summary><table class="coverage"><thead><tr><th>action</th><th>taken</th>` +
    `<th>distinct states first reached</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
  );
}

/** The simulation's report as one HTML document. */
export function renderSimulationHtml(result: SimulationResult): string {
  const traced = result.properties.filter((p) => p.trace !== null);
  const anchors = new Map(traced.map((p, i) => [p.name, `trace-${i}`]));
  const sections = traced.map((p) => traceSection(p, anchors.get(p.name)!, result.actors));
  return htmlPage(
    `cocomc simulate: ${result.model}: ${headline(result)}`,
    `${summary(result, anchors)}\n${sections.join('\n')}\n${coverage(result)}\n<footer>cocomc simulate · seed ${result.seed}</footer>`,
  );
}
