/**
 * A model built for its parameters: what `check` explores, and what needs a model's actions and
 * properties by index outside a check (the state graph's edge labels, `cocomc list`).
 */
import { ModelError, UsageError } from './errors.js';
import type { AnyModel, ModelInstance } from './model.js';
import { describeParams, resolveParams, type ParamSpecs, type ParamsOf, type RawValue } from './params.js';

/** Builds `model` for resolved parameters; a build that throws is a ModelError (a UsageError passes through). */
export function buildInstance(model: AnyModel, params: unknown): ModelInstance<unknown> {
  try {
    return model.build(params as ParamsOf<ParamSpecs>);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new ModelError(`building model '${model.name}' failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Builds `model` for raw parameters (unset ones take their defaults), resolved and validated as `check` does. */
export function instantiate(model: AnyModel, raw: Readonly<Record<string, RawValue | undefined>> = {}): ModelInstance<unknown> {
  return buildInstance(model, resolveParams(model.params, raw, model.validate));
}

/** The parameters reports show: the model's configuration, else its resolved parameters. */
export function shownParams(params: unknown, instance: ModelInstance<unknown>): Record<string, unknown> {
  return instance.configuration ? { ...instance.configuration } : describeParams(params as Readonly<Record<string, unknown>>);
}
