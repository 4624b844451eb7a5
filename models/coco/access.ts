/**
 * What an access through a translation does, by platform: whether the host's view permits it
 * (spec 3.3), what a mismatch costs (spec 4), and how an access through the direct map finds its
 * translation. Shared by zeropad loads, the owner, the cache and the properties.
 */
import type { CocoConfig } from './config.js';
import type { Enc, Mutable, View } from './state.js';

/**
 * Whether an access with attribute `enc` to page `p` is permitted: private needs a private, ready
 * page (TDX: accepted; SNP: RMP private and validated; vTOM: not host-visible), shared needs a
 * shared one (spec 3.3).
 */
export function permitted(config: CocoConfig, s: View, p: number, enc: Enc): boolean {
  switch (config.platform) {
    case 'tdx':
      return s.gpa![p] === enc;
    case 'snp':
      return enc === 'private' ? s.rmp![p] === 'private' && s.validated![p]! : s.rmp![p] === 'shared';
    case 'hyperv-vtom':
      return s.visible![p] === (enc === 'shared');
  }
}

/** The host's view of page `p`, for labels. */
export function describeHost(config: CocoConfig, s: View, p: number): string {
  switch (config.platform) {
    case 'tdx':
      return `gpa ${s.gpa![p]}`;
    case 'snp':
      return `rmp ${s.rmp![p]}${s.validated![p] ? ', validated' : ', not validated'}`;
    case 'hyperv-vtom':
      return s.visible![p] ? 'host-visible' : 'not host-visible';
  }
}

/**
 * Whether a mismatched access through attribute `enc` kills the guest, and why.
 * Returns the consequence for the label and whether it is fatal.
 */
export function mismatchOutcome(config: CocoConfig, enc: Enc): { fatal: boolean; what: string } {
  // [C6] the paravisor gets the #VE/#VC and cannot forward it: it can only terminate the guest.
  if (config.paravisor) return { fatal: true, what: 'paravisor: guest terminated' };
  switch (config.platform) {
    case 'tdx':
      // [B2.4, C4] shared mapping => private page: #VE, handle_mmio() rejects the split access and
      // the zeropad fixup recovers. [B2.4, B2.5, H8] private mapping => shared (or unaccepted) page:
      // no #VE for private memory (SEPT_VE_DISABLE), guest shutdown.
      return enc === 'shared'
        ? { fatal: false, what: '#VE fixed up' }
        : { fatal: true, what: 'private mapping of a non-private page: guest shutdown' };
    case 'snp':
      // [C5, H7] #VC 0x404 terminates the guest; the other direction is assumed fatal too (spec 10.21).
      return { fatal: true, what: '#VC: guest terminated' };
    case 'hyperv-vtom':
      // Spec 10.5: vTOM has no fixup path, with or without a paravisor.
      return { fatal: true, what: 'vTOM: no fixup, guest terminated' };
  }
}

/** Records a mismatched access in the sticky outcome flags (spec 10.1). */
export function recordMismatch(config: CocoConfig, s: Mutable, enc: Enc): void {
  s.mismatch = true;
  if (mismatchOutcome(config, enc).fatal) s.fatalMismatch = true;
}

/** The translation an access by CPU `c` to page `p` through the direct map uses, if any. */
export interface Translation {
  enc: Enc;
  /** True when it came from the TLB, false when the page walk fills the TLB with it. */
  hit: boolean;
}

/**
 * The TLB entry if there is one (it keeps the attribute it was filled with [H3]); else the PTE if
 * present (the walk fills the TLB); else none: a page fault [H1].
 */
export function lookup(s: View, c: number, p: number): Translation | undefined {
  const cached = s.tlb[c]![p];
  if (cached) return { enc: cached, hit: true };
  const pte = s.pte[p]!;
  return pte.present ? { enc: pte.enc, hit: false } : undefined;
}

/** Applies a lookup: a miss fills CPU `c`'s TLB from the PTE. */
export function useTranslation(s: Mutable, c: number, p: number, t: Translation): void {
  if (!t.hit) s.tlb[c]![p] = t.enc;
}

/** How a lookup found its translation, for labels. */
export function describeLookup(t: Translation | undefined): string {
  if (!t) return 'TLB miss, PTE not present';
  return t.hit ? `TLB hit {${t.enc}}` : `TLB miss, PTE {${t.enc}} filled into the TLB`;
}

/**
 * A line of page `p` under key `k` leaves the cache; a dirty one written back under a key the host's
 * view does not permit is a stale write-back (spec 4). Returns whether it was stale.
 */
export function writeBackLine(config: CocoConfig, s: Mutable, p: number, k: Enc): boolean {
  const lines = s.line![p]!;
  const stale = lines[k] === 'dirty' && !permitted(config, s, p, k);
  if (stale) s.staleWriteback = true;
  lines[k] = 'none';
  return stale;
}

export const KEYS: readonly Enc[] = ['private', 'shared'];
