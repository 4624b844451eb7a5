/** Finds the model a command names: a built-in by name, or a module of the user's by path. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtInModels } from '../../models/index.js';
import { UsageError } from '../errors.js';
import type { AnyModel } from '../model.js';
import { isModelDefinition } from '../modelRef.js';

/** A built-in model's name, or `./my-model.js` (its one exported model), or `./models.js:name`. */
export async function findModel(spec: string): Promise<AnyModel> {
  const builtIn = builtInModels.find((m) => m.name === spec);
  if (builtIn) return builtIn;
  if (!/[./\\]/.test(spec)) {
    throw new UsageError(`unknown model '${spec}'; accepted: ${builtInModels.map((m) => m.name).join(', ')}, or a path to a model module`);
  }
  const [file, name] = spec.split(/:(?=[^/\\]*$)/) as [string, string | undefined];
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`cannot load model module '${file}': ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const models = Object.values(exports).filter(isModelDefinition);
  const chosen = name === undefined && models.length === 1 ? models[0] : models.find((m) => m.name === name);
  if (!chosen) {
    throw new UsageError(`module '${file}' exports ${models.length ? `the models ${models.map((m) => m.name).join(', ')}; name one as ${file}:NAME` : 'no model (use defineModel)'}`);
  }
  return chosen;
}
