/**
 * The report's style sheet, inlined into the page: system fonts only (no web fonts, no network),
 * laid out for a 1280 px window, and a print layout that drops the interactive parts.
 */
export const reportCss = `
:root {
  --ink: #1d1f23; --muted: #5f6368; --rule: #d8dbe0; --paper: #ffffff; --page: #f6f7f9;
  --bad: #b3261e; --bad-bg: #fdecea; --good: #1e7e34; --good-bg: #e6f4ea; --warn: #8a5a00; --warn-bg: #fff4d6;
  --changed: #ffe58a; --focus: #e3ecfd;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
body { margin: 0; padding: 20px 24px 40px; background: var(--page); color: var(--ink);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0; }
h2 { font-size: 18px; margin: 0 0 4px; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; }

.verdict { display: flex; align-items: center; gap: 14px; padding: 12px 16px; border-radius: 8px; border-left: 6px solid; }
.verdict-word { margin: 0; padding: 2px 10px; border-radius: 4px; color: #fff; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.verdict-violated { background: var(--bad-bg); border-color: var(--bad); } .verdict-violated .verdict-word { background: var(--bad); }
.verdict-ok { background: var(--good-bg); border-color: var(--good); } .verdict-ok .verdict-word { background: var(--good); }
.verdict-incomplete { background: var(--warn-bg); border-color: var(--warn); } .verdict-incomplete .verdict-word { background: var(--warn); }

.run { margin: 14px 0 24px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 8px; margin: 0 0 14px; }
.stats div { background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; padding: 6px 10px; }
.stats dt { color: var(--muted); font-size: 12px; }
.stats dd { margin: 0; font-weight: 600; overflow-wrap: break-word; }
.stats .wide { grid-column: 1 / -1; }
.properties { width: 100%; background: var(--paper); border: 1px solid var(--rule); }
.properties th, .properties td { padding: 5px 10px; border-bottom: 1px solid var(--rule); }
.properties thead th { color: var(--muted); font-weight: 600; font-size: 12px; }
.properties .num { white-space: nowrap; }
.status-violated .status, .status-unwitnessed .status { color: var(--bad); font-weight: 700; }
.status-holds .status, .status-witnessed .status { color: var(--good); font-weight: 600; }
.status-unknown .status { color: var(--warn); }

.trace { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 14px 16px; margin: 0 0 24px; }
.trace .doc { margin: 0 0 10px; color: var(--muted); }
.trace .kind { color: var(--bad); } .trace.witness .kind { color: var(--good); }
.panes { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.pane { min-width: 0; overflow-x: auto; }
/* The state table takes the width it needs (scrolling past the window); the lanes share the rest. */
.lanes-pane { flex: 1 1 380px; }
.state-pane { flex: 0 1 auto; }
.legend { color: var(--muted); font-size: 12px; margin: 0 0 6px; }
.legend .swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -2px; background: var(--changed); border: 1px solid #d4b106; }

.swimlane { width: 100%; table-layout: fixed; }
.swimlane th.step-index { width: 34px; color: var(--muted); font-weight: 600; text-align: right; padding: 6px 6px 6px 0; }
.swimlane .lane-head { padding: 6px; text-align: center; font-weight: 700; border-bottom: 3px solid hsl(var(--hue) 55% 45%); min-width: 110px; }
.swimlane td.lane { padding: 4px 5px; border-left: 1px dashed var(--rule); border-right: 1px dashed var(--rule); }
.swimlane tr.initial td { text-align: center; color: var(--muted); font-style: italic; padding: 6px; border: 1px dashed var(--rule); }
.action { position: relative; border: 1px solid hsl(var(--hue) 45% 55%); background: hsl(var(--hue) 70% 96%);
  border-radius: 6px; padding: 5px 7px; font-size: 12.5px; overflow-wrap: anywhere; }
.action.hazard { border: 2px solid var(--bad); background: var(--bad-bg); }
.step-no { display: inline-block; min-width: 1.6em; margin-right: 5px; padding: 0 5px; border-radius: 9px; text-align: center;
  background: hsl(var(--hue) 55% 38%); color: #fff; font-weight: 700; font-size: 11.5px; }
.swimlane tr.focus td, .swimlane tr.focus th { background: var(--focus); }
.swimlane tr.in-loop th.step-index { border-left: 4px solid var(--bad); }
.swimlane tr.loop-start th.step-index::after { content: " ↻"; color: var(--bad); }
.swimlane tr.loop-back td { text-align: center; color: var(--bad); font-style: italic; padding: 6px; border: 1px dashed var(--bad); }

.state { font: 12px/1.35 var(--mono); background: var(--paper); }
.state th, .state td { padding: 3px 6px; border: 1px solid var(--rule); white-space: nowrap; }
.state td.dim { color: #9aa0a6; }
.state thead th { font-family: system-ui, sans-serif; font-weight: 600; text-align: center; }
.state .col-step { display: block; }
.state .col-action { display: block; font-size: 11px; color: var(--muted); font-weight: 400; }
.state tbody th { font-weight: 400; color: var(--muted); position: sticky; left: 0; background: var(--paper); }
.state td.changed { background: var(--changed); font-weight: 700; }
.state .focus { box-shadow: inset 0 0 0 2px #5b8def; }
.hide-static tr.static { display: none; }

.hazard-sentence { margin: 12px 0 0; padding: 8px 12px; border-left: 4px solid var(--bad); background: var(--bad-bg); }
.witness .hazard-sentence { border-color: var(--good); background: var(--good-bg); }
details { margin: 0 0 16px; } summary { cursor: pointer; color: var(--muted); }
.coverage td, .coverage th { padding: 2px 10px; } .coverage td { text-align: right; }
footer { color: var(--muted); font-size: 12px; }

@media print {
  @page { size: landscape; margin: 10mm; }
  body { background: #fff; padding: 0; font-size: 11px; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .controls, .legend .hint { display: none; }
  .panes { display: block; }
  .pane { overflow: visible; margin-bottom: 10px; }
  .trace { border: none; padding: 0; break-before: page; }
  .hide-static tr.static { display: table-row; }
  tr, .action, .hazard-sentence { break-inside: avoid; }
  .state tbody th { position: static; }
  details:not([open]) { display: none; }
}
`;
