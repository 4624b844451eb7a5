// Hazard: set_memory_*crypted() returns success with a page not present, a stale alias or TLB entry, or the host not converted [A4, M8, E].
import { always, type Property } from '../src/model.js';
import type { CocoConfig } from '../models/coco/config.js';
import type { CocoState } from '../models/coco/state.js';

export function completesConsistently(config: CocoConfig): Property<CocoState> {
  const { initial, target } = config;
  return always<CocoState>(
    'CompletesConsistently',
    // Spec 10.17: checked in every state after `return ok`.
    (s) => s.result !== 'ok' || s.pte.every((pte, p) =>
      pte.present && pte.enc === target && config.guest.permitted(s, p, target) && s.alias[p] === null &&
      s.tlb.every((row) => row[p] !== initial) && s.aliasTlb.every((row) => row[p] !== initial)),
    'after return ok: every PTE present with the target attribute, the host converted, no alias, no TLB entry with the old attribute',
  );
}
