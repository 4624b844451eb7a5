/**
 * The symmetry `--symmetry` reduces by: which renamings of readers and pages are symmetries of the
 * model (the representative of each class is canonicalForm.ts's).
 *
 * Readers: CPUs 1..readers run the same actions and their only state is their TLB rows, so any
 * permutation of them maps reachable states to reachable states with the same verdicts. CPU 0
 * (the converting CPU and the owner) is never permuted.
 *
 * Pages: with `granularity: range` every step of CPU 0 is one atomic action over the whole range
 * (spec 5, 10.11), every environment action exists for every page alike, the initial state is the
 * same for every page (spec 10.22) and every property quantifies over all pages. So the PTEs never
 * differ between pages (every PTE write covers the range), which also makes the order-dependent
 * loops order-free: PVALIDATE's oops through a not-present PTE [B3.3] happens at the first page or
 * not at all, and so does the SNP kexec walk's [K13]. Renaming pages then maps reachable states
 * to reachable states. Two options break it:
 * - `granularity: page`: the kernel changes PTEs page by page in page order [A7] (spec 10.11), so
 *   while a step is in progress page 0 is ahead of page 1, and CPU 0's program counter says which
 *   page is next;
 * - `hostFailures`: a call that fails at page i leaves the pages before i converted and the later
 *   ones not (spec 10.8): the converted pages are always a prefix, and a renaming is not.
 * Page symmetry is applied only without both; reader symmetry always.
 */
import type { CocoConfig } from './config.js';

/**
 * The most pages renamed; past it only readers are. The canonical form (canonicalForm.ts) tries
 * pages that look alike in every order, 4! = 24 orders when all 4 do, from a list of the orders
 * made when the codec is built, for every check with or without `--symmetry`: 16 pages would mean
 * 16! orders.
 */
export const MAX_RENAMED_PAGES = 4;

/** What `cocomc list coco` says of `--symmetry`: the rule `pagesInterchangeable` applies. */
export const SYMMETRY_NOTE = [
  '--symmetry: reader CPUs 1..readers are always interchangeable (CPU 0, converting and owning, is never renamed);',
  'pages are renamed too with --granularity range (the default) and without --host-failures, where every step acts',
  'on the whole range at once; --granularity page converts pages in page order [A7] and a host failure leaves a prefix',
  `of the pages converted (spec 10.8), so with either the pages are kept apart. Pages are renamed up to ${MAX_RENAMED_PAGES} pages;`,
  'past that only readers are.',
];

/** Whether renaming the range's pages is a symmetry of the model in this configuration (see above). */
export function pagesInterchangeable(config: Pick<CocoConfig, 'granularity' | 'hostFailures'>): boolean {
  return config.granularity === 'range' && !config.hostFailures;
}
