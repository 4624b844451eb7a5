/**
 * The reachable state graph `--dot` draws, collected by the check's own search (in the search
 * thread): every distinct state decoded, every transition between two distinct states, and the
 * invariants each state breaks. A model past the limit is refused as soon as the search meets one
 * state too many, so a graph too large to draw costs no long search.
 */
import { UsageError } from './errors.js';
import type { ModelInstance } from './model.js';
import { readOnly } from './modelCode.js';
import { count, formatParams } from './report/text.js';

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

export class StateGraphCollector {
  private readonly states: unknown[] = [];
  private readonly edges: Edge[] = [];

  /**
   * @param shown the model's name and parameters as the refusal names them.
   * @param limit the most states a graph may have.
   */
  constructor(
    private readonly instance: ModelInstance<unknown>,
    private readonly shown: { model: string; params: Record<string, unknown> },
    private readonly limit: number,
  ) {}

  /** Records a state when first seen; a state past the limit is refused with a UsageError. */
  addState(id: number, state: unknown): void {
    if (id >= this.limit) {
      const params = formatParams(this.shown.params);
      throw new UsageError(
        `--dot draws state graphs of at most ${count(this.limit)} states, and ${this.shown.model}${params ? ` (${params})` : ''} has more ` +
          `(the search stopped at ${count(id + 1)}); try smaller parameters`,
      );
    }
    this.states[id] = state;
  }

  /** Records a transition; self-loops are left out of the drawing. */
  addEdge(from: number, to: number, action: number): void {
    if (from !== to) this.edges.push({ from, to, action });
  }

  graph(initialCount: number): StateGraph {
    const invariants = this.instance.properties.filter((p) => p.kind === 'always');
    return {
      model: this.shown.model,
      states: this.states,
      initialCount,
      edges: this.edges,
      actionLabels: actionLabels(this.instance.actions),
      broken: this.states.map((state) => invariants.filter((p) => !p.holds(readOnly(state))).map((p) => p.name)),
    };
  }
}
