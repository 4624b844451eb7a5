/**
 * The seen-set: every distinct state's 64-bit fingerprint, with the parent link that rebuilds its
 * trace. States are numbered densely in the order they were first seen. Per state it keeps the
 * fingerprint (8 bytes), the parent's number (4) and the action index (2) in pages of 64K states
 * (so growing copies nothing and wastes at most a page); the index is a `FingerprintTable` in
 * shared memory (16 bytes a slot at a load between 0.375 and 0.75), which the threads expanding a
 * level claim their successors in: 35 to 62 bytes a state. The index costs more than a one-thread
 * table would (it held 4-byte state numbers, 19 to 24 bytes a state in all) for what sharing it
 * gives: no thread merges every successor alone.
 */
import { FingerprintTable } from './fingerprintTable.js';

/** The parent of an initial state. */
export const NO_PARENT = 0xffffffff;
/** Stored when an action index does not fit in 16 bits: replay then finds the action by fingerprint. */
export const ACTION_BY_FINGERPRINT = 0xffff;

const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const IN_PAGE = PAGE - 1;
/** A state's bytes in the pages: its fingerprint's two words, its parent's number and its action. */
const STATE_BYTES = 4 + 4 + 4 + 2;

export class SeenSet {
  /** Fingerprint -> state number, or the claim of a state being reached (see `FingerprintTable`). */
  table: FingerprintTable;
  private readonly fpHi: Uint32Array[] = [];
  private readonly fpLo: Uint32Array[] = [];
  private readonly parents: Uint32Array[] = [];
  private readonly actions: Uint16Array[] = [];
  /** The states the pages have room for: `bytes` is asked after every batch, and there may be hundreds of pages. */
  private slots = 0;
  size = 0;

  constructor(capacity = 1 << 8) {
    this.table = FingerprintTable.create(capacity);
  }

  /**
   * Inserts a fingerprint, in the one thread that uses the seen-set; returns the new state's
   * number, or ~number of the state already there (negative).
   */
  insert(hi: number, lo: number, parent: number, action: number): number {
    this.makeRoom(1);
    const known = this.table.insert(hi, lo, this.size);
    return known >= 0 ? ~known : this.append(hi, lo, parent, action);
  }

  has(hi: number, lo: number): boolean {
    return this.table.claimOf(hi, lo) !== undefined;
  }

  /** The capacity the table must grow to for `more` entries to fit, or undefined when they fit. */
  growthFor(more: number): number | undefined {
    return this.table.hasRoomFor(more) ? undefined : FingerprintTable.capacityFor(this.table.size + more);
  }

  /**
   * Grows the table, when no other thread uses it, so that `more` entries fit: into `buffer` if
   * given (from `FingerprintTable.allocate` of `growthFor(more)`).
   */
  makeRoom(more: number, buffer?: SharedArrayBuffer): void {
    const capacity = this.growthFor(more);
    if (capacity !== undefined) this.table = this.table.grownTo(capacity, buffer);
  }

  /**
   * Numbers a state whose fingerprint its expander put in the table already: the next number,
   * with its parent link.
   */
  append(hi: number, lo: number, parent: number, action: number): number {
    const { fpHi } = this;
    const id = this.size++;
    const page = id >>> PAGE_BITS;
    if (page === fpHi.length || (id & IN_PAGE) === fpHi[page]!.length) this.growPages(page);
    fpHi[page]![id & IN_PAGE] = hi;
    this.fpLo[page]![id & IN_PAGE] = lo;
    this.parents[page]![id & IN_PAGE] = parent;
    this.actions[page]![id & IN_PAGE] = action < ACTION_BY_FINGERPRINT ? action : ACTION_BY_FINGERPRINT;
    return id;
  }

  parentOf(id: number): number {
    return this.parents[id >>> PAGE_BITS]![id & IN_PAGE]!;
  }

  actionOf(id: number): number {
    return this.actions[id >>> PAGE_BITS]![id & IN_PAGE]!;
  }

  fingerprintOf(id: number): { hi: number; lo: number } {
    return { hi: this.fpHi[id >>> PAGE_BITS]![id & IN_PAGE]!, lo: this.fpLo[id >>> PAGE_BITS]![id & IN_PAGE]! };
  }

  /**
   * The stored columns, page by page and trimmed to the states held: fingerprints' high and low
   * words, parents and actions, as views (valid until the next insert). A checkpoint writes them.
   */
  *pages(): Generator<{ fpHi: Uint32Array; fpLo: Uint32Array; parents: Uint32Array; actions: Uint16Array }> {
    for (let page = 0; page * PAGE < this.size; page++) {
      const length = Math.min(PAGE, this.size - page * PAGE);
      yield {
        fpHi: this.fpHi[page]!.subarray(0, length),
        fpLo: this.fpLo[page]!.subarray(0, length),
        parents: this.parents[page]!.subarray(0, length),
        actions: this.actions[page]!.subarray(0, length),
      };
    }
  }

  /**
   * A seen-set holding these columns (as `pages` gives them, joined), numbered as they were; the
   * table is rebuilt. Undefined if a fingerprint repeats, which no seen-set ever held.
   */
  static restore(fpHi: Uint32Array, fpLo: Uint32Array, parents: Uint32Array, actions: Uint16Array): SeenSet | undefined {
    const seen = new SeenSet(FingerprintTable.capacityFor(fpHi.length + 1));
    for (let id = 0; id < fpHi.length; id++) {
      if (seen.insert(fpHi[id]!, fpLo[id]!, parents[id]!, actions[id]!) < 0) return undefined;
    }
    return seen;
  }

  /** Bytes held, for the bytes-per-state figure. */
  get bytes(): number {
    return this.table.bytes + this.slots * STATE_BYTES;
  }

  /**
   * Makes room in `page`: the first page starts small and doubles up to a whole page, so the
   * sweep's thousands of small checks stay small; later pages are whole from the start.
   */
  private growPages(page: number): void {
    const size = page === this.fpHi.length ? (page === 0 ? 1 << 8 : PAGE) : this.fpHi[page]!.length * 2;
    this.slots += size - (this.fpHi[page]?.length ?? 0);
    const grow = <T extends Uint32Array | Uint16Array>(pages: T[], make: (n: number) => T): void => {
      const next = make(size);
      if (pages[page]) next.set(pages[page]);
      pages[page] = next;
    };
    grow(this.fpHi, (n) => new Uint32Array(n));
    grow(this.fpLo, (n) => new Uint32Array(n));
    grow(this.parents, (n) => new Uint32Array(n));
    grow(this.actions, (n) => new Uint16Array(n));
  }
}
