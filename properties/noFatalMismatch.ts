// Hazard: a mismatch the platform cannot fix up: TDX private-to-shared shutdown, SNP #VC 0x404, any paravisor [B2.4, C5, C6].
import { always } from '../src/model.js';
import type { CocoState } from '../models/coco/state.js';

export const noFatalMismatch = always<CocoState>(
  'NoFatalMismatch',
  (s) => !s.fatalMismatch,
  'no mismatch that the platform cannot recover from (what mainline guarantees on native TDX)',
);
