/**
 * Liveness verdicts against an independent oracle on many small random graphs: a fair behaviour
 * that never meets q after a waiting state exists exactly when some set C of states without q,
 * reachable from a waiting state through states without q, is strongly connected with a cycle
 * (or is one state with no action enabled) and is fair to every group on its own edges. The
 * oracle tries every such set; the checker finds one by components. Each lasso the checker gives
 * is also checked to be a fair behaviour of the model that breaks the property.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { eventually, leadsTo, type Action, type AnyModel, type Fairness } from '../src/model.js';
import type { PropertyResult } from '../src/result.js';

interface RandomGraph {
  states: number;
  edges: { from: number; to: number; actor: string }[];
  q: boolean[];
  p: boolean[];
  fairness: Fairness[];
  leads: boolean;
}

const ACTORS = ['A', 'B', 'C'];

/** A small deterministic pseudo-random stream (a linear congruential generator). */
function stream(seed: number): (n: number) => number {
  let x = seed * 2654435761 + 1;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}

function randomGraph(seed: number): RandomGraph {
  const pick = stream(seed);
  const states = 2 + pick(4);
  const edges = Array.from({ length: 1 + pick(3 * states) }, () => ({ from: pick(states), to: pick(states), actor: ACTORS[pick(3)]! }));
  const kinds = ['weak', 'strong', undefined] as const;
  // Only actors that take some edge: a declaration that names no action is refused.
  const fairness = ACTORS.flatMap((actor) => {
    const kind = kinds[pick(3)];
    return kind && edges.some((e) => e.actor === actor) ? [{ actor, kind }] : [];
  });
  return { states, edges, q: Array.from({ length: states }, () => pick(3) === 0), p: Array.from({ length: states }, () => pick(2) === 0), fairness, leads: pick(2) === 0 };
}

type S = { s: number };

/** The graph as a model: one action per edge (a self-loop is an action that changes nothing). */
function modelOf(g: RandomGraph): AnyModel {
  const actions: Action<S>[] = g.edges.map((e) => ({ name: `e${e.from}to${e.to}`, actor: e.actor, guard: (x) => x.s === e.from, recipe: (x) => { x.s = e.to; } }));
  const property = g.leads ? leadsTo<S>('Live', (x) => g.p[x.s]!, (x) => g.q[x.s]!) : eventually<S>('Live', (x) => g.q[x.s]!);
  // Not made by defineModel: it is checked in this thread, as a copy of a model is.
  return { name: 'random', summary: 'a random graph', module: import.meta.url, params: {}, build: () => ({ initialStates: [{ s: 0 }], actions, properties: [property], fairness: g.fairness }) };
}

const enabled = (g: RandomGraph, actor: string, s: number): boolean => g.edges.some((e) => e.from === s && e.actor === actor);

/** Whether the states of `members` (a bit set) form a fair set as the oracle defines it. */
function fairSet(g: RandomGraph, members: number): boolean {
  const inside = (s: number): boolean => ((members >> s) & 1) === 1;
  const list = [...Array(g.states).keys()].filter(inside);
  const internal = g.edges.filter((e) => inside(e.from) && inside(e.to));
  const terminal = list.length === 1 && !g.edges.some((e) => e.from === list[0]);
  if (!terminal) {
    if (internal.length === 0) return false;
    // Strongly connected on its own edges: every member reaches every other.
    const reach = (from: number): Set<number> => {
      const seen = new Set([from]);
      for (const s of seen) for (const e of internal) if (e.from === s) seen.add(e.to);
      return seen;
    };
    if (list.some((s) => list.some((t) => !reach(s).has(t)))) return false;
  }
  return g.fairness.every(({ actor, kind }) => {
    if (internal.some((e) => e.actor === actor)) return true;
    return kind === 'weak' ? list.some((s) => !enabled(g, actor!, s)) : list.every((s) => !enabled(g, actor!, s));
  });
}

/** The oracle: whether some fair set is reachable from a waiting state through states without q. */
function violatedByOracle(g: RandomGraph): boolean {
  const reachable = new Set([0]);
  for (const s of reachable) for (const e of g.edges) if (e.from === s) reachable.add(e.to);
  const waiting = [...reachable].filter((s) => !g.q[s] && (g.leads ? g.p[s] : s === 0));
  const avoiding = new Set(waiting);
  for (const s of avoiding) for (const e of g.edges) if (e.from === s && !g.q[e.to]) avoiding.add(e.to);
  for (let members = 1; members < 1 << g.states; members++) {
    const list = [...Array(g.states).keys()].filter((s) => (members >> s) & 1);
    if (list.every((s) => avoiding.has(s)) && fairSet(g, members)) return true;
  }
  return false;
}

/** A lasso must be a fair behaviour that, from a waiting state on, never meets q. */
function expectFairLasso(g: RandomGraph, p: PropertyResult): void {
  const at = p.trace!.map((step) => (step.state as S).s);
  const loopStart = p.loopStart!;
  expect(at.at(-1)).toBe(at[loopStart]);
  const from = at.findIndex((s, i) => i <= loopStart && (g.leads ? g.p[s] : i === 0) && at.slice(i).every((t) => !g.q[t]));
  expect(from).toBeGreaterThanOrEqual(0);
  const loop = p.trace!.slice(loopStart + 1);
  const loopStates = at.slice(loopStart);
  for (const { actor, kind } of g.fairness) {
    if (loop.some((step) => step.actor === actor)) continue;
    if (kind === 'weak') expect(loopStates.some((s) => !enabled(g, actor!, s))).toBe(true);
    else expect(loopStates.every((s) => !enabled(g, actor!, s))).toBe(true);
  }
}

describe('liveness against the subset oracle', () => {
  it('agrees on 300 random graphs of 2 to 5 states, and each lasso is a fair behaviour that breaks the property', async () => {
    let violated = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const g = randomGraph(seed);
      const result = await check(modelOf(g), { workers: 1 });
      const p = result.properties.find((x) => x.name === 'Live')!;
      expect({ seed, status: p.status }).toEqual({ seed, status: violatedByOracle(g) ? 'violated' : 'holds' });
      if (p.status === 'violated') {
        violated++;
        expectFairLasso(g, p);
      }
    }
    // Both verdicts are exercised.
    expect(violated).toBeGreaterThan(30);
    expect(violated).toBeLessThan(270);
  });
});
