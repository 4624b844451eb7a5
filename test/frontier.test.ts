/** A level's states: what is pushed is what is read back, short states and long, across growth. */
import { describe, expect, it } from 'vitest';
import { Frontier } from '../src/frontier.js';

/** A state of `length` bytes that no other state of the test shares. */
const stateOf = (length: number, seed: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 7) & 0xff);

describe('Frontier', () => {
  it('gives back every state pushed, in order, whatever its length', () => {
    // Lengths on both sides of the byte-by-byte copy, enough of them to grow both buffers.
    const states = Array.from({ length: 300 }, (_, k) => stateOf([0, 1, 5, 31, 32, 33, 64, 200][k % 8]!, k));
    const frontier = new Frontier();
    const source = new Uint8Array(4096);
    for (const [k, state] of states.entries()) {
      // Pushed from the middle of a larger buffer, as a batch's successors are.
      const at = (k * 13) % 3000;
      source.set(state, at);
      frontier.push(source, at, at + state.length);
    }
    expect(frontier.count).toBe(states.length);
    const { bytes, ends } = frontier.contents();
    const read = Array.from(ends, (end, k) => bytes.slice(k === 0 ? 0 : ends[k - 1]!, end));
    expect(read).toEqual(states);
    const { bytes: sliced, ends: slicedEnds, start } = frontier.slice(100, 102);
    expect([sliced.slice(start, slicedEnds[0]), sliced.slice(slicedEnds[0], slicedEnds[1])]).toEqual([states[100], states[101]]);
  });

  it('keeps its states in ordinary memory, or in shared memory when asked and when restored, for threads to read them where they are', () => {
    const plain = new Frontier();
    plain.push(stateOf(2000, 3), 0, 2000);
    expect([plain.slice(0, 1).bytes.buffer, plain.slice(0, 1).ends.buffer].map((buffer) => buffer instanceof SharedArrayBuffer)).toEqual([false, false]);
    const shared = new Frontier(true);
    shared.push(stateOf(2000, 3), 0, 2000);
    expect([shared.slice(0, 1).bytes.buffer, shared.slice(0, 1).ends.buffer].map((buffer) => buffer instanceof SharedArrayBuffer)).toEqual([true, true]);
    const frontier = Frontier.restore(Uint8Array.of(1, 2, 3, 4, 5), Uint32Array.of(2, 5));
    frontier.push(stateOf(2000, 3), 0, 2000);
    const { bytes, ends, start } = frontier.slice(1, 3);
    expect([bytes.buffer, ends.buffer].map((buffer) => buffer instanceof SharedArrayBuffer)).toEqual([true, true]);
    expect([start, Array.from(ends), bytes.slice(2, 5), bytes.slice(5, 2005)]).toEqual([2, [5, 2005], Uint8Array.of(3, 4, 5), stateOf(2000, 3)]);
  });

  it('starts again from nothing after clear, keeping no state of the last level', () => {
    const frontier = new Frontier();
    frontier.push(stateOf(40, 1), 0, 40);
    frontier.clear();
    frontier.push(stateOf(3, 2), 0, 3);
    const { bytes, ends } = frontier.contents();
    expect([frontier.count, Array.from(ends), bytes]).toEqual([1, [3], stateOf(3, 2)]);
  });
});
