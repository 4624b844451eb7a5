/**
 * How a thread loads a model module, and how a worker thread finds the model the main thread is
 * checking: the module it came from, its name and its resolved parameters.
 *
 * A TypeScript model module is loaded through tsx (Node 20 cannot strip types), in the main
 * thread and in every worker, unless it is one of this project's own sources with a compiled
 * twin under `dist/` (as when vitest runs the tests): worker threads then take the twin.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { ModelError, UsageError } from './errors.js';
import { threadsRebuild, type AnyModel, type ModelInstance } from './model.js';
import type { StateEncoding } from './codecs/stateEncoding.js';
import type { ParamSpecs, ParamsOf } from './params.js';

/** Everything a worker needs to build the same model instance as the main thread. */
export interface ModelRef {
  module: string;
  name: string;
  params: Record<string, unknown>;
  symmetry: boolean;
  /** How states are encoded when the model has no codec of its own. */
  encoding: StateEncoding;
}

/** The project root: this file is `<root>/src/modelRef.ts` or `<root>/dist/src/modelRef.js`. */
const projectRoot = ((): string => {
  const above = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  return path.basename(above) === 'dist' ? path.dirname(above) : above;
})();

const TYPESCRIPT = /\.[cm]?tsx?$/;

/**
 * A module's URL without the query tsx adds to every module it loads (`?tsx-namespace=...`),
 * which a model's `import.meta.url` carries: one module, one URL, in every thread.
 */
function moduleSource(moduleUrl: string): string {
  const url = new URL(moduleUrl);
  url.searchParams.delete('tsx-namespace');
  return url.href;
}

/** The compiled twin under `dist/` of one of this project's TypeScript sources, if it has one. */
function compiledTwin(moduleUrl: string): string | undefined {
  if (!TYPESCRIPT.test(new URL(moduleUrl).pathname)) return undefined;
  const source = fileURLToPath(moduleUrl);
  const relative = path.relative(projectRoot, source);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const compiled = path.join(projectRoot, 'dist', relative).replace(/\.ts$/, '.js');
  return existsSync(compiled) ? pathToFileURL(compiled).href : undefined;
}

/** The URL a worker thread runs for one of this project's own scripts (its compiled twin when it is TypeScript). */
export function runnableModule(moduleUrl: string): string {
  if (!TYPESCRIPT.test(moduleUrl)) return moduleUrl;
  const compiled = compiledTwin(moduleUrl);
  if (!compiled) throw new UsageError(`worker threads, where every search runs, need the compiled ${fileURLToPath(moduleUrl)}; run 'npm run build'`);
  return compiled;
}

/**
 * Each module this thread has loaded, by source URL: tsx evaluates a module anew at every
 * import, and a model module's top-level code must run once per thread.
 */
const loaded = new Map<string, Promise<Record<string, unknown>>>();

/** Imports a model module: compiled JavaScript as it is, TypeScript through tsx; once per thread. */
export function importModule(moduleUrl: string): Promise<Record<string, unknown>> {
  const source = moduleSource(moduleUrl);
  let module = loaded.get(source);
  if (!module) {
    const runnable = compiledTwin(source) ?? source;
    module = TYPESCRIPT.test(new URL(runnable).pathname)
      ? import('tsx/esm/api').then(({ tsImport }) => tsImport(runnable, import.meta.url) as Promise<Record<string, unknown>>)
      : (import(runnable) as Promise<Record<string, unknown>>);
    loaded.set(source, module);
  }
  return module;
}

/** Whether a module's export is a model definition (what `defineModel` returns). */
export function isModelDefinition(value: unknown): value is AnyModel {
  return typeof value === 'object' && value !== null && typeof (value as AnyModel).name === 'string' && typeof (value as AnyModel).build === 'function';
}

/** Imports the model named `name` from a module (in a worker). */
export async function importModel(module: string, name: string): Promise<AnyModel> {
  const exports = await importModule(module);
  const definition = Object.values(exports).filter(isModelDefinition).find((model) => model.name === name);
  if (!definition) throw new ModelError(`module ${moduleSource(module)} exports no model named '${name}'`);
  return definition;
}

/** Imports the model a ref names and builds its instance (in a worker). */
export async function loadModel(ref: ModelRef): Promise<{ definition: AnyModel; instance: ModelInstance<unknown> }> {
  const definition = await importModel(ref.module, ref.name);
  return { definition, instance: definition.build(ref.params as ParamsOf<ParamSpecs>) };
}

/** Refuses a model that other threads could not rebuild from its module (see `threadsRebuild`), for work that needs them. */
export function requireThreadsRebuild(model: AnyModel): void {
  if (threadsRebuild(model)) return;
  throw new UsageError(
    `model '${model.name}' is not the one its module defines under that name (a copy made from it?): worker threads ` +
      `rebuild a model by importing its module, so they would check the original; export it from a module of its own, or use 1 worker`,
  );
}
