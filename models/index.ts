/** The models cocomc ships, by the name `cocomc check NAME` takes. */
import type { AnyModel } from '../src/model.js';
import { coco } from './coco/index.js';
import { dieHard } from './dieHard.js';
import { flip } from './flip.js';
import { naiveLock, peterson } from './peterson.js';
import { twoPhase } from './twoPhase.js';

export const builtInModels: readonly AnyModel[] = [coco, dieHard, flip, peterson, naiveLock, twoPhase];

/** The model `cocomc check` runs when none is named, and `npm start` runs. */
export const defaultModel = 'coco';
