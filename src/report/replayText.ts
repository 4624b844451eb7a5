/**
 * The plain-text report of a replay: each state of the trace with the action that explains it
 * and the properties it breaks, or the first state the model does not reach, with the actions
 * enabled before it and the fields in which the nearest candidate differs.
 */
import type { NamedAction, ReplayResult, ReplayStep } from '../walks/replay.js';
import { formatParams } from './text.js';

const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';
const actionText = (a: NamedAction): string => [a.actor, a.action, a.args].filter(Boolean).join(' ');

/** `State 3 (states[2])`: numbered as check prints traces, with the index in the file. */
const stateName = (index: number): string => `State ${index + 1} (states[${index}])`;

function stepLine(step: ReplayStep): string {
  const how = step.index === 0 ? `initial state ${step.actionIndex + 1} of the model` : step.label;
  const note = step.metaDisagrees ? ' (not the action its #meta names)' : '';
  const broken = step.broken.length > 0 ? `  breaks ${step.broken.join(', ')}` : '';
  return `${stateName(step.index)}: ${how}${note}${broken}`;
}

function mismatchLines(result: ReplayResult): string[] {
  const m = result.mismatch!;
  const head = m.index === 0
    ? `${stateName(0)} is not an initial state of the model (are the model's parameters those the trace was made with?).`
    : `${stateName(m.index)} is not reached from ${stateName(m.index - 1)} by any enabled action of the model.`;
  const enabled = m.index === 0 ? [] : [`  Enabled in ${stateName(m.index - 1)}: ${m.enabled.length ? m.enabled.map(actionText).join(', ') : 'none'}.`];
  const nearest = m.nearest
    ? [
        `  The nearest ${m.nearest.action ? `successor (${actionText(m.nearest.action)})` : 'initial state'} differs in ${m.nearest.differences.length} field${m.nearest.differences.length === 1 ? '' : 's'}:`,
        ...m.nearest.differences.map((d) => `    ${d.path}: the trace has ${show(d.trace)}, the model ${show(d.model)}`),
      ]
    : [];
  return [head, ...enabled, ...nearest];
}

/** The whole report. */
export function formatReplay(result: ReplayResult, source: string): string {
  const params = formatParams(result.params);
  const breaking = result.steps.filter((s) => s.broken.length > 0);
  const verdict = result.behaviour
    ? `The trace is a behaviour of the model: each of its ${result.states} states follows from the one before by an enabled action.`
    : `The trace is not a behaviour of the model.`;
  return [
    `cocomc: replaying ${source} (${result.states} states) against ${result.model}${params ? ` (${params})` : ''}`,
    '',
    ...result.steps.map(stepLine),
    ...(result.mismatch ? mismatchLines(result) : []),
    '',
    verdict,
    breaking.length > 0
      ? `States that break a property: ${breaking.map((s) => `${s.index + 1} (${s.broken.join(', ')})`).join(', ')}.`
      : `No state${result.behaviour ? '' : ' replayed'} breaks a property.`,
  ].join('\n');
}
