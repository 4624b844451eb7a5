/**
 * The seen-set: every distinct state's 64-bit fingerprint, with the parent link that rebuilds its
 * trace. States are numbered densely in the order they were first seen; per state it keeps the
 * fingerprint (8 bytes), the parent's number (4) and the action index (2), and the open-addressing
 * table holds one 4-byte number per slot at a load of at most 3/4: 19 to 25 bytes a state.
 */

/** The parent of an initial state. */
export const NO_PARENT = 0xffffffff;
/** Stored when an action index does not fit in 16 bits: replay then finds the action by fingerprint. */
export const ACTION_BY_FINGERPRINT = 0xffff;

const MAX_LOAD = 0.75;

export class SeenSet {
  /** Slot -> state number + 1; 0 is an empty slot. */
  private slots: Uint32Array;
  private mask: number;
  private fpHi: Uint32Array;
  private fpLo: Uint32Array;
  private parents: Uint32Array;
  private actions: Uint16Array;
  size = 0;

  constructor(capacity = 1 << 8) {
    this.slots = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.fpHi = new Uint32Array(capacity);
    this.fpLo = new Uint32Array(capacity);
    this.parents = new Uint32Array(capacity);
    this.actions = new Uint16Array(capacity);
  }

  /** Inserts a fingerprint; returns the new state's number, or ~number of the state already there (negative). */
  insert(hi: number, lo: number, parent: number, action: number): number {
    if (this.size + 1 > this.slots.length * MAX_LOAD) this.growSlots();
    const { slots, mask, fpHi, fpLo } = this;
    let slot = (lo ^ (hi >>> 11)) & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      if (fpLo[entry - 1] === lo && fpHi[entry - 1] === hi) return ~(entry - 1);
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (id === this.fpHi.length) this.growRecords();
    slots[slot] = id + 1;
    this.fpHi[id] = hi;
    this.fpLo[id] = lo;
    this.parents[id] = parent;
    this.actions[id] = action < ACTION_BY_FINGERPRINT ? action : ACTION_BY_FINGERPRINT;
    return id;
  }

  parentOf(id: number): number {
    return this.parents[id]!;
  }

  actionOf(id: number): number {
    return this.actions[id]!;
  }

  fingerprintOf(id: number): { hi: number; lo: number } {
    return { hi: this.fpHi[id]!, lo: this.fpLo[id]! };
  }

  /** Bytes held, for the bytes-per-state figure. */
  get bytes(): number {
    return this.slots.byteLength + this.fpHi.byteLength + this.fpLo.byteLength + this.parents.byteLength + this.actions.byteLength;
  }

  private growSlots(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = (this.fpLo[id]! ^ (this.fpHi[id]! >>> 11)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  private growRecords(): void {
    const capacity = Math.ceil(this.fpHi.length * 1.5);
    const grow = <T extends Uint32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.fpHi = grow(this.fpHi, (n) => new Uint32Array(n));
    this.fpLo = grow(this.fpLo, (n) => new Uint32Array(n));
    this.parents = grow(this.parents, (n) => new Uint32Array(n));
    this.actions = grow(this.actions, (n) => new Uint16Array(n));
  }
}
