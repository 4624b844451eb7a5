/** Finds the model a command names: a built-in by name, or a module of the user's by path. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtInModel, builtInModelNames } from '../../models/index.js';
import { ModelError, UsageError } from '../errors.js';
import type { AnyModel } from '../model.js';
import { importModule, isModelDefinition } from '../modelRef.js';
import { checkParamSpecs } from '../params.js';

/**
 * A built-in model's name, or `./my-model.ts` or `.js` (its one exported model), or
 * `./models.ts:name`. A module that cannot be loaded or whose parameters are malformed is a
 * ModelError; a path to nothing is a UsageError.
 */
export async function findModel(spec: string): Promise<AnyModel> {
  const model = await modelNamed(spec);
  checkParamSpecs(model.params);
  return model;
}

async function modelNamed(spec: string): Promise<AnyModel> {
  const builtIn = builtInModel(spec);
  if (builtIn) return builtIn;
  if (!/[./\\]/.test(spec)) {
    throw new UsageError(`unknown model '${spec}'; accepted: ${builtInModelNames.join(', ')}, or a path to a model module`);
  }
  const [file, name] = spec.split(/:(?=[^/\\]*$)/) as [string, string | undefined];
  if (!existsSync(file)) throw new UsageError(`no model module at '${file}'; accepted: ${builtInModelNames.join(', ')}, or a path to a model module`);
  let exports: Record<string, unknown>;
  try {
    exports = await importModule(pathToFileURL(path.resolve(file)).href);
  } catch (error) {
    throw new ModelError(`loading model module '${file}' failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const models = Object.values(exports).filter(isModelDefinition);
  const chosen = name === undefined && models.length === 1 ? models[0] : models.find((m) => m.name === name);
  if (!chosen) {
    throw new UsageError(`module '${file}' exports ${models.length ? `the models ${models.map((m) => m.name).join(', ')}; name one as ${file}:NAME` : 'no model (use defineModel)'}`);
  }
  return chosen;
}
