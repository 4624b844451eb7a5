// Hazard: a translation the host does not permit is reachable at all, by a stray load or speculation [H2, B2.4 "BIG BOOM"].
import { always, type Property } from '../src/model.js';
import type { CocoConfig } from '../models/coco/config.js';
import type { CocoState, Enc, View } from '../models/coco/state.js';

export function consistentTranslations(config: CocoConfig): Property<CocoState> {
  const ok = (s: View, p: number, enc: Enc | null): boolean =>
    enc === null || config.guest.permitted(s, p, enc);
  return always<CocoState>(
    'ConsistentTranslations',
    (s) => s.pte.every((pte, p) =>
      ok(s, p, pte.present ? pte.enc : null) && ok(s, p, s.alias[p]!) &&
      s.tlb.every((row) => ok(s, p, row[p]!)) && s.aliasTlb.every((row) => ok(s, p, row[p]!))),
    'every present PTE, alias and TLB entry of the range is permitted by the host\'s view',
  );
}
