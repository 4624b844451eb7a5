/**
 * The HTML report: one self-contained page (inline style and script, no fonts, images or requests
 * from anywhere) with the verdict and statistics at the top, then each counterexample as a
 * swimlane beside a table of the states it passes through, ending in the one sentence that says
 * what went wrong. Open it in a browser or print it.
 */
import type { CheckResult, PropertyResult } from '../result.js';
import { hazardSentence } from './hazard.js';
import { escapeHtml } from './html/escape.js';
import { reportScript } from './html/script.js';
import { stateTableHtml } from './html/stateTable.js';
import { reportCss } from './html/style.js';
import { summaryHtml, verdictHeadline } from './html/summary.js';
import { swimlaneHtml } from './html/swimlane.js';
import { count, counted } from './text.js';

export interface HtmlOptions {
  /** Draw the witnesses of reachability properties too, not only counterexamples. Off by default. */
  witnesses?: boolean;
}

/**
 * Forbids every fetch: the page must never reach the network, even if a model's label held markup
 * that escaping missed. Inline style and script are all it needs.
 */
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/** The properties whose traces the page draws. */
function drawn(result: CheckResult, options: HtmlOptions): PropertyResult[] {
  return result.properties.filter((p) => p.trace !== null && (p.status === 'violated' || (options.witnesses === true && p.status === 'witnessed')));
}

/** One trace as a swimlane beside its states, ending in the hazard sentence. */
export function traceSection(p: PropertyResult, id: string, actors: readonly string[]): string {
  const trace = p.trace!;
  const witness = p.status === 'witnessed';
  const steps = counted(p.traceLength!, 'step');
  return (
    `<section class="trace${witness ? ' witness' : ''}" id="${id}">\n` +
    `<h2><span class="kind">${witness ? 'Witness' : 'Counterexample'}:</span> ${escapeHtml(p.name)} <small>(${steps})</small></h2>\n` +
    (p.doc ? `<p class="doc">${escapeHtml(p.name)}: ${escapeHtml(p.doc)}</p>\n` : '') +
    `<div class="panes">\n<div class="pane lanes-pane">${swimlaneHtml(trace, actors, { lasso: p })}</div>\n` +
    `<div class="pane state-pane"><p class="legend"><span class="swatch"></span> changed at that step ` +
    `<span class="hint">(hover: the value before)</span> ` +
    `<label class="controls"><input type="checkbox" class="only-changing"> only fields that change</label></p>\n` +
    `${stateTableHtml(trace)}</div>\n</div>\n` +
    `<p class="hazard-sentence"><strong>${witness ? 'Reached' : 'Hazard'}:</strong> ${escapeHtml(hazardSentence(p))}</p>\n</section>`
  );
}

function coverageHtml(result: CheckResult): string {
  const rows = result.coverage.map((c) => `<tr><th scope="row">${escapeHtml(c.action)}</th><td>${count(c.distinct)}</td><td>${count(c.generated)}</td></tr>`);
  return (
    `<details><summary>Coverage by action</summary><table class="coverage"><thead><tr><th>action</th><th>distinct</th>` +
    `<th>generated</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
  );
}

/** What a page adds to the report's style and script. */
export interface PageExtras {
  css?: string;
  script?: string;
  /** Whether its script may fetch from the server that serves it (and nowhere else). */
  fetchesFromItsServer?: boolean;
}

/** A whole self-contained document around `body`, with the report's style and script (and `extras`). */
export function htmlPage(title: string, body: string, extras: PageExtras = {}): string {
  const policy = extras.fetchesFromItsServer === true ? `${contentSecurityPolicy}; connect-src 'self'` : contentSecurityPolicy;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${reportCss}${extras.css ?? ''}</style>
</head>
<body>
${body}
<script>${reportScript}${extras.script ?? ''}</script>
</body>
</html>
`;
}

/** The whole report as one HTML document. */
export function renderHtml(result: CheckResult, options: HtmlOptions = {}): string {
  const traced = drawn(result, options);
  const anchors = new Map(traced.map((p, i) => [p.name, `trace-${i}`]));
  const sections = traced.map((p) => traceSection(p, anchors.get(p.name)!, result.actors));
  return htmlPage(
    `cocomc: ${result.model}: ${verdictHeadline(result)}`,
    `${summaryHtml(result, anchors)}
${sections.join('\n')}
${coverageHtml(result)}
<footer>cocomc · fingerprint collision probability (birthday bound) ${result.collisionProbability.toExponential(1)}</footer>`,
  );
}
