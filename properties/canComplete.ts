// Hazard: a protocol that can never finish (every run dies first) is not safe, just useless.
import { sometimes } from '../src/model.js';
import type { CocoState } from '../models/coco/state.js';

export const canComplete = sometimes<CocoState>(
  'CanComplete',
  (s) => s.result === 'ok',
  'some reachable state has CPU 0 returned ok',
);
