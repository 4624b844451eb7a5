/**
 * The reachable state graph of a small model, for `--dot`: every distinct state and every
 * transition between two of them, collected through the search's onState and onEdge hooks.
 * Self-loops are not in it: the search does not report them.
 */
import { check } from './check.js';
import { UsageError } from './errors.js';
import type { AnyModel } from './model.js';
import { instantiate } from './modelInstance.js';
import type { RawValue } from './params.js';
import { count, formatParams } from './report/text.js';

/** The most states a graph may have: past a few thousand nodes, Graphviz's layout is unreadable and slow. */
export const STATE_GRAPH_LIMIT = 2000;

/** A transition between two distinct states: their numbers and the action's index. */
export interface Edge {
  from: number;
  to: number;
  action: number;
}

export interface StateGraph {
  model: string;
  /** Each distinct state by number; the initial states come first. */
  states: unknown[];
  /** How many of the first states are initial. */
  initialCount: number;
  edges: Edge[];
  /** Each action's edge label, by action index. */
  actionLabels: string[];
  /** The invariants (`always` properties) each state breaks, by state number. */
  broken: string[][];
}

/**
 * Edge labels: the action's name and arguments, led by its actor where two actions would
 * otherwise read the same (Peterson's P0 and P1 both `raiseFlag`).
 */
export function actionLabels(actions: readonly { name: string; actor: string; args?: string }[]): string[] {
  const plain = actions.map((a) => [a.name, a.args].filter(Boolean).join(' '));
  return plain.map((label, i) => (plain.indexOf(label) !== plain.lastIndexOf(label) ? `${actions[i]!.actor} ${label}` : label));
}

/**
 * Explores the whole space of `model` on one worker and returns its graph; refuses, with a
 * UsageError, a model with more than `limit` states (the search stops at limit + 1).
 */
export async function collectStateGraph(
  model: AnyModel,
  params: Readonly<Record<string, RawValue | undefined>> = {},
  limit = STATE_GRAPH_LIMIT,
): Promise<StateGraph> {
  const instance = instantiate(model, params);
  const states: unknown[] = [];
  const edges: Edge[] = [];
  const result = await check(model, {
    params,
    workers: 1,
    exhaustive: true,
    maxStates: limit + 1,
    onState: (id, state) => void (states[id] = state),
    onEdge: (from, to, action) => void edges.push({ from, to, action }),
  });
  if (result.distinctStates > limit) {
    const params = formatParams(result.params);
    throw new UsageError(
      `--dot draws state graphs of at most ${count(limit)} states, and ${model.name}${params ? ` (${params})` : ''} has more ` +
        `(the search stopped at ${count(result.distinctStates)}); try smaller parameters`,
    );
  }
  const invariants = instance.properties.filter((p) => p.kind === 'always');
  return {
    model: model.name,
    states,
    // The states generated are the transitions plus the distinct initial states.
    initialCount: result.statesGenerated - result.transitions,
    edges,
    actionLabels: actionLabels(instance.actions),
    broken: states.map((state) => invariants.filter((p) => !p.holds(state as never)).map((p) => p.name)),
  };
}
