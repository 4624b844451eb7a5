/**
 * A model built outside a check, for what needs its actions and properties by index (the state
 * graph's edge labels, `cocomc list`): parameters resolved and validated as `check` does them.
 */
import { ModelError, UsageError } from './errors.js';
import type { AnyModel, ModelInstance } from './model.js';
import { resolveParams, type RawValue } from './params.js';

/**
 * Builds `model` for raw parameters (unset ones take their defaults). Bad parameters are a
 * UsageError; a model whose build throws is a ModelError.
 */
export function instantiate(model: AnyModel, raw: Readonly<Record<string, RawValue | undefined>> = {}): ModelInstance<unknown> {
  const params = resolveParams(model.params, raw, model.validate);
  try {
    return model.build(params as never);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new ModelError(`building model '${model.name}' failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
