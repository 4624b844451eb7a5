/**
 * The layout the engine derives for a model without a codec of its own: canonical (equal states,
 * equal bytes; different states, different bytes) for states that fit it and for states that
 * leave it, refusing what the generic encoding refuses with the same words, and giving every
 * classic model the same counts, verdicts and traces as the generic encoding.
 */
import { describe, expect, it } from 'vitest';
import { builtInModels } from '../models/index.js';
import { ByteReader, ByteWriter, type Codec } from '../src/codec.js';
import { stateCodec } from '../src/codecs/stateCodec.js';
import { check, type CheckOptions } from '../src/check.js';
import { genericCodec } from '../src/genericCodec.js';
import type { ModelInstance } from '../src/model.js';
import { simulate } from '../src/walks/simulate.js';
import { earlyHang } from './fixtures/earlyHangModel.js';

interface Toy {
  pc: string[];
  flag: boolean[];
  count: number;
  owner: null | number;
  queue: number[];
}

/** A toy model whose sample shows fixed arrays, strings, booleans, a small counter, null and a queue that grows. */
const toy: ModelInstance<Toy> = {
  initialStates: [{ pc: ['idle', 'idle'], flag: [false, false], count: 0, owner: null, queue: [] }],
  actions: [0, 1].flatMap((i) => [
    { name: 'enter', actor: `P${i}`, guard: (s: Toy) => s.pc[i] === 'idle' && s.owner === null, recipe: (s: Toy) => { s.pc[i] = 'busy'; s.owner = i; s.queue.push(i); } },
    { name: 'leave', actor: `P${i}`, guard: (s: Toy) => s.pc[i] === 'busy', recipe: (s: Toy) => { s.pc[i] = 'idle'; s.owner = null; s.count = Math.min(s.count + 1, 3); } },
  ]),
  properties: [],
};

const { codec: derived } = stateCodec(toy, 'derived', () => undefined);
const generic = genericCodec<Toy>(toy.initialStates);

const encode = (codec: Codec<unknown>, state: unknown): Uint8Array => {
  const out = new ByteWriter(4);
  codec.encode(state, out);
  return out.toBytes();
};
const base = (): Toy => ({ pc: ['busy', 'idle'], flag: [true, false], count: 2, owner: 0, queue: [0, 1] });

describe('the derived layout', () => {
  it("is derived alike from the sample another thread took, without running the model's code", () => {
    const { sample } = stateCodec(toy, 'derived', () => undefined);
    expect(sample!.length).toBeGreaterThan(1);
    const guarded = (): boolean => {
      throw new Error('a guard ran');
    };
    const untouchable: ModelInstance<Toy> = { ...toy, actions: toy.actions.map((action) => ({ ...action, guard: guarded })) };
    const given = stateCodec(untouchable, 'derived', () => undefined, sample);
    expect(given.sample).toBe(sample);
    expect(encode(given.codec, base())).toEqual(encode(derived, base()));
  });

  it('packs a state of the sampled shape into a few bytes, and reads it back', () => {
    const bytes = encode(derived, base());
    expect(bytes.length).toBeLessThan(encode(generic, base()).length / 2);
    expect(derived.decode(new ByteReader(bytes))).toEqual(base());
  });

  it.each<[string, (s: Toy) => unknown]>([
    ['a longer array', (s) => void s.pc.push('idle')],
    ['a string no sampled state held', (s) => void (s.pc[1] = 'waiting')],
    ['a new key', (s) => void ((s as unknown as Record<string, unknown>).extra = { deep: [1] })],
    ['a missing key', (s) => void delete (s as Partial<Toy>).owner],
    ['a number out of the range', (s) => void (s.count = 1_000_000)],
    ['a negative number', (s) => void (s.count = -5)],
    ['a fraction', (s) => void (s.count = 0.5)],
    ['another type at a leaf', (s) => void (s.owner = 'P1' as never)],
    ['an object where an array was', (s) => void (s.flag = { 0: true } as never)],
    ['a boolean the sample never saw true', (s) => void (s.flag = [true, true])],
    ['another state altogether', (s) => ['not', 'an', 'object', s.count]],
  ])('reads back a state with %s, in bytes of its own', (_, change) => {
    const state = base();
    const replaced = change(state);
    const changed = replaced === undefined ? state : replaced;
    const bytes = encode(derived, changed);
    expect(derived.decode(new ByteReader(bytes))).toEqual(changed);
    expect(bytes).not.toEqual(encode(derived, base()));
  });

  it('gives equal states equal bytes, whatever order their keys were set in', () => {
    const reordered = { queue: [0, 1], owner: 0, count: 2, flag: [true, false], pc: ['busy', 'idle'] };
    expect(encode(derived, reordered)).toEqual(encode(derived, base()));
    const extraReordered = { ...base(), extra: 1, more: 'x' };
    expect(encode(derived, extraReordered)).toEqual(encode(derived, { more: 'x', ...base(), extra: 1 }));
    const nullProto = Object.assign(Object.create(null) as object, base());
    expect(encode(derived, nullProto)).toEqual(encode(derived, base()));
  });

  it('gives different states different bytes, inside and outside the layout', () => {
    const states: unknown[] = [];
    for (const pc0 of ['idle', 'busy', 'waiting']) {
      for (const flag of [[false, false], [true, false], [false, true], [true, true], [true], 'x']) {
        for (const count of [0, 1, 3, 7, 8, 300, -1, 0.5]) {
          for (const owner of [null, 0, 1, 'P0']) states.push({ pc: [pc0, 'idle'], flag, count, owner, queue: [] });
        }
      }
    }
    const seen = new Set(states.map((s) => encode(derived, s).join(',')));
    expect(seen.size).toBe(states.length);
  });

  it('decodes a fresh object each time', () => {
    const bytes = encode(derived, base());
    const first = derived.decode(new ByteReader(bytes)) as Toy;
    first.pc[0] = 'idle';
    first.queue.push(9);
    expect(derived.decode(new ByteReader(bytes))).toEqual(base());
  });

  it('reads states back to back, as a batch holds them', () => {
    const out = new ByteWriter(4);
    const states = [base(), { ...base(), queue: [1, 0, 1] }, { ...base(), count: 'x' }, base()];
    for (const state of states) derived.encode(state, out);
    const input = new ByteReader(out.toBytes());
    expect(states.map(() => derived.decode(input))).toEqual(states);
    expect(input.offset).toBe(out.length);
  });

  it('refuses what the generic encoding refuses, with the same line', () => {
    const cycle = base() as Toy & { self?: unknown };
    cycle.self = cycle;
    const cases: ((s: Toy) => void)[] = [
      (s) => void (s.count = -0),
      (s) => void (s.count = NaN),
      (s) => void (s.count = Infinity),
      (s) => void (s.count = 2 ** 60),
      (s) => void (s.owner = undefined as never),
      (s) => void (s.flag = new Array(2) as boolean[]),
      (s) => void (s.queue = [0, -0]),
      (s) => void (s.pc = new Date(0) as never),
      (s) => void ((s as unknown as Record<string, unknown>).extra = () => 1),
    ];
    for (const change of [...cases, (s: Toy) => void (s.queue = cycle.queue), () => undefined]) {
      const state = base();
      change(state);
      const want = ((): unknown => {
        try {
          return encode(generic, state);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      const got = ((): unknown => {
        try {
          encode(derived, state);
          return 'encoded';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      if (typeof want === 'string') expect(got).toBe(want);
      else expect(got).toBe('encoded');
    }
    expect(() => encode(derived, cycle)).toThrow('state.self is state again (a cycle)');
  });
});

interface Pair {
  a: boolean[];
  b: boolean[];
  inner: { x: number; on: boolean };
}

/** A model whose sample sees every value: the drafts' tests change them in ways the sample never did. */
const pair: ModelInstance<Pair> = {
  initialStates: [{ a: [false, false], b: [false, false], inner: { x: 0, on: false } }],
  actions: [
    { name: 'a', actor: 'A', recipe: (s: Pair) => void (s.a[0] = !s.a[0]) },
    { name: 'b', actor: 'B', recipe: (s: Pair) => void (s.b[1] = !s.b[1]) },
    { name: 'x', actor: 'X', recipe: (s: Pair) => { s.inner.x = (s.inner.x + 1) % 3; s.inner.on = !s.inner.on; } },
  ],
  properties: [],
};

describe('drafts, the copies actions change', () => {
  const { codec } = stateCodec(pair, 'derived', () => undefined);
  const one: Pair = { a: [true, false], b: [false, true], inner: { x: 1, on: true } };
  const two: Pair = { a: [false, true], b: [true, true], inner: { x: 2, on: false } };
  const [bytesOne, bytesTwo] = [one, two].map((s) => encode(codec, s));
  const draft = (bytes: Uint8Array): Pair => codec.draft!(new ByteReader(bytes));

  it('are refilled when the action left every object in place and made a state of the layout', () => {
    const first = draft(bytesOne);
    first.a[1] = true;
    first.inner.x = 2;
    encode(codec, first);
    const second = draft(bytesTwo);
    expect(second).toBe(first);
    expect(second).toEqual(two);
  });

  it.each<[string, (s: Pair) => Pair | void]>([
    ['one array put in place of another', (s) => void (s.a = s.b)],
    ['an object replaced, the old one changed', (s) => { const old = s.inner; s.inner = { ...old }; old.x = 2; }],
    ['a key added', (s) => void ((s.inner as Record<string, unknown>).extra = 1)],
    ['an element added', (s) => void s.b.push(true)],
    ['a value outside the layout', (s) => void (s.inner.x = 7)],
    ['a key deleted', (s) => void delete (s.inner as Partial<Pair['inner']>).on],
    ['a new state returned that shares parts of the draft', (s) => ({ ...s, inner: s.inner })],
  ])('are made afresh after %s', (_, change) => {
    const first = draft(bytesOne);
    const replaced = change(first);
    encode(codec, replaced ?? first);
    const second = draft(bytesTwo);
    expect(second).toEqual(two);
    second.b[0] = false;
    second.inner.x = 0;
    expect(second.a).toEqual(two.a);
    expect(draft(bytesOne)).toEqual(one);
  });
});

/** Every classic model (every built-in one but CoCo, which has its own codec) on small parameters, without a codec of its own. */
const classicParams: Record<string, Record<string, number | boolean>> = { flip: { n: 9, packed: false }, twophase: { rms: 3 } };
const classicModels = (await builtInModels()).filter((m) => m.name !== 'coco');

describe('the derived layout and the generic encoding', () => {
  it.each(classicModels.map((m) => [m.name, m] as const))('give %s the same counts, verdicts and traces', async (_, model) => {
    const run = (stateEncoding: CheckOptions['stateEncoding']) => check(model, { workers: 1, params: classicParams[model.name], exhaustive: true, stateEncoding });
    const [layout, tagged] = await Promise.all([run('derived'), run('generic')]);
    const summary = (r: Awaited<ReturnType<typeof check>>) => ({
      counts: [r.distinctStates, r.transitions, r.statesGenerated, r.depth, r.complete],
      properties: r.properties.map((p) => [p.name, p.status, p.traceLength, p.trace?.map((step) => [step.action, step.state])]),
      coverage: r.coverage,
    });
    expect(summary(layout)).toEqual(summary(tagged));
    expect(layout.distinctStates).toBeGreaterThan(5);
  });

  it('give the same counts when worker threads expand, each deriving the layout for itself', async () => {
    const twoPhase = classicModels.find((m) => m.name === 'twophase')!;
    const options = { params: { rms: 3 }, minBatchesForWorkers: 1, batchSize: 16 };
    const [threads, one] = await Promise.all([check(twoPhase, { ...options, workers: 2 }), check(twoPhase, { ...options, workers: 1, stateEncoding: 'generic' })]);
    expect(threads.workersUsed).toBe(2);
    expect([threads.distinctStates, threads.transitions]).toEqual([one.distinctStates, one.transitions]);
    expect(threads.distinctStates).toBe(288);
  });

  it('is refused by name when it is neither', async () => {
    await expect(check(classicModels[0]!, { stateEncoding: 'packed' as never })).rejects.toThrow("bad value 'packed' for stateEncoding; accepted: derived or generic");
  });
});

describe('model code that never returns while the layout is derived', () => {
  it('is stopped by the time limit and named, as in the search', async () => {
    for (const stateEncoding of ['derived', 'generic'] as const) {
      const result = await check(earlyHang, { workers: 1, timeLimit: 1, stateEncoding });
      expect([result.complete, result.stopReason, result.stuckIn]).toEqual([false, 'time-limit', "action 'step' of counter"]);
    }
  });

  it('is named in a simulation too, where the first state packed derives the layout', async () => {
    const result = await simulate(earlyHang, { timeLimit: 1 });
    expect([result.stopReason, result.stuckIn, result.steps]).toEqual(['time-limit', "action 'step' of counter", 0]);
  });
});
