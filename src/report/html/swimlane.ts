/**
 * A trace as a swimlane: one column per actor, time running down, each action a box in the lane
 * of the actor that took it. Plain table markup, so that it lines up and prints without script.
 */
import type { PropertyResult, TraceStep } from '../../result.js';
import { loopSentence } from '../lasso.js';
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

/** A lasso's marks on a step's row: where its loop starts, and the steps inside the loop. */
function loopClasses(step: TraceStep, loopStart: number | undefined): string[] {
  if (loopStart === undefined) return [];
  return [...(step.index === loopStart ? ['loop-start'] : []), ...(step.index > loopStart ? ['in-loop'] : [])];
}

function stepRow(step: TraceStep, lanes: readonly string[], last: boolean, loopStart: number | undefined): string {
  const loop = loopClasses(step, loopStart);
  const title = step.index === loopStart ? ' title="the loop starts after this step"' : '';
  const head = `<th scope="row" class="step-index"${title}>${step.index}</th>`;
  if (step.index === 0) {
    return `<tr data-step="0" class="${['initial', ...loop].join(' ')}">${head}<td class="initial-cell" colspan="${lanes.length}">initial state</td></tr>`;
  }
  const cells = lanes.map((lane, i) => `<td class="lane">${lane === step.actor ? actionBox(step, i, last) : ''}</td>`);
  return `<tr data-step="${step.index}"${loop.length > 0 ? ` class="${loop.join(' ')}"` : ''}>${head}${cells.join('')}</tr>`;
}

/** What a swimlane marks besides the steps: a lasso's loop, and whether the last step is the hazard. */
export interface SwimlaneMarks {
  /** A lasso (`loopStart` set): its loop's steps are marked instead of a hazard, and a last row says where it goes back to. */
  lasso?: Pick<PropertyResult, 'loopStart' | 'traceLength'>;
  /** Mark the last step as the hazard (a counterexample ends in one; a path walked by hand only when its last state breaks something). True by default. */
  lastIsHazard?: boolean;
}

/** The swimlane of a trace, with the last step marked as the hazard, or a lasso's loop marked. */
export function swimlaneHtml(trace: readonly TraceStep[], actors: readonly string[], { lasso, lastIsHazard = true }: SwimlaneMarks = {}): string {
  const lanes = lanesOf(actors, trace);
  const heads = lanes.map((lane, i) => `<th scope="col" class="lane-head" style="${hue(i)}">${escapeHtml(lane)}</th>`).join('');
  const loopStart = lasso?.loopStart;
  const back = loopStart === undefined ? [] : [`<tr class="loop-back"><td colspan="${lanes.length + 1}">${escapeHtml(loopSentence(lasso!, 'step'))}</td></tr>`];
  const rows = [...trace.map((step, i) => stepRow(step, lanes, lastIsHazard && loopStart === undefined && i === trace.length - 1 && i > 0, loopStart)), ...back].join('\n');
  return (
    `<table class="swimlane">` +
    `<thead><tr><th scope="col" class="step-index" title="actions taken so far">#</th>${heads}</tr></thead>\n` +
    `<tbody>\n${rows}\n</tbody></table>`
  );
}
