/**
 * What an access through a translation does: what a mismatch costs (spec 4, the platform's outcome
 * unless a paravisor takes the exception), how an access through the direct map finds its
 * translation, and what a write-back of a line is. Shared by zeropad loads, the owner, the cache
 * and the steps.
 */
import type { CocoConfig } from './config.js';
import type { MismatchOutcome } from './platforms/guestPlatform.js';
import type { Enc, Mutable, View } from './state.js';

/**
 * Whether a mismatched access through attribute `enc` kills the guest, and why: the label's
 * consequence and whether it is fatal.
 */
export function mismatchOutcome(config: CocoConfig, enc: Enc): MismatchOutcome {
  // [C6] the paravisor gets the #VE/#VC and cannot forward it: it can only terminate the guest.
  if (config.paravisor) return { fatal: true, what: 'paravisor: guest terminated' };
  return config.guest.mismatchOutcome(enc);
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

/** Whether writing back page `p`'s line under key `k` now would be stale: dirty, under a key the host's view does not permit (spec 4). */
export function isStale(config: CocoConfig, s: View, p: number, k: Enc): boolean {
  return s.line![p]![k] === 'dirty' && !config.guest.permitted(s, p, k);
}

/** A line of page `p` under key `k` leaves the cache; a stale one sets the flag. Returns whether it was stale. */
export function writeBackLine(config: CocoConfig, s: Mutable, p: number, k: Enc): boolean {
  const stale = isStale(config, s, p, k);
  if (stale) s.staleWriteback = true;
  s.line![p]![k] = 'none';
  return stale;
}

export const KEYS: readonly Enc[] = ['private', 'shared'];
