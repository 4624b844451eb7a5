/**
 * The seen-set's index: an open-addressing hash table of 64-bit fingerprints in shared memory, into
 * which the threads that expand a level insert their successors themselves, at the same time.
 *
 * Which successor first reached a state decides its number and its parent, so it must not depend
 * on which thread got there first. Each entry therefore carries a claim: the least key, among the
 * (parent position, action) pairs that reached it in the current epoch, of the transitions that
 * made it. Keys grow in the order a one-thread search expands transitions, so the least key is the
 * one a one-thread search would have met first, whatever the threads' timing. An epoch is a level
 * or a run of its states (see `bfs.ts`): entries of earlier epochs were numbered already and are
 * never claimed again.
 *
 * A slot is four 32-bit words: its tag (empty, being written, or the epoch that made it), the
 * fingerprint's two halves, and the claim (or, for entries the search thread inserts alone, the
 * state's number). A writer takes an empty slot by compare-and-swap on the tag, fills it, then
 * publishes the tag; a reader that finds a slot being written waits the few instructions that takes.
 * The table never grows while threads share it: the search thread grows it when no batch is out,
 * between epochs or once the batches of one that found it full are done.
 */

/** What `claim` found. */
export const enum Claim {
  /** The fingerprint is new in the table: this transition made the entry. */
  made,
  /** The entry is of this epoch and this transition's key is its least so far (or equal: asked again). */
  held,
  /** The entry is of this epoch and a transition of a smaller key reached it too. */
  lost,
  /** The entry was made in an earlier epoch: the state is known. */
  known,
  /** The table is as full as it may get in this epoch: nothing was inserted. */
  full,
}

const EMPTY = 0;
const WRITING = 1;
/** The tag of entries the search thread inserts alone (`insert`); epochs' tags come after it. */
const KNOWN = 2;
export const FIRST_EPOCH = 3;
/** Claim keys are 32-bit: an epoch's states times the model's actions stay below this. */
export const MAX_KEY = 0xffffffff;

const WORDS = 4;
/** Slot 0's words hold the header: the number of entries, then the capacity. */
const HEADER = WORDS;
/** Claims stop making entries past this load: linear probing degrades beyond it. */
const MAX_LOAD = 0.75;

/** The slot a fingerprint's probe starts at: both halves count, so fingerprints that share one half spread. */
function home(hi: number, lo: number, mask: number): number {
  return (lo ^ (hi >>> 11)) & mask;
}

export class FingerprintTable {
  readonly words: Uint32Array;
  readonly capacity: number;
  private readonly mask: number;
  private readonly limit: number;
  /** What `touch` read last (see there). */
  touched = 0;

  /** A view of a table in `buffer` (made by `create`), in any thread. */
  constructor(readonly buffer: SharedArrayBuffer) {
    this.words = new Uint32Array(buffer);
    this.capacity = this.words[1]!;
    this.mask = this.capacity - 1;
    this.limit = Math.floor(this.capacity * MAX_LOAD);
  }

  /** A buffer, all zero, for a table of `capacity` slots (a power of two). */
  static allocate(capacity: number): SharedArrayBuffer {
    return new SharedArrayBuffer(FingerprintTable.bytesFor(capacity));
  }

  private static bytesFor(capacity: number): number {
    return HEADER * 4 + capacity * WORDS * 4;
  }

  /** An empty table of `capacity` slots (a power of two), in `buffer` (from `allocate(capacity)`) or a new one. */
  static create(capacity: number, buffer = FingerprintTable.allocate(capacity)): FingerprintTable {
    // A smaller buffer would drop the entries past its end without a word: typed arrays ignore such writes.
    if (buffer.byteLength !== FingerprintTable.bytesFor(capacity)) throw new RangeError(`a table of ${capacity} slots needs a buffer from allocate(${capacity})`);
    new Uint32Array(buffer)[1] = capacity;
    return new FingerprintTable(buffer);
  }

  get size(): number {
    return Atomics.load(this.words, 0);
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }

  /** Whether `more` entries fit within the load at which claims refuse to make entries. */
  hasRoomFor(more: number): boolean {
    return this.size + more <= this.limit;
  }

  /**
   * Records that a transition of key `key` reached the fingerprint in epoch `epoch`; safe while
   * other threads claim in the same table.
   */
  claim(hi: number, lo: number, epoch: number, key: number): Claim {
    const { words, mask } = this;
    for (let slot = home(hi, lo, mask); ; slot = (slot + 1) & mask) {
      const at = HEADER + slot * WORDS;
      // Plain reads where a stale value is safe, Atomics where it decides: a slot seen empty is
      // taken by compare-and-swap; a published tag is never written again, and the words before it
      // were stored before it was published; a claim only ever decreases, so one read stale is
      // above the current one: "lost" is still right, and a "held" that is not is refused by the
      // search, which reads the final claim (`claimOf`). Atomics.load on every probe cost a third
      // more per claim.
      let tag = words[at]!;
      if (tag === EMPTY) {
        if (Atomics.load(words, 0) >= this.limit) return Claim.full;
        tag = Atomics.compareExchange(words, at, EMPTY, WRITING);
        if (tag === EMPTY) {
          words[at + 1] = hi;
          words[at + 2] = lo;
          words[at + 3] = key;
          Atomics.add(words, 0, 1);
          Atomics.store(words, at, epoch);
          return Claim.made;
        }
      }
      while (tag === WRITING) tag = Atomics.load(words, at);
      if (words[at + 1] !== hi || words[at + 2] !== lo) continue;
      if (tag !== epoch) return Claim.known;
      for (;;) {
        const least = words[at + 3]!;
        if (key > least) return Claim.lost;
        if (key === least) return Claim.held;
        if (Atomics.compareExchange(words, at + 3, least, key) === least) return Claim.held;
      }
    }
  }

  /**
   * Reads the slot where each fingerprint's probe starts, all in one go: these loads do not wait
   * for one another, so the processor overlaps their cache misses, which one `claim` after another
   * cannot; the claims that follow then find their slots in the cache. What it read is kept only
   * so that the loads are not optimised away.
   */
  touch(his: Uint32Array, los: Uint32Array, count: number): void {
    const { words, mask } = this;
    let read = 0;
    for (let k = 0; k < count; k++) read |= words[HEADER + home(his[k]!, los[k]!, mask) * WORDS]!;
    this.touched = read;
  }

  /** The claim of the entry for this fingerprint (undefined if absent); once the epoch's transitions up to a key are all claimed, an entry whose claim is that key was first reached by it. */
  claimOf(hi: number, lo: number): number | undefined {
    const { words, mask } = this;
    for (let slot = home(hi, lo, mask); ; slot = (slot + 1) & mask) {
      const at = HEADER + slot * WORDS;
      if (words[at] === EMPTY) return undefined;
      if (words[at + 1] === hi && words[at + 2] === lo) return words[at + 3];
    }
  }

  /**
   * Inserts a fingerprint with `value` (the state's number) when no other thread uses the table:
   * returns -1 if it was new, else the value stored with it. The caller keeps the load below the
   * limit (`hasRoomFor`).
   */
  insert(hi: number, lo: number, value: number): number {
    const { words, mask } = this;
    for (let slot = home(hi, lo, mask); ; slot = (slot + 1) & mask) {
      const at = HEADER + slot * WORDS;
      if (words[at] === EMPTY) {
        words[at] = KNOWN;
        words[at + 1] = hi;
        words[at + 2] = lo;
        words[at + 3] = value;
        words[0]!++;
        return -1;
      }
      if (words[at + 1] === hi && words[at + 2] === lo) return words[at + 3]!;
    }
  }

  /**
   * A table of `capacity` slots holding every entry of this one, tags and values kept, in `buffer`
   * (from `allocate`) or a new one; only when no other thread uses either.
   */
  grownTo(capacity: number, buffer?: SharedArrayBuffer): FingerprintTable {
    const grown = FingerprintTable.create(capacity, buffer);
    const { words } = this;
    const to = grown.words;
    for (let slot = 0; slot < this.capacity; slot++) {
      const at = HEADER + slot * WORDS;
      if (words[at] === EMPTY) continue;
      let into = home(words[at + 1]!, words[at + 2]!, grown.mask);
      while (to[HEADER + into * WORDS] !== EMPTY) into = (into + 1) & grown.mask;
      const target = HEADER + into * WORDS;
      to[target] = words[at]!;
      to[target + 1] = words[at + 1]!;
      to[target + 2] = words[at + 2]!;
      to[target + 3] = words[at + 3]!;
    }
    to[0] = words[0]!;
    return grown;
  }

  /** The least power-of-two capacity at which `entries` entries stay within the load a table may reach. */
  static capacityFor(entries: number): number {
    let capacity = 1 << 8;
    while (entries > capacity * MAX_LOAD) capacity *= 2;
    return capacity;
  }
}
