/**
 * Counterexamples: rebuilt from the seen-set's parent links and replayed with immer from an
 * initial state. Each step is checked against the fingerprint recorded during the search, so a
 * model whose actions are not deterministic is caught instead of printing a wrong trace.
 */
import { ModelError } from './errors.js';
import type { Expander } from './expand.js';
import { fingerprint, fp } from './fingerprint.js';
import type { Action, ModelInstance } from './model.js';
import { produced, readOnly } from './modelCode.js';
import type { Change, TraceStep } from './result.js';
import { ACTION_BY_FINGERPRINT, NO_PARENT, type SeenSet } from './seenSet.js';

/** Applies one action to an immutable state with immer; the library's notion of a step. */
export function applyAction<S>(action: Action<S>, state: S): S {
  return 'recipe' in action ? (produced(state, action.recipe)) : action.next(readOnly(state));
}

/** Whether an action is enabled in a state. */
export function isEnabled<S>(action: Action<S>, state: S): boolean {
  return !action.guard || action.guard(readOnly(state));
}

/** The fields that differ between two plain values, as code-like paths. */
export function diff(before: unknown, after: unknown, path = ''): Change[] {
  if (Object.is(before, after)) return [];
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothObjects = !bothArrays && isPlainObject(before) && isPlainObject(after);
  if (bothArrays && before.length === after.length) {
    return before.flatMap((item, i) => diff(item, after[i], `${path}[${i}]`));
  }
  if (bothObjects) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diff(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return [{ path: path || '(state)', before, after }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The default line for a step: actor, action and its arguments. */
export function defaultLabel<S>(action: Action<S>): string {
  return [action.actor, action.name, action.args].filter(Boolean).join(' ');
}

/** The line a trace prints for `action` from `before` to `after`: the model's own description, else the default. */
export function labelOf<S>(action: Action<S>, before: S, after: S): string {
  return action.describe ? action.describe(readOnly(before), readOnly(after)) : defaultLabel(action);
}

function sameFingerprint<S>(expander: Expander<S>, state: S, want: { hi: number; lo: number }): boolean {
  const bytes = expander.pack(state);
  fingerprint(bytes, 0, bytes.length);
  return fp.hi === want.hi && fp.lo === want.lo;
}

/** The action indices from an initial state to `stateId`: [initial index, action, action, ...]. */
export function pathTo(seen: SeenSet, stateId: number): number[] {
  const path: number[] = [];
  let id = stateId;
  for (;;) {
    path.push(seen.actionOf(id));
    const parent = seen.parentOf(id);
    if (parent === NO_PARENT) break;
    id = parent;
  }
  return path.reverse();
}

/** How a replay takes step k from `state`: the action that explains it and the state it leads to. */
export type StepChooser<S> = (k: number, recorded: number, state: S) => { a: number; next: S } | undefined;

/** The recorded action, which must be enabled: replaying a path the model itself produced. */
function recordedAction<S>(model: ModelInstance<S>): StepChooser<S> {
  return (_k, recorded, state) => {
    const action = model.actions[recorded];
    return action && isEnabled(action, state) ? { a: recorded, next: applyAction(action, state) } : undefined;
  };
}

function notDeterministic(k: number, recorded: number, what: string): ModelError {
  return new ModelError(
    `replaying the trace failed at step ${k}: action ${recorded} ${what}. ` +
      'This happens when guards or recipes are not deterministic (randomness, time, or state kept outside the model state).',
  );
}

/**
 * Replays a path of action indices, [initial state index, action, action, ...], with immer and
 * returns its steps, each with only the fields it changed. `choose` picks each step's action (by
 * default the recorded one).
 */
export function traceFromPath<S>(model: ModelInstance<S>, path: readonly number[], choose: StepChooser<S> = recordedAction(model)): TraceStep[] {
  const initialIndex = path[0]!;
  let state: S = model.initialStates[initialIndex]!;
  const steps: TraceStep[] = [
    { index: 0, action: null, actor: null, args: '', step: null, label: 'initial state', actionIndex: initialIndex, state, changes: [] },
  ];
  for (let k = 1; k < path.length; k++) {
    const found = choose(k, path[k]!, state);
    if (!found) throw notDeterministic(k, path[k]!, 'is no longer enabled where the walk took it');
    const action = model.actions[found.a]!;
    steps.push({
      index: k,
      action: action.name,
      actor: action.actor,
      args: action.args ?? '',
      step: action.step ?? null,
      label: labelOf(action, state, found.next),
      actionIndex: found.a,
      state: found.next,
      changes: diff(state, found.next),
    });
    state = found.next;
  }
  return steps;
}

/**
 * Replays the path to `stateId` and returns its steps. Each step is checked against the
 * fingerprint the search recorded; an action index too large for the seen-set (or a symmetry
 * representative) is found among all enabled actions by that fingerprint.
 */
export function rebuildTrace<S>(model: ModelInstance<S>, expander: Expander<S>, seen: SeenSet, stateId: number): TraceStep[] {
  const ids: number[] = [];
  for (let id = stateId; id !== NO_PARENT; id = seen.parentOf(id)) ids.push(id);
  ids.reverse();
  return traceFromPath(model, pathTo(seen, stateId), (k, recorded, state) => {
    const want = seen.fingerprintOf(ids[k]!);
    const candidates = recorded === ACTION_BY_FINGERPRINT || expander.useSymmetry
      ? [recorded, ...model.actions.keys()].filter((a) => a < model.actions.length)
      : [recorded];
    const found = candidates
      .filter((a) => isEnabled(model.actions[a]!, state))
      .map((a) => ({ a, next: applyAction(model.actions[a]!, state) }))
      .find(({ next }) => sameFingerprint(expander, next, want));
    if (!found) throw notDeterministic(k, recorded, 'no longer leads to the state the search found');
    return found;
  });
}
