/**
 * A BFS level: the packed states of one depth, in the order they were first reached, appended
 * to one growable buffer and cut into batches for expansion. The buffers are in shared memory, so
 * that the threads of a pool read a level's states where they are: a copy of each level into
 * shared memory took 123 ms in all of Flip(32) and 823 ms of CoCo pages 3 readers 2 (178 ms for
 * its largest level), most of it the first touch of fresh pages, in the thread all others wait
 * for at a level's start. The two frontiers of a search take turns and keep their buffers.
 */
import type { SharedPackedStates } from './parallel/messages.js';

/** The longest state `push` copies byte by byte. */
const SHORT_STATE = 32;

const sharedBytes = (length: number): Uint8Array<SharedArrayBuffer> => new Uint8Array(new SharedArrayBuffer(length));
const sharedWords = (length: number): Uint32Array<SharedArrayBuffer> => new Uint32Array(new SharedArrayBuffer(4 * length));

export class Frontier {
  // Small to start with: the sweep runs thousands of checks of a few dozen states each.
  private bytes = sharedBytes(1 << 10);
  private ends = sharedWords(1 << 6);
  private used = 0;
  count = 0;

  /** Appends bytes[start, end) as the next state. */
  push(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const grown = sharedBytes(Math.max(this.bytes.length * 2, this.used + length));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = sharedWords(this.ends.length * 2);
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
  slice(from: number, to: number): SharedPackedStates {
    return { bytes: this.bytes, ends: this.ends.subarray(from, to), start: from === 0 ? 0 : this.ends[from - 1]! };
  }

  /** The packed states and where each ends, as views (valid until the next push): a checkpoint writes them. */
  contents(): { bytes: Uint8Array; ends: Uint32Array } {
    return { bytes: this.bytes.subarray(0, this.used), ends: this.ends.subarray(0, this.count) };
  }

  /** A frontier holding a copy of `bytes`, whose states end at `ends` (as `contents` gives them). */
  static restore(bytes: Uint8Array, ends: Uint32Array): Frontier {
    const frontier = new Frontier();
    if (bytes.length > frontier.bytes.length) frontier.bytes = sharedBytes(bytes.length);
    if (ends.length > frontier.ends.length) frontier.ends = sharedWords(ends.length);
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
