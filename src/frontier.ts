/**
 * A BFS level: the packed states of one depth, in the order they were first reached, appended
 * to one growable buffer and cut into batches for expansion. The two frontiers of a search take
 * turns and keep their buffers.
 *
 * A search whose pool's threads read a level where it is keeps its frontiers in shared memory: a
 * copy of each level into shared memory took 123 ms in all of Flip(32), and 823 ms of a check of
 * 7.2 million states (178 ms for its largest level), most of it the first touch of fresh pages,
 * in the thread all others wait for at a level's start. A search in one thread keeps them in ordinary
 * memory, which V8 counts, and so collects sooner the garbage a grown seen-set table leaves:
 * Flip(32) on one worker peaked at 423 MiB with its frontiers in shared memory, 361 without.
 */
import type { PackedStates } from './parallel/messages.js';

/** The longest state `push` copies byte by byte. */
const SHORT_STATE = 32;

export class Frontier {
  private bytes: Uint8Array;
  private ends: Uint32Array;
  private used = 0;
  count = 0;

  /** @param shared whether the states are kept in shared memory, for threads to read where they are */
  constructor(private readonly shared = false) {
    // Small to start with: the sweep runs thousands of checks of a few dozen states each.
    this.bytes = this.newBytes(1 << 10);
    this.ends = this.newEnds(1 << 6);
  }

  private newBytes(length: number): Uint8Array {
    return new Uint8Array(this.shared ? new SharedArrayBuffer(length) : new ArrayBuffer(length));
  }

  private newEnds(length: number): Uint32Array {
    return new Uint32Array(this.shared ? new SharedArrayBuffer(4 * length) : new ArrayBuffer(4 * length));
  }

  /** Appends bytes[start, end) as the next state. */
  push(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const grown = this.newBytes(Math.max(this.bytes.length * 2, this.used + length));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = this.newEnds(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    // A short state is copied by a loop: the view set() needs cost more than the copy, and this
    // runs for every new state in the thread every batch's result waits for (measured per push:
    // 22 ns against 94 for 5 bytes, even at 32; set() is twice as fast at 200).
    if (length <= SHORT_STATE) {
      const { bytes } = this;
      for (let i = start, at = this.used; i < end; i++, at++) bytes[at] = source[i]!;
    } else {
      this.bytes.set(source.subarray(start, end), this.used);
    }
    this.used += length;
    this.ends[this.count++] = this.used;
  }

  /** States [from, to), as views valid until the frontier changes. */
  slice(from: number, to: number): PackedStates {
    return { bytes: this.bytes, ends: this.ends.subarray(from, to), start: from === 0 ? 0 : this.ends[from - 1]! };
  }

  /** The packed states and where each ends, as views (valid until the next push): a checkpoint writes them. */
  contents(): { bytes: Uint8Array; ends: Uint32Array } {
    return { bytes: this.bytes.subarray(0, this.used), ends: this.ends.subarray(0, this.count) };
  }

  /**
   * A frontier holding a copy of `bytes`, whose states end at `ends` (as `contents` gives them), in
   * shared memory: a search on any number of threads may go on from it.
   */
  static restore(bytes: Uint8Array, ends: Uint32Array): Frontier {
    const frontier = new Frontier(true);
    if (bytes.length > frontier.bytes.length) frontier.bytes = frontier.newBytes(bytes.length);
    if (ends.length > frontier.ends.length) frontier.ends = frontier.newEnds(ends.length);
    frontier.bytes.set(bytes);
    frontier.ends.set(ends);
    frontier.used = bytes.length;
    frontier.count = ends.length;
    return frontier;
  }

  /** Forgets every state, keeping the buffers for the next level. */
  clear(): void {
    this.used = 0;
    this.count = 0;
  }
}
