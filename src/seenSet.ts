/**
 * The seen-set: every distinct state's 64-bit fingerprint, with the parent link that rebuilds its
 * trace. States are numbered densely in the order they were first seen. Per state it keeps the
 * fingerprint (8 bytes), the parent's number (4) and the action index (2) in pages of 64K states
 * (so growing copies nothing and wastes at most a page), and the open-addressing table holds one
 * 4-byte number per slot at a load between 0.4 and 0.8: 19 to 24 bytes a state.
 */

/** The parent of an initial state. */
export const NO_PARENT = 0xffffffff;
/** Stored when an action index does not fit in 16 bits: replay then finds the action by fingerprint. */
export const ACTION_BY_FINGERPRINT = 0xffff;

const MAX_LOAD = 0.8;
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const IN_PAGE = PAGE - 1;

export class SeenSet {
  /** Slot -> state number + 1; 0 is an empty slot. */
  private slots: Uint32Array;
  private mask: number;
  private readonly fpHi: Uint32Array[] = [];
  private readonly fpLo: Uint32Array[] = [];
  private readonly parents: Uint32Array[] = [];
  private readonly actions: Uint16Array[] = [];
  size = 0;

  constructor(capacity = 1 << 8) {
    this.slots = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Inserts a fingerprint; returns the new state's number, or ~number of the state already there (negative). */
  insert(hi: number, lo: number, parent: number, action: number): number {
    if (this.size + 1 > this.slots.length * MAX_LOAD) this.growSlots();
    const { slots, mask, fpHi, fpLo } = this;
    let slot = (lo ^ (hi >>> 11)) & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (fpLo[id >>> PAGE_BITS]![id & IN_PAGE] === lo && fpHi[id >>> PAGE_BITS]![id & IN_PAGE] === hi) return ~id;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    const page = id >>> PAGE_BITS;
    if (page === fpHi.length || (id & IN_PAGE) === fpHi[page]!.length) this.growPages(page);
    slots[slot] = id + 1;
    fpHi[page]![id & IN_PAGE] = hi;
    fpLo[page]![id & IN_PAGE] = lo;
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
    let capacity = 1 << 8;
    while (fpHi.length + 1 > capacity * MAX_LOAD) capacity *= 2;
    const seen = new SeenSet(capacity);
    for (let id = 0; id < fpHi.length; id++) {
      if (seen.insert(fpHi[id]!, fpLo[id]!, parents[id]!, actions[id]!) < 0) return undefined;
    }
    return seen;
  }

  /** Bytes held, for the bytes-per-state figure. */
  get bytes(): number {
    const pages = [this.fpHi, this.fpLo, this.parents, this.actions].flat();
    return this.slots.byteLength + pages.reduce((sum, page) => sum + page.byteLength, 0);
  }

  /**
   * Makes room in `page`: the first page starts small and doubles up to a whole page, so the
   * sweep's thousands of small checks stay small; later pages are whole from the start.
   */
  private growPages(page: number): void {
    const size = page === this.fpHi.length ? (page === 0 ? 1 << 8 : PAGE) : this.fpHi[page]!.length * 2;
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

  private growSlots(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = (this.fpLo[id >>> PAGE_BITS]![id & IN_PAGE]! ^ (this.fpHi[id >>> PAGE_BITS]![id & IN_PAGE]! >>> 11)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
