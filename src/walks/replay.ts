/**
 * `replay`: re-executes a trace against a model. State 0 must be one of the model's initial
 * states and each next state must follow from the one before by some enabled action, compared by
 * the engine's packed bytes (canonical: key order does not matter). A step whose `#meta` names
 * its action tries that action first, but any action that leads there explains the step. The
 * result lists each step with the action that explains it and the properties its state breaks,
 * or the first state that is not reached, with the actions enabled before it and the fields in
 * which the nearest successor differs.
 */
import { checksDeadlock, DEADLOCK, selectProperties } from '../checkedProperties.js';
import { checkRules, validateOptions, type Rule } from '../checkOptions.js';
import { sameContents } from '../codec.js';
import { UsageError } from '../errors.js';
import { Expander } from '../expand.js';
import type { Action, AnyModel, ModelInstance } from '../model.js';
import { readOnly } from '../modelCode.js';
import { buildInstance, shownParams } from '../modelInstance.js';
import { resolveParams, type RawValue } from '../params.js';
import type { ReadState } from '../report/itfRead.js';
import type { TraceStep } from '../result.js';
import { applyAction, diff, isEnabled, traceFromPath } from '../trace.js';

export interface ReplayOptions {
  params?: Readonly<Record<string, RawValue | undefined>>;
  /** Evaluate only these properties (by name); all of them by default. */
  properties?: readonly string[];
  /** Report a last state that is not final and has no enabled action: on by default when the model declares final states. */
  deadlock?: boolean;
}

/** An action as a report names it. */
export interface NamedAction {
  action: string;
  actor: string;
  args: string;
}

/** A field in which the trace's state differs from the model's nearest one. */
export interface Difference {
  path: string;
  trace: unknown;
  model: unknown;
}

/** One state of the trace that the model explains. */
export interface ReplayStep extends TraceStep {
  /** The properties (invariants, and Deadlock at the last state) this state breaks. */
  broken: string[];
  /** Whether the trace's `#meta` named a different action than the one that explains the step. */
  metaDisagrees: boolean;
}

/** The first state the model does not explain. */
export interface ReplayMismatch {
  /** Its index in the trace's states (0: not an initial state). */
  index: number;
  /** The actions enabled in the state before it (empty for state 0). */
  enabled: NamedAction[];
  /** The model's nearest candidate (an initial state, or a successor and its action) and how the trace differs from it. */
  nearest: { action: NamedAction | null; differences: Difference[] } | null;
}

export interface ReplayResult {
  model: string;
  params: Record<string, unknown>;
  /** States in the trace. */
  states: number;
  /** True when every state is explained: the trace is a behaviour of the model. */
  behaviour: boolean;
  /** The explained states, in order. */
  steps: ReplayStep[];
  mismatch: ReplayMismatch | null;
}

const named = <S>(action: Action<S>): NamedAction => ({ action: action.name, actor: action.actor, args: action.args ?? '' });

/** The plain state an ITF state stands for: its variables, or the whole value of a model whose state is not a record. */
function stateOf(read: ReadState, index: number, recordStates: boolean): unknown {
  if (recordStates) return read.variables;
  const names = Object.keys(read.variables);
  if (names.length !== 1 || names[0] !== 'state') {
    throw new UsageError(`state ${index} of the trace has variables ${names.join(', ') || 'none'}; this model's state is not a record, so it needs the one variable 'state'`);
  }
  return read.variables.state;
}

/** The actions to try for a step: those its `#meta` names first, then the rest, in model order. */
function candidates<S>(actions: readonly Action<S>[], read: ReadState): number[] {
  const all = [...actions.keys()];
  if (read.action === undefined) return all;
  const rank = (a: number): number => {
    const action = actions[a]!;
    if (action.name !== read.action) return 2;
    return (read.actor === undefined || read.actor === action.actor) && (read.args === undefined || read.args === (action.args ?? '')) ? 0 : 1;
  };
  return all.sort((a, b) => rank(a) - rank(b) || a - b);
}

/** The candidate state with the fewest differing fields, and those fields. */
function nearestOf<S>(wanted: unknown, options: readonly { state: S; action: NamedAction | null }[]): ReplayMismatch['nearest'] {
  const scored = options.map((o) => ({ action: o.action, changes: diff(o.state, wanted) }));
  const best = scored.reduce<(typeof scored)[number] | undefined>((b, s) => (!b || s.changes.length < b.changes.length ? s : b), undefined);
  return best ? { action: best.action, differences: best.changes.map((c) => ({ path: c.path, trace: c.after, model: c.before })) } : null;
}

/** One rule per option, the engine's own, so errors read as check()'s do. */
const replayRules: Record<keyof ReplayOptions, Rule> = {
  params: checkRules.params,
  properties: checkRules.properties,
  deadlock: checkRules.deadlock,
};

/** Replays the states of a trace (as `readItf` returns them) against a model. */
export function replay(model: AnyModel, trace: readonly ReadState[], options: ReplayOptions = {}): ReplayResult {
  validateOptions(options, replayRules, 'replay');
  const params = resolveParams(model.params, options.params ?? {}, model.validate);
  const instance = buildInstance(model, params) as ModelInstance<unknown>;
  const selected = selectProperties(instance.properties, options.properties).filter((p) => p.kind === 'always');
  const deadlock = checksDeadlock(model, instance as ModelInstance<unknown>, options.deadlock);
  const expander = new Expander(instance, false);
  const first = instance.initialStates[0];
  const recordStates = typeof first === 'object' && first !== null && !Array.isArray(first);
  const wanted = trace.map((read, index) => stateOf(read, index, recordStates));
  // A state the model's codec cannot encode is no state of the model.
  const packed = wanted.map((state) => {
    try {
      return expander.pack(state);
    } catch {
      return undefined;
    }
  });

  const result = (steps: ReplayStep[], mismatch: ReplayMismatch | null): ReplayResult => ({
    model: model.name,
    params: shownParams(params, instance),
    states: trace.length,
    behaviour: mismatch === null,
    steps,
    mismatch,
  });

  const matches = (state: unknown, k: number): boolean => packed[k] !== undefined && sameContents(expander.pack(state), packed[k]);
  const initial = instance.initialStates.findIndex((s) => matches(s, 0));
  if (initial < 0) {
    return result([], { index: 0, enabled: [], nearest: nearestOf(wanted[0], instance.initialStates.map((state) => ({ state, action: null }))) });
  }
  const path = [initial];
  let state: unknown = instance.initialStates[initial];
  let mismatch: ReplayMismatch | null = null;
  for (let k = 1; k < trace.length && !mismatch; k++) {
    const enabled = [...instance.actions.keys()].filter((a) => isEnabled(instance.actions[a]!, state));
    const order = candidates(instance.actions, trace[k]!).filter((a) => enabled.includes(a));
    const successors = order.map((a) => ({ a, next: applyAction(instance.actions[a]!, state) }));
    const found = successors.find(({ next }) => matches(next, k));
    if (found) {
      path.push(found.a);
      state = found.next;
    } else {
      // Among equally near successors, the one the trace's #meta names comes first.
      mismatch = {
        index: k,
        enabled: enabled.map((a) => named(instance.actions[a]!)),
        nearest: nearestOf(wanted[k], successors.map(({ a, next }) => ({ state: next, action: named(instance.actions[a]!) }))),
      };
    }
  }

  const last = path.length - 1;
  const steps = traceFromPath(instance, path).map((step, k): ReplayStep => {
    const broken = selected.filter((p) => !p.holds(readOnly(step.state))).map((p) => p.name);
    const stuck = deadlock && k === last && !mismatch && instance.actions.every((a) => !isEnabled(a, step.state)) && !instance.isFinal!(readOnly(step.state));
    const action = k === 0 ? undefined : instance.actions[step.actionIndex]!;
    const meta = trace[k]!;
    const metaDisagrees = action !== undefined && meta.action !== undefined && meta.action !== action.name;
    return { ...step, broken: stuck ? [...broken, DEADLOCK] : broken, metaDisagrees };
  });
  return result(steps, mismatch);
}

