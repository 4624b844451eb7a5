/**
 * What a check checks: the properties chosen by name, and deadlocks as a property of their own.
 * Apart from check.ts, so that a search thread, which needs these, does not load the supervision
 * of a check, which it never does.
 */
import { UsageError } from './errors.js';
import type { AnyModel, ModelInstance, Property } from './model.js';

/** The name deadlocks are reported under, as a property of their own. */
export const DEADLOCK = 'Deadlock';
/** What the Deadlock property stands for. */
export const DEADLOCK_DOC = 'every state without a successor is a legitimate final state';

/** Whether deadlocks are checked: as asked, else when the model declares final states, which asking needs. */
export function checksDeadlock(model: AnyModel, instance: ModelInstance<unknown>, asked: boolean | undefined): boolean {
  const deadlock = asked ?? instance.isFinal !== undefined;
  if (deadlock && !instance.isFinal) throw new UsageError(`deadlock checking needs a model that declares final states; '${model.name}' does not`);
  return deadlock;
}

export function selectProperties<S>(all: readonly Property<S>[], names: readonly string[] | undefined): Property<S>[] {
  if (!names || names.length === 0) return all.filter((p) => !p.onlyWhenNamed);
  return names.map((name) => {
    const property = all.find((p) => p.name === name);
    if (!property) throw new UsageError(`unknown property '${name}'; accepted: ${all.map((p) => p.name).join(', ')}`);
    return property;
  });
}
