/**
 * A trace as a swimlane: one column per actor, time running down, each action a box in the lane
 * of the actor that took it. Plain table markup, so that it lines up and prints without script.
 */
import type { TraceStep } from '../../result.js';
import { escapeHtml } from './escape.js';

/**
 * The lanes to draw: the model's actors in its order, then any actor of the trace it did not
 * declare (a model's `actors` list may omit one; every box still needs a lane).
 */
export function lanesOf(actors: readonly string[], trace: readonly TraceStep[]): string[] {
  const extra = trace.map((step) => step.actor).filter((actor): actor is string => actor !== null && !actors.includes(actor));
  return [...actors, ...new Set(extra)];
}

/** Lane colours (hues) that neighbours tell apart; none is red, which marks the hazard. */
const laneHues = [215, 150, 280, 35, 185, 95, 250, 60];
const hue = (lane: number): string => `--hue: ${laneHues[lane % laneHues.length]}`;

function actionBox(step: TraceStep, lane: number, last: boolean): string {
  // The model numbers its protocol's steps itself: the badge shows that number, never a count of its own.
  const number = step.step;
  const badge = number === null ? '' : `<span class="step-no" title="protocol step ${escapeHtml(number)}">${escapeHtml(number)}</span>`;
  return (
    `<div class="action${last ? ' hazard' : ''}" tabindex="0" style="${hue(lane)}" data-step="${step.index}" data-actor="${escapeHtml(step.actor ?? '')}">` +
    `${badge}<span class="label">${escapeHtml(step.label)}</span></div>`
  );
}

function stepRow(step: TraceStep, lanes: readonly string[], last: boolean): string {
  const head = `<th scope="row" class="step-index">${step.index}</th>`;
  if (step.index === 0) {
    return `<tr data-step="0" class="initial">${head}<td class="initial-cell" colspan="${lanes.length}">initial state</td></tr>`;
  }
  const cells = lanes.map((lane, i) => `<td class="lane">${lane === step.actor ? actionBox(step, i, last) : ''}</td>`);
  return `<tr data-step="${step.index}">${head}${cells.join('')}</tr>`;
}

/**
 * The swimlane of a trace, with the last step marked as the hazard (a counterexample's ends in
 * one; a path walked by hand only when `lastIsHazard` says its last state breaks something).
 */
export function swimlaneHtml(trace: readonly TraceStep[], actors: readonly string[], lastIsHazard = true): string {
  const lanes = lanesOf(actors, trace);
  const heads = lanes.map((lane, i) => `<th scope="col" class="lane-head" style="${hue(i)}">${escapeHtml(lane)}</th>`).join('');
  const rows = trace.map((step, i) => stepRow(step, lanes, lastIsHazard && i === trace.length - 1 && i > 0)).join('\n');
  return (
    `<table class="swimlane">` +
    `<thead><tr><th scope="col" class="step-index" title="actions taken so far">#</th>${heads}</tr></thead>\n` +
    `<tbody>\n${rows}\n</tbody></table>`
  );
}
