/**
 * The explorer's page: one self-contained document (the report's style and swimlane, inline style
 * and script, nothing fetched but the server's own API). Its areas keep their place and size as
 * the path changes, so that nothing jumps under the pointer.
 */
import { htmlPage } from '../report/html.js';
import { explorePageScript } from './pageScript.js';

const exploreCss = `
.explore-head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; margin: 0 0 10px; }
.explore-head .config { color: var(--muted); font-size: 12.5px; margin: 0; }
.explore { display: grid; grid-template-columns: minmax(300px, 380px) minmax(0, 1fr); gap: 16px; align-items: start; }
.box { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 10px 12px; margin: 0 0 12px; }
.box h2 { font-size: 15px; margin: 0 0 6px; }
.status-bar { min-height: 3.2em; padding: 8px 12px; border-radius: 8px; border-left: 6px solid var(--good); background: var(--good-bg); margin: 0 0 12px; }
.status-bar.bad { border-color: var(--bad); background: var(--bad-bg); }
.status-bar .problem { color: var(--bad); font-weight: 600; margin: 4px 0 0; }
.status-bar .problem:empty { display: none; }
.moves { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.explore button { font: inherit; font-size: 13px; padding: 4px 10px; border: 1px solid #9aa0a6; border-radius: 6px; background: #fff; cursor: pointer; }
.explore button:disabled { color: #9aa0a6; border-color: var(--rule); cursor: default; }
.explore button:focus-visible, .explore a:focus-visible { outline: 3px solid #5b8def; outline-offset: 1px; }
.actor-group h3 { font-size: 13px; margin: 8px 0 3px; color: var(--muted); }
button.take { display: block; width: 100%; text-align: left; margin: 0 0 4px; overflow-wrap: anywhere; }
button.take:hover { background: var(--focus); }
.take .step-no { background: #3c4a66; }
.none { color: var(--muted); font-style: italic; margin: 4px 0; }
.link { font-size: 12.5px; overflow-wrap: anywhere; }
.verdicts { width: 100%; }
.verdicts td, .verdicts th { padding: 4px 4px; border-bottom: 1px solid var(--rule); vertical-align: middle; }
.verdicts th { font-weight: 600; font-size: 13px; overflow-wrap: break-word; }
.verdicts td.jump-cell { text-align: right; width: 1%; }
.verdicts button.jump { white-space: nowrap; font-size: 12px; padding: 3px 7px; }
.verdicts .status { display: block; font-size: 12px; font-weight: 400; }
.verdicts .status-violated, .verdicts .status-unwitnessed { color: var(--bad); font-weight: 700; }
.verdicts .status-holds, .verdicts .status-witnessed { color: var(--good); font-weight: 600; }
.verdicts .status-unknown { color: var(--warn); }
.check-note { color: var(--muted); font-size: 12px; margin: 6px 0 0; min-height: 1.4em; }
`;

/** The page's frame; its script fills it from the API. */
const body = `<div class="explore-head"><h1>cocomc explore: <span id="model"></span></h1><p class="config" id="config"></p></div>
<div class="explore">
<aside>
<div class="status-bar" id="status" role="status" aria-live="polite"><div id="broken">loading…</div><div class="problem" id="problem"></div></div>
<div class="box"><div class="moves"><button type="button" id="back" disabled>← Back</button><button type="button" id="forward" disabled>Forward →</button><span id="starts"></span></div>
<p class="link"><a id="link" href="">Link to this path</a> <span id="path-text"></span></p></div>
<div class="box"><h2>Enabled actions</h2><div id="actions"></div></div>
<div class="box"><h2>Properties</h2><table class="verdicts"><tbody id="properties"></tbody></table><p class="check-note" id="check-note"></p></div>
</aside>
<main>
<section class="trace" id="path-view"><h2>The path so far <small id="length"></small></h2>
<div class="panes"><div class="pane lanes-pane" id="lanes"></div>
<div class="pane state-pane"><p class="legend"><span class="swatch"></span> changed by the last action <span class="hint">(hover: the value before)</span></p><div id="state"></div></div></div>
</section>
</main>
</div>`;

export function explorePage(model: string): string {
  return htmlPage(`cocomc explore: ${model}`, body, { css: exploreCss, script: explorePageScript, fetchesFromItsServer: true });
}
