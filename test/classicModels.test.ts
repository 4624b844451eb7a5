/** Exact counts for the classic models, against what TLC and SPIN report for the same specs. */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { dieHard } from '../models/dieHard.js';
import { flip, flipCounts } from '../models/flip.js';
import { naiveLock, peterson } from '../models/peterson.js';
import { twoPhase } from '../models/twoPhase.js';

const status = (result: Awaited<ReturnType<typeof check>>) => Object.fromEntries(result.properties.map((p) => [p.name, p.status]));

describe('DieHard', () => {
  it('has 16 distinct states and 97 states generated (TLC) over the whole space', async () => {
    const result = await check(dieHard, { workers: 1, exhaustive: true });
    expect(result.distinctStates).toBe(16);
    expect(result.statesGenerated).toBe(97);
    expect(result.transitions).toBe(96);
    expect(result.complete).toBe(true);
  });

  it('breaks big /= 4 in 6 steps, ending with 4 gallons in the big jug', async () => {
    const result = await check(dieHard, { workers: 1 });
    const [notSolved] = result.properties;
    expect(notSolved!.status).toBe('violated');
    expect(notSolved!.traceLength).toBe(6);
    expect(notSolved!.trace!.at(-1)!.state).toEqual({ small: 3, big: 4 });
    expect(result.complete).toBe(false);
    expect(result.stopReason).toBe('decided');
  });
});

describe('Flip(N)', () => {
  it.each([
    [5, 11, undefined],
    [10, 123, undefined],
    [22, 39_603, 481_625],
  ])('Flip(%i) has L(N) = %i distinct states (TLC: %s states generated)', async (n, lucas, generated) => {
    const result = await check(flip, { workers: 1, params: { n } });
    expect(result.distinctStates).toBe(lucas);
    if (generated !== undefined) expect(result.statesGenerated).toBe(generated);
    expect(status(result)).toEqual({ NoAdjacentTrue: 'holds' });
  });

  it('matches the closed forms for every N from 3 to 20 (Lucas numbers; TLC gives 86,161,217 generated for N = 32)', async () => {
    expect(flipCounts(32)).toEqual({ distinct: 4_870_847, transitions: 86_161_216 });
    for (let n = 3; n <= 20; n++) {
      const result = await check(flip, { workers: 1, params: { n } });
      expect({ distinct: result.distinctStates, transitions: result.transitions }).toEqual(flipCounts(n));
    }
  });

  it("gives the same counts with the model's own packed codec as with the derived encoding", async () => {
    const packed = await check(flip, { workers: 1, params: { n: 16, packed: true } });
    const derived = await check(flip, { workers: 1, params: { n: 16 } });
    expect([packed.distinctStates, packed.transitions]).toEqual([derived.distinctStates, derived.transitions]);
  });

  it('reports depth as the longest shortest path: N/2 flips for even N', async () => {
    expect((await check(flip, { workers: 1, params: { n: 12 } })).depth).toBe(6);
  });
});

describe('mutual exclusion', () => {
  it("Peterson's lock keeps mutual exclusion, lets both processes in, starves neither under its fairness, and never deadlocks", async () => {
    const result = await check(peterson, { workers: 1 });
    expect(status(result)).toEqual({
      MutualExclusion: 'holds', P0EntersCritical: 'witnessed', P1EntersCritical: 'witnessed', P0NeverStarves: 'holds', P1NeverStarves: 'holds', Deadlock: 'holds',
    });
    expect(result.properties.find((p) => p.name === 'P0EntersCritical')!.traceLength).toBe(3);
    expect(result.complete).toBe(true);
  });

  it('the flag-only lock lets both in after 4 steps: both check, then both raise their flags', async () => {
    const result = await check(naiveLock, { workers: 1, properties: ['MutualExclusion'] });
    const [mutex] = result.properties;
    expect(mutex!.status).toBe('violated');
    expect(mutex!.trace!.slice(1).map((s) => `${s.actor} ${s.action}`)).toEqual(['P0 checkFlag', 'P1 checkFlag', 'P0 raiseFlag', 'P1 raiseFlag']);
  });

  it('narrows the check to the properties named, and rejects unknown ones', async () => {
    const result = await check(peterson, { workers: 1, properties: ['P1EntersCritical'], deadlock: false });
    expect(result.properties.map((p) => p.name)).toEqual(['P1EntersCritical']);
    await expect(check(peterson, { properties: ['Nope'] })).rejects.toThrow("unknown property 'Nope'; accepted: MutualExclusion, P0EntersCritical, P1EntersCritical");
  });
});

describe('bounds', () => {
  it('stops at --max-states and --max-depth and says the search is incomplete', async () => {
    const byStates = await check(flip, { workers: 1, params: { n: 22 }, maxStates: 1000 });
    expect([byStates.distinctStates, byStates.complete, byStates.stopReason]).toEqual([1000, false, 'max-states']);
    expect(status(byStates)).toEqual({ NoAdjacentTrue: 'unknown' });
    const byDepth = await check(flip, { workers: 1, params: { n: 22 }, maxDepth: 2 });
    expect([byDepth.distinctStates, byDepth.depth, byDepth.stopReason]).toEqual([1 + 22 + (22 * 19) / 2, 2, 'max-depth']);
  });

  it('a depth bound beyond the space leaves the search complete', async () => {
    const result = await check(flip, { workers: 1, params: { n: 8 }, maxDepth: 50 });
    expect([result.complete, result.distinctStates]).toEqual([true, 47]);
  });

  it('stops when the signal is aborted and returns what it found', async () => {
    const abort = new AbortController();
    abort.abort();
    const result = await check(flip, { workers: 1, params: { n: 22 }, signal: abort.signal, batchSize: 64 });
    expect([result.complete, result.stopReason]).toEqual([false, 'interrupted']);
    expect(result.distinctStates).toBeGreaterThan(0);
  });
});

describe('TwoPhase (two-phase commit)', () => {
  it.each([
    [3, 288],
    [6, 50_816],
  ])('with %i resource managers has %i distinct states, as TLC reports for Lamport\'s spec', async (rms, distinct) => {
    const result = await check(twoPhase, { workers: 1, params: { rms }, exhaustive: true });
    expect(result.distinctStates).toBe(distinct);
    expect(status(result)).toEqual({ TCConsistent: 'holds', AllCommitted: 'witnessed' });
  }, 60_000);

  it('finds an RM that commits while another aborts once the TM may commit without every vote', async () => {
    const sloppy = { ...twoPhase, build: (p: { rms: number }) => {
      const instance = twoPhase.build(p);
      return { ...instance, actions: instance.actions.map((a) => (a.name === 'TMCommit' ? { ...a, guard: (s: { tmState: string }) => s.tmState === 'init' } : a)) };
    } };
    const result = await check(sloppy, { workers: 1, params: { rms: 2 }, properties: ['TCConsistent'] });
    expect(result.properties[0]!.status).toBe('violated');
    // RM0 chooses to abort, the TM commits anyway, RM1 receives the commit.
    expect(result.properties[0]!.traceLength).toBe(3);
  });
});
