/**
 * What the explorer shows for a path walked by hand: the trace so far (as the HTML report draws
 * it), the actions enabled at its end, and the invariants its last state breaks. A pure function
 * of the model instance and the path, so that it is tested without a server or a browser.
 *
 * A path is what traces store: [initial state index, action index, action index, ...]. A path
 * that no longer follows (an index out of range, an action not enabled) or model code that throws
 * is not fatal: the view stops at the last state reached and says why in `problem`.
 */
import { DEADLOCK } from '../checkedProperties.js';
import type { ModelInstance } from '../model.js';
import { attempt, readOnly, thrownMessage } from '../modelCode.js';
import { describeAction } from '../model.js';
import { stateTableHtml } from '../report/html/stateTable.js';
import { swimlaneHtml } from '../report/html/swimlane.js';
import type { TraceStep } from '../result.js';
import { applyAction, isEnabled, labelOf, traceFromPath, type StepChooser } from '../trace.js';

/** The model the explorer walks, as it was built for the command line's parameters. */
export interface ExploreSubject {
  instance: ModelInstance<unknown>;
  /** The lanes of the swimlane, in order. */
  actors: readonly string[];
  /** Whether a non-final state without an enabled action breaks `Deadlock` (as `check` decides). */
  deadlock: boolean;
}

/** An action enabled at the end of the path: a button of the page. */
export interface EnabledAction {
  /** Its index in the model's list: what the path records. */
  index: number;
  actor: string;
  name: string;
  args: string;
  step: string | null;
  /** The line a trace prints for it, from this state to the one it leads to. */
  label: string;
}

export interface ExploreView {
  /** The path followed: the one asked for, or the part of it that could be followed. */
  path: number[];
  /** The number of initial states, each a path of its own ([k]). */
  initialStates: number;
  trace: TraceStep[];
  /** The trace as the report's swimlane, and its last two states as the report's state table. */
  swimlaneHtml: string;
  stateTableHtml: string;
  /** The actions enabled in the last state, in the model's order. */
  actions: EnabledAction[];
  /** The invariants the last state breaks (and `Deadlock`, when checked), by name. */
  broken: string[];
  /** Why the view stops short of the path asked for, or which model code threw; null when all went well. */
  problem: string | null;
}

/**
 * Follows `path` as far as it goes: the trace of the longest part that is a behaviour of the
 * model, and why it stops there (null when it follows the whole path).
 */
export function followPath(instance: ModelInstance<unknown>, path: readonly number[]): { trace: TraceStep[]; problem: string | null } {
  if (path.length === 0) return followPath(instance, [0]);
  const initial = path[0]!;
  if (!Number.isInteger(initial) || initial < 0 || initial >= instance.initialStates.length) {
    const problem = `the path starts at initial state ${initial}, but the model has ${instance.initialStates.length} (0 to ${instance.initialStates.length - 1})`;
    return { trace: traceFromPath(instance, [0]), problem };
  }
  let reached = 0;
  let problem: string | null = null;
  const choose: StepChooser<unknown> = (k, a, state) => {
    reached = k;
    const action = instance.actions[a];
    if (!action) {
      problem = `step ${k} of the path is action ${a}, but the model has ${instance.actions.length} actions (0 to ${instance.actions.length - 1})`;
      return undefined;
    }
    const enabled = attempt(() => `the guard of ${describeAction(action)}`, () => isEnabled(action, state));
    if ('problem' in enabled || !enabled.value) {
      problem = 'problem' in enabled ? enabled.problem : `step ${k} of the path, ${describeAction(action)}, is not enabled in the state before it`;
      return undefined;
    }
    const next = attempt(() => describeAction(action), () => applyAction(action, state));
    if ('problem' in next) {
      problem = next.problem;
      return undefined;
    }
    return { a, next: next.value };
  };
  try {
    return { trace: traceFromPath(instance, path, choose), problem: null };
  } catch (error) {
    // The chooser refused step `reached`, or the model's description of it threw: stop before it.
    const action = instance.actions[path[reached]!];
    const why = problem ?? `the description of ${action ? describeAction(action) : 'an action'} threw: ${thrownMessage(error)}`;
    return { trace: followPath(instance, path.slice(0, reached)).trace, problem: why };
  }
}

/** The actions enabled in `state`, each with its trace line; the first model code that throws stops the list and is the problem. */
function enabledActions(instance: ModelInstance<unknown>, state: unknown): { actions: EnabledAction[]; problem: string | null } {
  const actions: EnabledAction[] = [];
  for (const [index, action] of instance.actions.entries()) {
    const outcome = attempt(() => describeAction(action), () => {
      if (!isEnabled(action, state)) return undefined;
      return labelOf(action, state, applyAction(action, state));
    });
    if ('problem' in outcome) return { actions, problem: outcome.problem };
    if (outcome.value === undefined) continue;
    actions.push({ index, actor: action.actor, name: action.name, args: action.args ?? '', step: action.step ?? null, label: outcome.value });
  }
  return { actions, problem: null };
}

/** The invariants `state` breaks, and Deadlock when it is checked and the state is a non-final dead end. */
function brokenBy(subject: ExploreSubject, state: unknown, stuck: boolean): { broken: string[]; problem: string | null } {
  const broken: string[] = [];
  for (const property of subject.instance.properties) {
    if (property.kind !== 'always') continue;
    const holds = attempt(() => `property '${property.name}'`, () => property.holds(readOnly(state)));
    if ('problem' in holds) return { broken, problem: holds.problem };
    if (!holds.value) broken.push(property.name);
  }
  const { isFinal } = subject.instance;
  if (subject.deadlock && stuck && isFinal) {
    const final = attempt(() => 'isFinal', () => isFinal(readOnly(state)));
    if ('problem' in final) return { broken, problem: final.problem };
    if (!final.value) broken.push(DEADLOCK);
  }
  return { broken, problem: null };
}

/** The explorer's view of `path`. */
export function exploreView(subject: ExploreSubject, path: readonly number[]): ExploreView {
  const { trace, problem: pathProblem } = followPath(subject.instance, path);
  const state = trace.at(-1)!.state;
  const { actions, problem: actionProblem } = enabledActions(subject.instance, state);
  const { broken, problem: propertyProblem } = brokenBy(subject, state, actionProblem === null && actions.length === 0);
  return {
    path: trace.map((step) => step.actionIndex),
    initialStates: subject.instance.initialStates.length,
    trace,
    swimlaneHtml: swimlaneHtml(trace, subject.actors, { lastIsHazard: broken.length > 0 }),
    stateTableHtml: stateTableHtml(trace.slice(-2)),
    actions,
    broken,
    problem: pathProblem ?? actionProblem ?? propertyProblem,
  };
}
