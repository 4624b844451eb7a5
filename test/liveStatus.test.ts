/** The live status's layout: words that different threads store into never share a cache line. */
import { describe, expect, it } from 'vitest';
import { LiveStatus, STOP_WORD, Where, whereCode } from '../src/parallel/liveStatus.js';

/** Bytes of a cache line pair, the unit a core fetches. */
const LINE = 128;

describe('the live status', () => {
  it('puts the stop flag, each thread\'s where word and the counters on lines of their own', () => {
    // Three workers: the search thread and a pool of two.
    const live = LiveStatus.create(3);
    const words = [STOP_WORD, live.searchWord, live.claimWord(), live.claimWord()];
    // The two pool threads took a word each; a third claim (a thread that replaced a dead one) shares the last.
    expect(live.claimWord()).toBe(words[3]);
    const lines = words.map((word) => Math.floor((word * 4) / LINE));
    expect(new Set(lines).size).toBe(4);
    const countersLine = Math.floor(live.words.byteLength / LINE);
    expect(live.words.byteLength % LINE).toBe(0);
    expect(lines.every((line) => line < countersLine)).toBe(true);
  });

  it('reads back what each thread says it runs, and the counters', () => {
    const live = LiveStatus.create(3);
    const pool = [live.claimWord(), live.claimWord()];
    live.words[pool[1]!] = whereCode(Where.guard, 3);
    live.set('distinct', 12);
    expect(live.whereAll()).toEqual([whereCode(Where.idle), whereCode(Where.idle), whereCode(Where.guard, 3)]);
    expect(live.get('distinct')).toBe(12);
    // The pool's two threads took part in a shared level; the search thread counts once it does too.
    expect(live.workersUsed()).toBe(2);
    live.searchTookPart();
    live.searchTookPart();
    expect(live.workersUsed()).toBe(3);
  });
});
