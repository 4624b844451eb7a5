/**
 * CPU 0's page-table, TLB and cache steps (spec section 5), one function per step, each acting on
 * the pages it is given: the whole range, or one page with `granularity: page` (spec 10.11).
 */
import { isStale, KEYS, writeBackLine } from './access.js';
import type { CocoConfig } from './config.js';
import type { StepName } from './protocols.js';
import type { Mutable, View } from './state.js';

/** A step that is not a notification. */
export type PageTableStep = Exclude<StepName, 'notify' | 'prepare' | 'finish'>;

export interface StepDefinition {
  /** With `granularity: page`, one action per page (PTE writes and the cache flush, spec 10.11). */
  perPage: boolean;
  /** When the step has nothing to do on this platform: one action that only moves the pc (spec 10.3). */
  noOp?: (config: CocoConfig) => boolean;
  run: (config: CocoConfig, s: Mutable, pages: readonly number[]) => void;
  /** What it does, for the trace line, from the state before it. */
  describe: (config: CocoConfig, before: View, pages: readonly number[]) => string;
}

/** `pte[0..1]` or `pte[1]`. */
export function indexed(field: string, pages: readonly number[]): string {
  return pages.length === 1 ? `${field}[${pages[0]}]` : `${field}[${pages[0]}..${pages[pages.length - 1]}]`;
}

function setPte(s: Mutable, pages: readonly number[], change: Partial<Mutable['pte'][number]>): void {
  for (const p of pages) Object.assign(s.pte[p]!, change);
}

/** vm_unmap_aliases(): removes the lazy-vmap aliases and flushes their TLB entries on every CPU [A7]. */
const unmapAliases: StepDefinition = {
  perPage: false,
  run: (_config, s, pages) => {
    for (const p of pages) {
      s.alias[p] = null;
      for (const row of s.aliasTlb) row[p] = null;
    }
  },
  describe: (_config, _before, pages) => `${indexed('alias', pages)} unmapped, every CPU's alias TLB entries dropped`,
};

/**
 * cpa_flush(&cpa, 1)'s clflush: only if the platform needs it (`!coherentCache`) [B2.1, B3.4];
 * writes back and drops the lines of each page whose PTE is present, and skips the others, as
 * cpa_flush() does ("Only flush present addresses") [A7, I1].
 */
const flushCache: StepDefinition = {
  perPage: true,
  noOp: (config) => config.coherentCache,
  run: (config, s, pages) => {
    for (const p of pages) {
      if (!s.pte[p]!.present) continue;
      for (const k of KEYS) if (s.line![p]![k] !== 'none') writeBackLine(config, s, p, k);
    }
  },
  describe: (config, before, pages) => pages.map((p) => {
    if (!before.pte[p]!.present) return `${pages.length === 1 ? '' : `page ${p} `}not present: skipped [A7]`;
    const lines = KEYS.filter((k) => before.line![p]![k] !== 'none').map((k) => {
      const line = before.line![p]![k];
      const stale = isStale(config, before, p, k);
      return `${line} {${k}} written back${stale ? ' (stale write-back)' : ''}`;
    });
    const done = lines.length ? lines.join(', ') : 'no lines';
    return pages.length === 1 ? done : `page ${p}: ${done}`;
  }).join('; '),
};

/** A synchronous TLB flush of the range's direct map on every CPU [A7]; alias entries go with unmapAliases (spec 10.15). */
const flushTlb: StepDefinition = {
  perPage: false,
  run: (_config, s, pages) => {
    for (const row of s.tlb) for (const p of pages) row[p] = null;
  },
  describe: (_config, _before, pages) => `every CPU's TLB entries for ${indexed('pte', pages)} dropped`,
};

/** set_memory_np()'s PTE write: one set_pte_atomic per PTE, the PFN kept [A7, D2]. */
const clearPresent: StepDefinition = {
  perPage: true,
  run: (_config, s, pages) => setPte(s, pages, { present: false }),
  describe: (_config, _before, pages) => `${indexed('pte', pages)}.present := false`,
};

/** __change_page_attr_set_clr(): the encryption attribute flips to the target [A1]. */
const setEnc: StepDefinition = {
  perPage: true,
  run: (config, s, pages) => setPte(s, pages, { enc: config.target }),
  describe: (config, _before, pages) => `${indexed('pte', pages)}.enc := ${config.target}`,
};

/** v1's fused CPA pass: PRESENT cleared and the attribute flipped in one PTE write [A4]. */
const clearPresentAndSetEnc: StepDefinition = {
  perPage: true,
  run: (config, s, pages) => setPte(s, pages, { present: false, enc: config.target }),
  describe: (config, _before, pages) => `${indexed('pte', pages)} := { present: false, enc: ${config.target} }`,
};

/** set_memory_p() without its TLB flush (patch 2 [E1]): a not-present PTE is in no TLB [H1]. */
const setPresent: StepDefinition = {
  perPage: true,
  run: (_config, s, pages) => setPte(s, pages, { present: true }),
  describe: (_config, _before, pages) => `${indexed('pte', pages)}.present := true (no TLB flush)`,
};

export const STEPS: Record<PageTableStep, StepDefinition> = {
  unmapAliases, flushCache, flushTlb, clearPresent, setEnc, clearPresentAndSetEnc, setPresent,
};
