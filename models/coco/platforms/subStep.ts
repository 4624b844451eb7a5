/**
 * A notification sub-step (spec section 5): one call to the host or one platform instruction, which
 * CPU 0 runs over the pages of a step as one atomic action (per page with `granularity: page`).
 */
import { alive, type Mutable, type View } from '../state.js';
import { indexed } from '../steps.js';

export interface SubStep {
  name: 'mapGpa' | 'accept' | 'pvalidate' | 'psc' | 'setVisibility' | 'hvList';
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
  /**
   * Sub-steps the kernel runs just before or just after this one in the same call, page chunk by
   * page chunk (Hyper-V's list update around the hypercall, spec 11.6).
   */
  precededBy?: SubStep;
  followedBy?: SubStep;
  /** What the kernel undoes, over every page of the call, when a host failure fails this one. */
  onFailure?: { undo: (s: Mutable, pages: readonly number[]) => void; what: (pages: readonly number[]) => string };
}

/** Runs a sub-step over pages in page order, stopping if the guest dies. */
export function applySubStep(sub: SubStep, s: Mutable, pages: readonly number[]): void {
  for (const p of pages) {
    sub.apply(s, p);
    if (!alive(s)) return;
  }
}

/** `gpa[0..1] := shared`, or that no page changed (a failure before the first page). */
export const changed = (pages: readonly number[], field: string, value: string): string =>
  pages.length ? `${indexed(field, pages)} := ${value}` : 'no page changed';
