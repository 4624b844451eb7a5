/** The sweep's analysis, on synthetic results where the answer is known by construction. */
import { describe, expect, it } from 'vitest';
import { forcedPairs, reducedEdges, respects } from '../src/sweep/partialOrder.js';
import { allSequences, kendallDistance } from '../src/sweep/sequences.js';
import { analyse, edgeBreaker, firstFailing, type SequenceResult } from '../src/sweep/sweep.js';

describe('sequences', () => {
  it('are every permutation of every subset: 13,700 of seven steps, shortest first, the base first of its length', () => {
    const base = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const all = allSequences(base);
    expect(all).toHaveLength(13_700);
    expect(new Set(all.map((s) => s.join())).size).toBe(13_700);
    expect(all[0]).toEqual([]);
    expect(all.find((s) => s.length === 7)).toEqual(base);
    expect(allSequences(['x', 'y'])).toEqual([[], ['x'], ['y'], ['x', 'y'], ['y', 'x']]);
  });

  it('measure distance as the number of pairs in the other order', () => {
    expect(kendallDistance(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(kendallDistance(['c', 'b', 'a'], ['a', 'b', 'c'])).toBe(3);
    expect(kendallDistance(['b', 'a', 'c'], ['a', 'b', 'c'])).toBe(1);
  });
});

describe('the forced partial order', () => {
  // Safe exactly when a comes before b and b before c (a chain), whatever d does.
  const base = ['a', 'b', 'c', 'd'];
  const isSafe = (s: string[]): boolean => ['a', 'b', 'c'].every((x) => s.includes(x)) && s.indexOf('a') < s.indexOf('b') && s.indexOf('b') < s.indexOf('c');
  const results = allSequences(base).map((steps): SequenceResult =>
    isSafe(steps) ? { steps, verdict: 'safe', violated: [] } : { steps, verdict: 'unsafe', violated: [{ name: 'Chain', traceLength: steps.length }] });

  it('finds every forced pair and reduces them to the chain', () => {
    const safe = results.filter((r) => r.violated.length === 0).map((r) => r.steps);
    const pairs = forcedPairs(base, safe);
    expect(pairs).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(reducedEdges(pairs)).toEqual([['a', 'b'], ['b', 'c']]);
  });

  it('explains each step and each edge with a sequence that fails', () => {
    const analysis = analyse(base, results);
    expect(analysis.safe).toHaveLength(1 + 4); // abc, and abc with d in any of its 4 places
    expect(analysis.whyStep.map((w) => [w.reason, w.violated.length > 0])).toEqual([
      ['without a', true], ['without b', true], ['without c', true], ['without d', false],
    ]);
    expect(analysis.whyEdge.map((w) => [w.reason, w.steps.join('')])).toEqual([['b before a', 'bacd'], ['c before b', 'acbd']]);
    expect(analysis.firstFailure).toEqual([{ name: 'Chain', count: results.length - 5 }]);
  });

  it('picks the nearest sequence breaking only the edge when the plain swap breaks more', () => {
    const forced: [string, string][] = [['a', 'b'], ['b', 'c'], ['a', 'c']];
    // Swapping a and c in abc also reverses a<b and b<c; the nearest breaking only (a, c)... does not exist
    // for a chain, so edges of the reduction are used: (a, b) swapped is bac, which keeps a<c and b<c.
    expect(edgeBreaker(['a', 'b', 'c'], ['a', 'b'], forced, allSequences(['a', 'b', 'c']).filter((s) => s.length === 3))).toEqual(['b', 'a', 'c']);
    const farApart: [string, string] = ['a', 'c'];
    const only = [farApart];
    expect(edgeBreaker(['a', 'b', 'c'], farApart, only, allSequences(['a', 'b', 'c']).filter((s) => s.length === 3))).toEqual(['c', 'b', 'a']);
    expect(respects(['c', 'b', 'a'], ['a', 'c'])).toBe(false);
  });

  it('counts the property with the shortest counterexample as failing first', () => {
    expect(firstFailing([{ name: 'A', traceLength: 9 }, { name: 'B', traceLength: 4 }, { name: 'C', traceLength: null }])).toBe('B');
    expect(firstFailing([{ name: 'CanComplete', traceLength: null }])).toBe('CanComplete');
  });
});
