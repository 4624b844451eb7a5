/**
 * The symmetry `--symmetry` reduces by, as an exact canonical form on the codec's packed bytes.
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
 * The most pages whose renamings are all tried per state (4! = 24); past it only readers are
 * renamed. The codec is built for every check, with or without `--symmetry`, and 16 pages would
 * mean 16! renamings.
 */
export const MAX_RENAMED_PAGES = 4;

/** What `cocomc list coco` says of `--symmetry`: the rule `pagesInterchangeable` applies. */
export const SYMMETRY_NOTE = [
  '--symmetry: reader CPUs 1..readers are always interchangeable (CPU 0, converting and owning, is never renamed);',
  'pages are renamed too with --granularity range (the default) and without --host-failures, where every step acts',
  'on the whole range at once; --granularity page converts pages in page order [A7] and a host failure leaves a prefix',
  `of the pages converted (spec 10.8), so with either the pages are kept apart. Pages are renamed up to ${MAX_RENAMED_PAGES} pages`,
  `(${MAX_RENAMED_PAGES}! renamings tried per state); past that only readers are.`,
];

/** Whether renaming the range's pages is a symmetry of the model in this configuration (see above). */
export function pagesInterchangeable(config: Pick<CocoConfig, 'granularity' | 'hostFailures'>): boolean {
  return config.granularity === 'range' && !config.hostFailures;
}

/** Every permutation of 0..n-1, the identity first. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  // n - 1 goes last first, so that the identity stays first.
  return permutations(n - 1).flatMap((rest) => Array.from({ length: n }, (_, k) => [...rest.slice(0, n - 1 - k), n - 1, ...rest.slice(n - 1 - k)]));
}

/**
 * Where the codec puts each per-page and per-CPU byte (models/coco/codec.ts): per page its PTE and
 * alias; per CPU its TLB row then its alias TLB row; per page the host's view and (without cache
 * coherency) its lines; then the rest, which no permutation moves.
 */
interface Layout {
  pages: number;
  readers: number;
  /** Bytes of one CPU's block (its two TLB rows). */
  block: number;
  /** Where CPU 1's block starts. */
  readersAt: number;
  /** Where the host's per-page bytes start, and how many each page has. */
  hostAt: number;
  hostWidth: number;
  /** Where the bytes that no permutation moves start. */
  movedEnd: number;
}

function layoutOf(config: CocoConfig): Layout {
  const { pages, readers } = config;
  const block = 2 * pages;
  const readersAt = 2 * pages + block;
  const hostAt = readersAt + readers * block;
  const hostWidth = config.coherentCache ? 1 : 2;
  return { pages, readers, block, readersAt, hostAt, hostWidth, movedEnd: hostAt + hostWidth * pages };
}

/** For a page permutation (new page i is old page `perm[i]`): where each of the first `movedEnd` bytes comes from. */
function sourcesOf(layout: Layout, perm: readonly number[]): Uint16Array {
  const { pages, readers, block, hostAt, hostWidth, movedEnd } = layout;
  const from = new Uint16Array(movedEnd);
  for (let i = 0; i < pages; i++) {
    const p = perm[i]!;
    from[2 * i] = 2 * p;
    from[2 * i + 1] = 2 * p + 1;
    for (let c = 0; c <= readers; c++) {
      const at = 2 * pages + c * block;
      from[at + i] = at + p;
      from[at + pages + i] = at + pages + p;
    }
    for (let w = 0; w < hostWidth; w++) from[hostAt + hostWidth * i + w] = hostAt + hostWidth * p + w;
  }
  return from;
}

/** Compares `length` bytes of a at `i` with b at `j`: negative, zero or positive. */
function compare(a: Uint8Array, i: number, b: Uint8Array, j: number, length: number): number {
  for (let k = 0; k < length; k++) {
    const d = a[i + k]! - b[j + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Sorts the `count` blocks of `size` bytes from `at` in place, by their bytes (insertion sort: a few readers). */
function sortBlocks(bytes: Uint8Array, at: number, count: number, size: number, swap: Uint8Array): void {
  for (let i = 1; i < count; i++) {
    for (let j = i; j > 0; j--) {
      const left = at + (j - 1) * size;
      const right = left + size;
      if (compare(bytes, left, bytes, right, size) <= 0) break;
      swap.set(bytes.subarray(left, right));
      bytes.copyWithin(left, right, right + size);
      bytes.set(swap, right);
    }
  }
}

/**
 * The codec's `canonicalBytes`: rewrites an encoded state to the least encoding (byte by byte) of
 * its class. Given a page permutation, sorting the readers' blocks is the least over reader
 * permutations (the blocks are contiguous and of equal length), so the least over the whole group
 * is the least, over page permutations, of the renamed state with its readers sorted: exact. A
 * candidate is dropped at its first byte above the best so far. Nothing is allocated per call.
 */
export function cocoCanonicalBytes(config: CocoConfig): (bytes: Uint8Array, start: number, end: number) => void {
  const layout = layoutOf(config);
  const { readers, block, readersAt, movedEnd } = layout;
  const swap = new Uint8Array(block);
  if (!pagesInterchangeable(config) || config.pages === 1 || config.pages > MAX_RENAMED_PAGES) {
    return (bytes, start) => sortBlocks(bytes, start + readersAt, readers, block, swap);
  }
  const sources = permutations(config.pages).slice(1).map((perm) => sourcesOf(layout, perm));
  const original = new Uint8Array(movedEnd);
  const candidate = new Uint8Array(movedEnd);
  return (bytes, start) => {
    original.set(bytes.subarray(start, start + movedEnd));
    // The identity's candidate, in place: the best so far.
    sortBlocks(bytes, start + readersAt, readers, block, swap);
    for (const from of sources) {
      // The renamed bytes before the readers, dropped at the first one above the best's.
      let order = 0;
      let k = 0;
      for (; k < readersAt; k++) {
        const b = original[from[k]!]!;
        candidate[k] = b;
        if (order === 0) {
          order = b - bytes[start + k]!;
          if (order > 0) break;
        }
      }
      if (order > 0) continue;
      for (; k < movedEnd; k++) candidate[k] = original[from[k]!]!;
      sortBlocks(candidate, readersAt, readers, block, swap);
      if (order === 0) order = compare(candidate, readersAt, bytes, start + readersAt, movedEnd - readersAt);
      if (order < 0) bytes.set(candidate, start);
    }
  };
}
