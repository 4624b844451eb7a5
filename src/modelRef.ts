/**
 * How a worker thread finds the model the main thread is checking: the module it came from, its
 * name and its resolved parameters. Worker threads run compiled JavaScript, so a model loaded from
 * TypeScript source (as vitest does) is looked up at its compiled place under `dist/`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { ModelError, UsageError } from './errors.js';
import type { AnyModel, ModelInstance } from './model.js';

/** Everything a worker needs to build the same model instance as the main thread. */
export interface ModelRef {
  module: string;
  name: string;
  params: Record<string, unknown>;
  symmetry: boolean;
}

/** The project root: this file is `<root>/src/modelRef.ts` or `<root>/dist/src/modelRef.js`. */
const projectRoot = ((): string => {
  const above = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  return path.basename(above) === 'dist' ? path.dirname(above) : above;
})();

/** The URL a worker can import for a model module URL. */
export function runnableModule(moduleUrl: string): string {
  if (!moduleUrl.endsWith('.ts')) return moduleUrl;
  const source = fileURLToPath(moduleUrl);
  const compiled = path.join(projectRoot, 'dist', path.relative(projectRoot, source)).replace(/\.ts$/, '.js');
  if (!existsSync(compiled)) {
    throw new UsageError(`worker threads, where every search runs, need the compiled model ${compiled}; run 'npm run build'`);
  }
  return pathToFileURL(compiled).href;
}

/** Whether a module's export is a model definition (what `defineModel` returns). */
export function isModelDefinition(value: unknown): value is AnyModel {
  return typeof value === 'object' && value !== null && typeof (value as AnyModel).name === 'string' && typeof (value as AnyModel).build === 'function';
}

/** Imports the model named `name` from a module (in a worker). */
export async function importModel(module: string, name: string): Promise<AnyModel> {
  const exports = (await import(runnableModule(module))) as Record<string, unknown>;
  const definition = Object.values(exports).filter(isModelDefinition).find((model) => model.name === name);
  if (!definition) throw new ModelError(`module ${module} exports no model named '${name}'`);
  return definition;
}

/** Imports the model a ref names and builds its instance (in a worker). */
export async function loadModel(ref: ModelRef): Promise<{ definition: AnyModel; instance: ModelInstance<unknown> }> {
  const definition = await importModel(ref.module, ref.name);
  return { definition, instance: definition.build(ref.params as never) };
}
