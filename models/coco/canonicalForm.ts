/**
 * The canonical form `--symmetry` stores: a rewrite of the codec's packed bytes
 * (models/coco/codec.ts) into one chosen state of the state's class, the same for every state of
 * the class. Which renamings make the class is symmetry.ts's business; this file only picks a
 * representative, cheaply, as it runs on every successor of a symmetric search.
 *
 * Readers alone: the least encoding over reader permutations is the state with its readers' blocks
 * sorted (the blocks are contiguous and of equal length).
 *
 * Pages and readers: the representative is the least encoding among the states of the class whose
 * pages are in the order of their signatures. A page's signature is its own bytes (PTE, alias,
 * CPU 0's two TLB entries, the host's bytes) and the multiset of the readers' pairs of TLB entries
 * for it: renaming readers leaves every signature as it is, and renaming pages carries each
 * signature along with its page. So whether a state's signatures are in order is the same for a
 * state and its renamed readers, and the states of a class with their signatures in order form a
 * set that depends on the class alone, not on the state it is reached from; the least of that set
 * is therefore the same for every state of the class, and is one of them. It is not in general the
 * least encoding of the whole class, which a canonical form need not be.
 *
 * That set is cheap to search: pages whose signatures differ have one order, so only pages with
 * equal signatures are tried in each order, and not even those when they are alike in every byte
 * (renaming them changes nothing). Few states have such ties (3 in 100 successors in a search of
 * tdx pages 3 readers 3), and without them the form is one sort of at most 4 pages and one of the
 * readers, by a number per block rather than byte by byte. Nothing is allocated per call.
 */
import type { CocoConfig } from './config.js';
import { MAX_RENAMED_PAGES, pagesInterchangeable } from './symmetry.js';

/**
 * Where the codec puts each per-page and per-CPU byte: per page its PTE and alias; per CPU its TLB
 * row then its alias TLB row (CPU 0's first); per page the host's view and (without cache
 * coherency) its lines; then the rest, which no renaming moves.
 */
interface Layout {
  pages: number;
  readers: number;
  /** Bytes of one CPU's block (its two TLB rows). */
  block: number;
  /** Where CPU 0's block starts. */
  cpu0At: number;
  /** Where CPU 1's block starts. */
  readersAt: number;
  /** Where the host's per-page bytes start, and how many each page has. */
  hostAt: number;
  hostWidth: number;
  /** Where the bytes that no renaming moves start. */
  movedEnd: number;
}

function layoutOf(config: CocoConfig): Layout {
  const { pages, readers } = config;
  const block = 2 * pages;
  const cpu0At = 2 * pages;
  const readersAt = cpu0At + block;
  const hostAt = readersAt + readers * block;
  const hostWidth = config.coherentCache ? 1 : 2;
  return { pages, readers, block, cpu0At, readersAt, hostAt, hostWidth, movedEnd: hostAt + hostWidth * pages };
}

/**
 * A TLB byte is an entry's code, 0 to 2 (the codec's ENTRY), so a block read as a number in base 3
 * orders blocks as their bytes do; a block has at most 32 bytes (16 pages) and 3^32 < 2^53, so the
 * number is exact.
 */
const ENTRY_CODES = 3;

/** Every permutation of 0..n-1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((rest) => Array.from({ length: n }, (_, k) => [...rest.slice(0, k), n - 1, ...rest.slice(k)]));
}

/** Sorts `order[0, count)` by `keys[order[i]]`, ascending (insertion sort: a few readers or pages); whether it moved any. */
function sortByKey(order: Uint8Array, keys: Float64Array, count: number): boolean {
  let moved = false;
  for (let i = 1; i < count; i++) {
    const item = order[i]!;
    const key = keys[item]!;
    let j = i;
    for (; j > 0 && key < keys[order[j - 1]!]!; j--) order[j] = order[j - 1]!;
    if (j !== i) {
      order[j] = item;
      moved = true;
    }
  }
  return moved;
}

/**
 * Writes the state in `from` (its moved bytes from offset 0) with its pages in the order `pages`
 * (new page i is old page `pages[i]`) and its readers sorted into `to` from `at`.
 */
function renamer(layout: Layout): (from: Uint8Array, pages: Uint8Array, to: Uint8Array, at: number) => void {
  const { pages: count, readers, block, cpu0At, readersAt, hostAt, hostWidth } = layout;
  const keys = new Float64Array(readers);
  const order = new Uint8Array(readers);
  return (from, pages, to, at) => {
    for (let i = 0; i < count; i++) {
      const p = pages[i]!;
      to[at + 2 * i] = from[2 * p]!;
      to[at + 2 * i + 1] = from[2 * p + 1]!;
      to[at + cpu0At + i] = from[cpu0At + p]!;
      to[at + cpu0At + count + i] = from[cpu0At + count + p]!;
      for (let w = 0; w < hostWidth; w++) to[at + hostAt + hostWidth * i + w] = from[hostAt + hostWidth * p + w]!;
    }
    for (let r = 0; r < readers; r++) {
      const row = readersAt + r * block;
      let key = 0;
      for (let i = 0; i < count; i++) key = key * ENTRY_CODES + from[row + pages[i]!]!;
      for (let i = 0; i < count; i++) key = key * ENTRY_CODES + from[row + count + pages[i]!]!;
      keys[r] = key;
      order[r] = r;
    }
    sortByKey(order, keys, readers);
    for (let k = 0; k < readers; k++) {
      const row = readersAt + order[k]! * block;
      const out = at + readersAt + k * block;
      for (let i = 0; i < count; i++) {
        to[out + i] = from[row + pages[i]!]!;
        to[out + count + i] = from[row + count + pages[i]!]!;
      }
    }
  };
}

/** Puts the readers' blocks of the state at `start` in the order of `keys` (reader r's block as a number), in place. */
function readerPlacer(layout: Layout): (bytes: Uint8Array, start: number, keys: Float64Array) => void {
  const { readers, block, readersAt } = layout;
  const order = new Uint8Array(readers);
  const copy = new Uint8Array(readers * block);
  return (bytes, start, keys) => {
    for (let r = 0; r < readers; r++) order[r] = r;
    if (!sortByKey(order, keys, readers)) return;
    const at = start + readersAt;
    for (let k = 0; k < copy.length; k++) copy[k] = bytes[at + k]!;
    for (let k = 0; k < readers; k++) {
      const row = order[k]! * block;
      for (let b = 0; b < block; b++) bytes[at + k * block + b] = copy[row + b]!;
    }
  };
}

/** Sorts the readers' blocks of the state at `start` in place: the least encoding over reader permutations. */
function readerSorter(layout: Layout): (bytes: Uint8Array, start: number) => void {
  const { readers, block, readersAt } = layout;
  const keys = new Float64Array(readers);
  const place = readerPlacer(layout);
  return (bytes, start) => {
    for (let r = 0; r < readers; r++) {
      let key = 0;
      for (let k = start + readersAt + r * block, end = k + block; k < end; k++) key = key * ENTRY_CODES + bytes[k]!;
      keys[r] = key;
    }
    place(bytes, start, keys);
  };
}

/** Compares `length` bytes of a from 0 with b from `at`: negative, zero or positive. */
function compare(a: Uint8Array, b: Uint8Array, at: number, length: number): number {
  for (let k = 0; k < length; k++) {
    const d = a[k]! - b[at + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** The representative over page and reader renamings (see the top of the file), in place. */
function pageAndReaderCanonicaliser(layout: Layout): (bytes: Uint8Array, start: number) => void {
  const { pages, readers, block, cpu0At, readersAt, hostAt, hostWidth, movedEnd } = layout;
  const placeReaders = readerPlacer(layout);
  const rename = renamer(layout);
  // A page's signature as one number: its own bytes in base 16 (every code of the CoCo layout is
  // below 16), then the multiset of its readers' pairs of TLB entries, where each pair counts
  // (readers + 1)^pair: a sum that no order of the readers changes. The number need not tell
  // every signature apart (past 8 readers it may be rounded): pages it does not tell apart are only
  // tried in more orders, so the form stays exact whatever it merges.
  const weights = Float64Array.from({ length: ENTRY_CODES * ENTRY_CODES }, (_, pair) => (readers + 1) ** pair);
  const readerSpan = (readers + 1) ** (ENTRY_CODES * ENTRY_CODES);
  const signatures = new Float64Array(pages);
  const multisets = new Float64Array(pages);
  const readerKeys = new Float64Array(readers);
  const order = new Uint8Array(pages);
  /** Per position of `order`: the first position of its run of equal signatures, or -1 if renaming that run changes nothing. */
  const tieOf = new Int8Array(pages);
  const arrangements = permutations(pages).map((perm) => Uint8Array.from(perm));
  const arranged = new Uint8Array(pages);
  const original = new Uint8Array(movedEnd);
  let best = new Uint8Array(movedEnd);
  let candidate = new Uint8Array(movedEnd);

  /** Whether pages a and b have the same bytes everywhere: renaming one into the other changes nothing. */
  const alike = (bytes: Uint8Array, start: number, a: number, b: number): boolean => {
    if (bytes[start + 2 * a] !== bytes[start + 2 * b] || bytes[start + 2 * a + 1] !== bytes[start + 2 * b + 1]) return false;
    for (let w = 0; w < hostWidth; w++) if (bytes[start + hostAt + hostWidth * a + w] !== bytes[start + hostAt + hostWidth * b + w]) return false;
    for (let c = 0; c <= readers; c++) {
      const row = start + cpu0At + c * block;
      if (bytes[row + a] !== bytes[row + b] || bytes[row + pages + a] !== bytes[row + pages + b]) return false;
    }
    return true;
  };

  /** Marks the runs of equal signatures in `order`; whether any run is worth renaming. */
  const markTies = (bytes: Uint8Array, start: number): boolean => {
    let worth = false;
    for (let i = 0; i < pages; i++) tieOf[i] = i > 0 && signatures[order[i - 1]!] === signatures[order[i]!] ? tieOf[i - 1]! : i;
    // A run all of whose pages are alike has one arrangement only: mark it -1.
    for (let i = 0; i < pages; i++) {
      if (tieOf[i] !== i) continue;
      let end = i + 1;
      while (end < pages && tieOf[end] === i) end++;
      if (end === i + 1) continue;
      let same = true;
      for (let k = i + 1; k < end && same; k++) same = alike(bytes, start, order[i]!, order[k]!);
      for (let k = i; k < end; k++) tieOf[k] = same ? -1 : i;
      if (!same) worth = true;
    }
    return worth;
  };

  /** Whether `perm` keeps every position in its run of equal signatures, and fixes the runs not worth renaming. */
  const withinTies = (perm: Uint8Array): boolean => {
    for (let i = 0; i < pages; i++) {
      const j = perm[i]!;
      if (j === i) continue;
      if (tieOf[i]! < 0 || tieOf[j] !== tieOf[i]) return false;
    }
    return true;
  };

  return (bytes, start) => {
    for (let p = 0; p < pages; p++) {
      let own = ((bytes[start + 2 * p]! * 16 + bytes[start + 2 * p + 1]!) * 16 + bytes[start + cpu0At + p]!) * 16 + bytes[start + cpu0At + pages + p]!;
      for (let w = 0; w < hostWidth; w++) own = own * 16 + bytes[start + hostAt + hostWidth * p + w]!;
      signatures[p] = own * readerSpan;
      multisets[p] = 0;
      order[p] = p;
    }
    // One pass over the readers' rows gives both the pages' multisets and the readers' keys as
    // they stand, which are all that a state already in page order needs.
    for (let r = 0; r < readers; r++) {
      const row = start + readersAt + r * block;
      let key = 0;
      for (let p = 0; p < pages; p++) key = key * ENTRY_CODES + bytes[row + p]!;
      for (let p = 0; p < pages; p++) {
        const alias = bytes[row + pages + p]!;
        key = key * ENTRY_CODES + alias;
        multisets[p] = multisets[p]! + weights[bytes[row + p]! * ENTRY_CODES + alias]!;
      }
      readerKeys[r] = key;
    }
    // Added once the multiset is whole: added reader by reader, a rounded sum would depend on
    // the readers' order.
    for (let p = 0; p < pages; p++) signatures[p] = signatures[p]! + multisets[p]!;
    const moved = sortByKey(order, signatures, pages);
    const ties = markTies(bytes, start);
    if (!moved && !ties) return placeReaders(bytes, start, readerKeys);
    for (let k = 0; k < movedEnd; k++) original[k] = bytes[start + k]!;
    if (!ties) return rename(original, order, bytes, start);
    let found = false;
    for (const perm of arrangements) {
      if (!withinTies(perm)) continue;
      for (let i = 0; i < pages; i++) arranged[i] = order[perm[i]!]!;
      rename(original, arranged, candidate, 0);
      if (found && compare(candidate, best, 0, movedEnd) >= 0) continue;
      const previous = best;
      best = candidate;
      candidate = previous;
      found = true;
    }
    for (let k = 0; k < movedEnd; k++) bytes[start + k] = best[k]!;
  };
}

/**
 * The codec's `canonicalBytes`: rewrites an encoded state to its class's representative, renaming
 * readers always and pages where they are a symmetry, up to MAX_RENAMED_PAGES pages.
 */
export function cocoCanonicalBytes(config: CocoConfig): (bytes: Uint8Array, start: number, end: number) => void {
  const layout = layoutOf(config);
  const pagesRenamed = pagesInterchangeable(config) && config.pages > 1 && config.pages <= MAX_RENAMED_PAGES;
  return pagesRenamed ? pageAndReaderCanonicaliser(layout) : readerSorter(layout);
}
