/**
 * The fairness a liveness check assumes: the model's declarations, or `--fairness` in their
 * place (`none`: no fairness at all; `weak`, `strong`: that fairness for every actor, each actor's
 * actions taken together as one process). Each assumption is a group of action indices.
 */
import { ModelError } from '../errors.js';
import type { Action, Fairness } from '../model.js';
import type { FairnessResult } from '../result.js';

/** What `--fairness` accepts. */
export const FAIRNESS_CHOICES = ['none', 'weak', 'strong'] as const;
export type FairnessChoice = (typeof FAIRNESS_CHOICES)[number];

/** One fairness assumption: its kind, its name in reports and, per action index, whether the action is in the group. */
export interface FairGroup extends FairnessResult {
  actions: Uint8Array;
}

type NamedAction = Pick<Action<unknown>, 'name' | 'actor' | 'args'>;

function matches(declaration: Fairness, action: NamedAction): boolean {
  return (declaration.actor === undefined || declaration.actor === action.actor)
    && (declaration.action === undefined || [declaration.action].flat().includes(action.name))
    && (declaration.args === undefined || declaration.args === (action.args ?? ''));
}

/** The groups of a model's own declarations; a declaration that names no action is a mistake in the model. */
function declaredGroups(model: string, declarations: readonly Fairness[], actions: readonly NamedAction[]): FairGroup[] {
  return declarations.map((declaration) => {
    const group = declaration.name ?? [declaration.actor, [declaration.action ?? []].flat().join('|'), declaration.args].filter(Boolean).join(' ');
    const members = actions.map((action) => (matches(declaration, action) ? 1 : 0));
    if (!group || !members.includes(1)) {
      throw new ModelError(`model '${model}' declares ${declaration.kind} fairness of ${group ? `'${group}'` : 'nothing (give an actor or an action)'}, which names no action of it`);
    }
    return { kind: declaration.kind, group, actions: Uint8Array.from(members) };
  });
}

/** The fairness groups a check assumes: `choice` when given, else the model's declarations. */
export function fairGroups(
  model: string,
  declarations: readonly Fairness[] | undefined,
  actions: readonly NamedAction[],
  actors: readonly string[],
  choice: FairnessChoice | undefined,
): FairGroup[] {
  if (choice === undefined) return declaredGroups(model, declarations ?? [], actions);
  if (choice === 'none') return [];
  // Every actor that takes an action, in the model's lane order first: a lane list may leave one out.
  return [...new Set([...actors, ...actions.map((a) => a.actor)])]
    .map((actor) => ({ kind: choice, group: actor, actions: Uint8Array.from(actions, (a) => (a.actor === actor ? 1 : 0)) }))
    .filter((group) => group.actions.includes(1));
}
