/**
 * What the explorer serves, built from the command line's model, parameters and engine options:
 * the model instance the page walks, and the check behind its counterexample buttons.
 */
import { check } from '../check.js';
import { checksDeadlock } from '../checkedProperties.js';
import { ModelError } from '../errors.js';
import { actorsOf, type AnyModel } from '../model.js';
import { buildInstance, shownParams } from '../modelInstance.js';
import { resolveParams, type RawValue } from '../params.js';
import { linkParams } from './link.js';
import type { ExploreSite } from './routes.js';
import { once, verdictsOf } from './verdicts.js';

/** The engine options of the check behind the counterexample buttons: plain data, as a thread takes them. */
export interface ExploreCheckOptions {
  workers?: number;
  maxStates?: number;
  timeLimit?: number;
  maxMemory?: number;
  deadlock?: boolean;
}

export function exploreSite(model: AnyModel, params: Readonly<Record<string, RawValue>>, options: ExploreCheckOptions): ExploreSite {
  const resolved = resolveParams(model.params, params, model.validate);
  const instance = buildInstance(model, resolved);
  if (instance.initialStates.length === 0) throw new ModelError(`model '${model.name}' has no initial states: there is nothing to explore`);
  return {
    model,
    subject: { instance, actors: actorsOf(instance), deadlock: checksDeadlock(model, instance, options.deadlock) },
    configuration: shownParams(resolved, instance),
    params: linkParams(params),
    verdicts: once(async () => verdictsOf(await check(model, { ...options, params }))),
  };
}
