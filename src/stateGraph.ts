/**
 * The reachable state graph of a small model, for `--dot`: every distinct state and every
 * transition between two of them, collected by a check's own search (see stateGraphCollector.ts).
 * Self-loops are not in it.
 */
import { check } from './check.js';
import type { AnyModel } from './model.js';
import type { RawValue } from './params.js';
import type { StateGraph } from './stateGraphCollector.js';

export { actionLabels, type Edge, type StateGraph } from './stateGraphCollector.js';

/** The most states a graph may have: past a few thousand nodes, Graphviz's layout is unreadable and slow. */
export const STATE_GRAPH_LIMIT = 2000;

/**
 * Explores the whole space of `model` on one worker and returns its graph; refuses, with a
 * UsageError, a model with more than `limit` states (the search stops at limit + 1).
 */
export async function collectStateGraph(
  model: AnyModel,
  params: Readonly<Record<string, RawValue | undefined>> = {},
  limit = STATE_GRAPH_LIMIT,
): Promise<StateGraph> {
  const result = await check(model, { params, workers: 1, stateGraphLimit: limit });
  return result.stateGraph!;
}
