/**
 * The state at each step of a trace as a table: one row per field (flattened as the text report
 * prints it, `cells[0].value`), one column per step, and the cells a step changed highlighted.
 * Fields as rows keep the table narrow: a state may have thirty fields, a trace only ten steps.
 */
import type { Change, TraceStep } from '../../result.js';
import { flatten } from '../text.js';
import { escapeHtml } from './escape.js';

/** Every field path of the trace's states, in order of first appearance. */
export function fieldPaths(trace: readonly TraceStep[]): string[] {
  return [...new Set(trace.flatMap((step) => flatten(step.state).map(([path]) => path)))];
}

/**
 * Whether a change covers a field. A change's path is a leaf, or a whole array or object when
 * its shape changed (`queue` when an item was added), which covers every field beneath it.
 */
export function covers(change: Change, field: string): boolean {
  if (change.path === '(state)' || change.path === field) return true;
  return field.startsWith(`${change.path}.`) || field.startsWith(`${change.path}[`);
}

/** How a cell shows a value: strings bare (`idle`), everything else as JSON. */
function cellText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

function cell(step: TraceStep, field: string, values: Map<string, unknown>, before: Map<string, unknown> | undefined): string {
  const value = values.get(field);
  const text = values.has(field) ? cellText(value) : '';
  if (!before || !step.changes.some((change) => covers(change, field))) {
    // Empty values (null, false) are dimmed so that the values that matter stand out.
    return `<td data-step="${step.index}"${value === null || value === false ? ' class="dim"' : ''}>${escapeHtml(text)}</td>`;
  }
  const was = before.has(field) ? cellText(before.get(field)) : '(absent)';
  return `<td data-step="${step.index}" class="changed" title="was ${escapeHtml(was)}">${escapeHtml(text)}</td>`;
}

/** The state table of a trace; rows no step changes are marked `static` (the page can hide them). */
export function stateTableHtml(trace: readonly TraceStep[]): string {
  const fields = fieldPaths(trace);
  const values = trace.map((step) => new Map(flatten(step.state)));
  const heads = trace
    .map((step) => `<th scope="col" data-step="${step.index}"><span class="col-step">${step.index}</span><span class="col-action">${escapeHtml(step.action ?? 'init')}</span></th>`)
    .join('');
  const rows = fields.map((field) => {
    const changing = trace.some((step) => step.changes.some((change) => covers(change, field)));
    const cells = trace.map((step, k) => cell(step, field, values[k]!, k > 0 ? values[k - 1] : undefined)).join('');
    return `<tr${changing ? '' : ' class="static"'}><th scope="row">${escapeHtml(field)}</th>${cells}</tr>`;
  });
  return `<table class="state"><thead><tr><th scope="col">field</th>${heads}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
