/**
 * AMD SEV-SNP: the RMP and each page's validation [B3.2], PSC through the GHCB and PVALIDATE, and a
 * cache coherent across keys on current parts [B3.4].
 */
import { isStale, KEYS, writeBackLine } from '../access.js';
import type { CocoConfig } from '../config.js';
import type { Enc, View } from '../state.js';
import { sharedByPte, type GuestPlatform } from './guestPlatform.js';
import { changed, type SubStep } from './subStep.js';

/**
 * SNP PVALIDATE [B3.2]. It "performs the same paging checks as a 1-byte read" [B3.3, H6]: through the
 * direct map, a not-present PTE is a #PF with no fixup, a kernel oops [F0.3] (TLBs not consulted,
 * spec 10.10); a temporary VA always works. pvalidate_pages() issues one PVALIDATE per page, so the
 * pages before the faulting one are done [B3.2].
 */
function pvalidate(config: CocoConfig, validate: boolean): SubStep {
  const faults = (s: View, p: number): boolean => config.pvalidateVa === 'direct-map' && !s.pte[p]!.present;
  return {
    name: 'pvalidate', call: `pvalidate(${validate ? 'validate' : 'rescind'})`, fallible: false, needsPfn: false,
    apply: (s, p) => {
      if (faults(s, p)) s.oops = true;
      else s.validated![p] = validate;
    },
    describe: (before, pages) => {
      const first = pages.findIndex((p) => faults(before, p));
      if (first < 0) return changed(pages, 'validated', String(validate));
      const done = pages.slice(0, first);
      return `${done.length ? `${changed(done, 'validated', String(validate))}; ` : ''}` +
        `PVALIDATE through the direct-map VA of page ${pages[first]}: not present -> #PF, kernel oops`;
    },
  };
}

/** SNP page state change through the GHCB; a failure terminates the guest by design, so it is never injected [B3.2]. */
function psc(to: Enc): SubStep {
  return {
    name: 'psc', call: `psc(${to})`, fallible: false, needsPfn: false,
    apply: (s, p) => { s.rmp![p] = to; },
    describe: (_before, pages) => changed(pages, 'rmp', to),
  };
}

/**
 * unshare_all_memory() [K12, K13], per page whose PTE lacks the C-bit, present or not: a
 * clflush_cache_range() through the direct-map VA, which on a not-present PTE is a #PF with no
 * fixup, an oops that ends the walk (an assumption of spec 11.5: the kernel never clflushes a
 * not-present page in cpa_flush() [A7, H9]); then set_pte_enc() keeps PRESENT and sets the C-bit,
 * and snp_set_memory_private() is PSC(private) then PVALIDATE, which never fails here (spec 11.5).
 */
const toPrivate = (config: CocoConfig): SubStep[] => [psc('private'), pvalidate(config, true)];

const RMP: readonly Enc[] = ['private', 'shared'];

export const snp: GuestPlatform = {
  name: 'snp',
  coherentCache: true,
  paravisor: false,
  ownOptions: ['pvalidateVa'],
  encTlbFlushRequired: () => true, // [B3.1, B5]
  // A shared page is not validated: validation is rescinded before a page becomes shared [B3.2].
  hostView: ({ initial, pages }) => ({ rmp: new Array<Enc>(pages).fill(initial), validated: new Array<boolean>(pages).fill(initial === 'private') }),
  permitted: (s, p, enc) => (enc === 'private' ? s.rmp![p] === 'private' && s.validated![p]! : s.rmp![p] === 'shared'),
  describeHost: (s, p) => `rmp ${s.rmp![p]}${s.validated![p] ? ', validated' : ', not validated'}`,
  // [C5, H7] #VC 0x404 terminates the guest; the other direction is assumed fatal too (spec 10.21).
  mismatchOutcome: () => ({ fatal: true, what: '#VC: guest terminated' }),
  // Rescind and make shared before the PTE change, make private and validate after it [B3.1, B3.2].
  encStatusChangePrepare: (config) => (config.target === 'shared' ? [pvalidate(config, false), psc('shared')] : []),
  encStatusChangeFinish: (config) => (config.target === 'private' ? [psc('private'), pvalidate(config, true)] : []),
  encKexecFinish: (config, s) => {
    for (const p of sharedByPte(s, config.pages)) {
      if (!s.pte[p]!.present) {
        s.oops = true;
        return;
      }
      if (!config.coherentCache) for (const k of KEYS) if (s.line![p]![k] !== 'none') writeBackLine(config, s, p, k);
      s.pte[p]!.enc = 'private';
      toPrivate(config).forEach((sub) => sub.apply(s, p));
    }
  },
  describeKexecFinish: (config, before) => {
    const found = sharedByPte(before, config.pages);
    const oops = found.findIndex((p) => !before.pte[p]!.present);
    const shown = (oops < 0 ? found : found.slice(0, oops + 1)).map((p) => {
      if (!before.pte[p]!.present) return `page ${p}: clflush_cache_range() through a not-present PTE -> #PF, kernel oops`;
      const stale = !config.coherentCache && KEYS.some((k) => isStale(config, before, p, k)) ? ' (stale write-back)' : '';
      return `page ${p}: ${config.coherentCache ? '' : `lines written back${stale}, `}pte.enc := private, psc(private), pvalidate(validate)`;
    });
    return `unshare_all_memory(): ${shown.join('; ') || 'no PTE without the C-bit'}`;
  },
  hostCodec: () => ({
    fields: ['rmp', 'validated'],
    code: (s, p) => (s.rmp![p] === 'private' ? 0 : 1) | (s.validated![p] ? 2 : 0),
    set: (s, p, code) => {
      s.rmp![p] = RMP[code & 1]!;
      s.validated![p] = code >= 2;
    },
  }),
};
