/**
 * The platforms' notifications to the host (spec section 5): the sub-steps of `notify`, and how
 * the pre-series code splits them into `prepare` (before the PTE change) and `finish` (after).
 */
import type { CocoConfig } from './config.js';
import { alive, type Enc, type Mutable, type View } from './state.js';
import { indexed } from './steps.js';

export interface SubStep {
  name: 'mapGpa' | 'accept' | 'pvalidate' | 'psc' | 'setVisibility';
  /** What it is called with, as the label prints it: `mapGpa(shared)`. */
  call: string;
  /** With `hostFailures`, the host may fail it (spec 5, 10.8). */
  fallible: boolean;
  /** It needs each page's PFN through `pfnLookup` (spec 10.9). */
  needsPfn: boolean;
  /** The sub-step's effect on one page; it may kill the guest (an oops), which ends the call. */
  apply: (s: Mutable, p: number) => void;
  /** What it does to `pages` (possibly none, for a failure before the first page), from the state before. */
  describe: (before: View, pages: readonly number[]) => string;
}

/** Runs a sub-step over pages in page order, stopping if the guest dies. */
export function applySubStep(sub: SubStep, s: Mutable, pages: readonly number[]): void {
  for (const p of pages) {
    sub.apply(s, p);
    if (!alive(s)) return;
  }
}

const changed = (pages: readonly number[], field: string, value: string): string =>
  pages.length ? `${indexed(field, pages)} := ${value}` : 'no page changed';

/**
 * TDX MapGPA [B2.2]. To private, the VMM first writes back and drops the page's shared lines, its
 * duty [B2.1]; judged against the view before the change (still shared), so never stale (spec 10.16).
 */
function mapGpa(to: Enc): SubStep {
  const gpa = to === 'private' ? 'private-unaccepted' : 'shared';
  return {
    name: 'mapGpa', call: `mapGpa(${to})`, fallible: true, needsPfn: false,
    apply: (s, p) => {
      if (to === 'private' && s.line) s.line[p]!.shared = 'none';
      s.gpa![p] = gpa;
    },
    describe: (_before, pages) =>
      (to === 'private' && pages.length ? 'the VMM writes back and drops the shared lines; ' : '') + changed(pages, 'gpa', gpa),
  };
}

/** TDX accept: moves private-unaccepted to private [B2.2]. */
const accept: SubStep = {
  name: 'accept', call: 'accept', fallible: true, needsPfn: false,
  apply: (s, p) => {
    if (s.gpa![p] === 'private-unaccepted') s.gpa![p] = 'private';
  },
  describe: (_before, pages) => changed(pages, 'gpa', 'private'),
};

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

/** Hyper-V's host-visibility hypercall, by PFN [B4.1, B4.2]. */
function setVisibility(to: Enc): SubStep {
  return {
    name: 'setVisibility', call: `setVisibility(${to})`, fallible: true, needsPfn: true,
    apply: (s, p) => { s.visible![p] = to === 'shared'; },
    describe: (_before, pages) => changed(pages, 'visible', String(to === 'shared')),
  };
}

/** The platform's whole notification, in order (spec 5). */
function notifySubSteps(config: CocoConfig): SubStep[] {
  const { target } = config;
  switch (config.platform) {
    case 'tdx': // tdx_enc_status_changed(): MapGPA, then accept for shared->private [B2.2]
      return target === 'private' ? [mapGpa('private'), accept] : [mapGpa('shared')];
    case 'snp': // rescind before the page becomes shared, validate after it becomes private [B3.2]
      return target === 'shared' ? [pvalidate(config, false), psc('shared')] : [psc('private'), pvalidate(config, true)];
    case 'hyperv-vtom':
      return [setVisibility(target)];
  }
}

/**
 * The sub-steps of a notification step. `prepare` runs before the PTE change and `finish` after:
 * TDX converts to private in prepare and to shared in finish [B2.3]; SNP rescinds and makes shared
 * in prepare, makes private and validates in finish [B3.1]; Hyper-V notifies in finish [B4.1]. Either
 * way the two halves of one direction add up to `notify`.
 */
export function notification(config: CocoConfig, step: 'notify' | 'prepare' | 'finish'): SubStep[] {
  if (step === 'notify') return notifySubSteps(config);
  const inPrepare = config.platform === 'hyperv-vtom' ? false
    : config.platform === 'tdx' ? config.target === 'private'
      : config.target === 'shared';
  return inPrepare === (step === 'prepare') ? notifySubSteps(config) : [];
}
