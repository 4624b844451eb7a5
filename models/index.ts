/**
 * The models cocomc ships, by the name `cocomc check NAME` takes. Each is loaded when named: a
 * command runs one model, and CoCo alone is some 35 modules (about 25 ms of every other model's
 * check, loading in the thread that hands the search its job).
 */
import type { AnyModel } from '../src/model.js';

const loaders: Readonly<Record<string, () => Promise<AnyModel>>> = {
  coco: async () => (await import('./coco/index.js')).coco,
  diehard: async () => (await import('./dieHard.js')).dieHard,
  flip: async () => (await import('./flip.js')).flip,
  peterson: async () => (await import('./peterson.js')).peterson,
  naivelock: async () => (await import('./peterson.js')).naiveLock,
  twophase: async () => (await import('./twoPhase.js')).twoPhase,
};

/** The built-in models' names, in the order help and `cocomc list` show them. */
export const builtInModelNames: readonly string[] = Object.keys(loaders);

/** The built-in model of this name, loaded; undefined if there is none. */
export function builtInModel(name: string): Promise<AnyModel> | undefined {
  return Object.hasOwn(loaders, name) ? loaders[name]!() : undefined;
}

/** Every built-in model, loaded, in the order of their names. */
export function builtInModels(): Promise<AnyModel[]> {
  return Promise.all(builtInModelNames.map((name) => loaders[name]!()));
}

/** The model `cocomc check` runs when none is named, and `npm start` runs. */
export const defaultModel = 'coco';
