/**
 * Hyper-V with vTOM: host visibility per page through a hypercall by PFN [B4.1, B4.2], usually
 * under a paravisor [C6], with a coherent cache. Under kexec, the kernel's list of visible PFNs
 * that the kexec walk replays [K17, K18].
 */
import type { CocoConfig } from '../config.js';
import type { Enc, Mutable } from '../state.js';
import { indexed } from '../steps.js';
import type { GuestPlatform } from './guestPlatform.js';
import { changed, type SubStep } from './subStep.js';

/**
 * hv_mark_gpa_visibility()'s update of hv_list_enc: added to when making pages visible, removed
 * from when hiding them [K17]. Before the hypercall, the PFN array is built before this call, so
 * with `pfnLookup: requires-present` the lookup (and its failure) belongs to it (spec 11.6).
 */
function hvList(to: Enc, beforeHypercall: boolean): SubStep {
  const add = to === 'shared';
  return {
    name: 'hvList', call: `hvList(${add ? 'add' : 'remove'})`, fallible: false, needsPfn: beforeHypercall,
    apply: (s, p) => { s.listed![p] = add; },
    describe: (_before, pages) => `hv_list_enc_${add ? 'add' : 'remove'}(): ${changed(pages, 'listed', String(add))}`,
  };
}

/** After a failed hypercall the kernel calls the opposite list function for every PFN of the call [K17]. */
function undoListUpdate(to: Enc): NonNullable<SubStep['onFailure']> {
  const listed = to !== 'shared';
  return {
    undo: (s: Mutable, pages) => { for (const p of pages) s.listed![p] = listed; },
    what: (pages) => `hv_list_enc update undone: ${indexed('listed', pages)} := ${listed}`,
  };
}

/**
 * Where the list update goes around the hypercall, and what a failed hypercall undoes. `merged`
 * is the kernel's [K17]: before the hypercall, undone after a failure. `superset` keeps every
 * visible page listed: add before making pages visible and keep them after a failure, remove
 * only after a successful hide (a listed page that is not visible costs the walk one needless
 * hypercall; a visible page that is not listed is left shared for the next kernel).
 */
function listUpdate(config: CocoConfig): Pick<SubStep, 'precededBy' | 'followedBy' | 'onFailure'> {
  const to = config.target;
  if (config.kexec === 'none') return {};
  if (config.hvListOrder !== 'superset') return { precededBy: hvList(to, true), onFailure: undoListUpdate(to) };
  return to === 'shared' ? { precededBy: hvList(to, true) } : { followedBy: hvList(to, false) };
}

/**
 * Hyper-V's host-visibility hypercall, by PFN [B4.1, B4.2], with the list update under kexec
 * (spec 11.6); the PFN lookup belongs to whichever comes first.
 */
function setVisibility(config: CocoConfig): SubStep {
  const to = config.target;
  const around = listUpdate(config);
  return {
    name: 'setVisibility', call: `setVisibility(${to})`, fallible: true, needsPfn: around.precededBy === undefined,
    apply: (s, p) => { s.visible![p] = to === 'shared'; },
    describe: (_before, pages) => changed(pages, 'visible', String(to === 'shared')),
    ...around,
  };
}

export const hypervVtom: GuestPlatform = {
  name: 'hyperv-vtom',
  coherentCache: true,
  paravisor: true,
  // TDX and SNP translate direct-map addresses with __pa(), which needs no PTE [D4] (spec 10.9).
  ownOptions: ['pfnLookup', 'hvListOrder'],
  encTlbFlushRequired: () => true, // pre-series Hyper-V [B4.1, B5]
  // Pages shared by an earlier successful set_memory_decrypted() are in the list (spec 11.3).
  hostView: ({ initial, pages, kexec }) => ({
    visible: new Array<boolean>(pages).fill(initial === 'shared'),
    ...(kexec === 'none' ? {} : { listed: new Array<boolean>(pages).fill(initial === 'shared') }),
  }),
  permitted: (s, p, enc) => s.visible![p] === (enc === 'shared'),
  describeHost: (s, p) => (s.visible![p] ? 'host-visible' : 'not host-visible'),
  // Spec 10.5: vTOM has no fixup path, with or without a paravisor.
  mismatchOutcome: () => ({ fatal: true, what: 'vTOM: no fixup, guest terminated' }),
  // Hyper-V notifies in finish, after the PTE change, both ways [B4.1].
  encStatusChangePrepare: () => [],
  encStatusChangeFinish: (config) => [setVisibility(config)],
  // hv_vtom_kexec_finish() [K18]: hides every listed PFN; it reads no page table, checks no count,
  // and touches no cache line. Its hypercalls never fail here (spec 11.5).
  encKexecFinish: (config, s) => {
    for (let p = 0; p < config.pages; p++) if (s.listed![p]) s.visible![p] = false;
  },
  describeKexecFinish: (config, before) => {
    const listed = Array.from({ length: config.pages }, (_, p) => p).filter((p) => before.listed![p]);
    return `hv_vtom_kexec_finish(): ${listed.length ? `hv_list_enc holds page ${listed.join(', ')}: ${listed.map((p) => `visible[${p}]`).join(', ')} := false` : 'hv_list_enc is empty'}`;
  },
  hostCodec: ({ kexec }) => (kexec === 'none'
    ? {
      fields: ['visible'],
      code: (s, p) => (s.visible![p] ? 1 : 0),
      set: (s, p, code) => { s.visible![p] = code === 1; },
    }
    : {
      fields: ['visible', 'listed'],
      code: (s, p) => (s.visible![p] ? 1 : 0) | (s.listed![p] ? 2 : 0),
      set: (s, p, code) => {
        s.visible![p] = (code & 1) === 1;
        s.listed![p] = code >= 2;
      },
    }),
};
