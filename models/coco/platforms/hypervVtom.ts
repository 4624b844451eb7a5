/**
 * Hyper-V with vTOM: host visibility per page through a hypercall by PFN [B4.1, B4.2], usually
 * under a paravisor [C6], with a coherent cache.
 */
import type { Enc } from '../state.js';
import type { GuestPlatform } from './guestPlatform.js';
import { changed, type SubStep } from './subStep.js';

/** Hyper-V's host-visibility hypercall, by PFN [B4.1, B4.2]. */
function setVisibility(to: Enc): SubStep {
  return {
    name: 'setVisibility', call: `setVisibility(${to})`, fallible: true, needsPfn: true,
    apply: (s, p) => { s.visible![p] = to === 'shared'; },
    describe: (_before, pages) => changed(pages, 'visible', String(to === 'shared')),
  };
}

export const hypervVtom: GuestPlatform = {
  name: 'hyperv-vtom',
  coherentCache: true,
  paravisor: true,
  // TDX and SNP translate direct-map addresses with __pa(), which needs no PTE [D4] (spec 10.9).
  ownOptions: ['pfnLookup'],
  encTlbFlushRequired: () => true, // pre-series Hyper-V [B4.1, B5]
  hostView: (enc, pages) => ({ visible: new Array<boolean>(pages).fill(enc === 'shared') }),
  permitted: (s, p, enc) => s.visible![p] === (enc === 'shared'),
  describeHost: (s, p) => (s.visible![p] ? 'host-visible' : 'not host-visible'),
  // Spec 10.5: vTOM has no fixup path, with or without a paravisor.
  mismatchOutcome: () => ({ fatal: true, what: 'vTOM: no fixup, guest terminated' }),
  // Hyper-V notifies in finish, after the PTE change, both ways [B4.1].
  encStatusChangePrepare: () => [],
  encStatusChangeFinish: ({ target }) => [setVisibility(target)],
  hostCodec: () => ({
    code: (s, p) => (s.visible![p] ? 1 : 0),
    decode: (codes, state) => { state.visible = codes.map((code) => code === 1); },
  }),
};
