import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../src/codec.js';
import { ModelError } from '../src/errors.js';
import { genericCodec } from '../src/genericCodec.js';

const encode = (codec: ReturnType<typeof genericCodec>, value: unknown): Uint8Array => {
  const out = new ByteWriter(4);
  codec.encode(value, out);
  return out.toBytes();
};

describe('the generic canonical encoding', () => {
  const initial = { pte: [{ present: true, enc: 'private' }], pc: 0, result: 'running' };
  const codec = genericCodec([initial]);

  it('round-trips plain data of every kind', () => {
    const values = [
      initial,
      { a: null, b: [1, -2, 3.5, 2 ** 40, -(2 ** 40)], c: 'a string not in the dictionary', d: { e: [true, false, []] } },
      [],
      'shared',
      -0.25,
    ];
    for (const value of values) {
      expect(codec.decode(new ByteReader(encode(codec, value)))).toEqual(value);
    }
  });

  it('gives equal bytes whatever order the keys were set in', () => {
    expect(encode(codec, { a: 1, b: { x: 'p', y: 2 } })).toEqual(encode(codec, { b: { y: 2, x: 'p' }, a: 1 }));
  });

  it('gives different bytes for different values of the same shape', () => {
    const seen = new Set<string>();
    for (const present of [true, false]) {
      for (const enc of ['private', 'shared', 'x']) {
        for (const pc of [0, 1, 127, 128, 300]) seen.add(encode(codec, { pte: [{ present, enc }], pc, result: 'running' }).join(','));
      }
    }
    expect(seen.size).toBe(2 * 3 * 5);
  });

  it('tells an array from an object with numeric keys', () => {
    expect(encode(codec, [1])).not.toEqual(encode(codec, { 0: 1 }));
  });

  it('keeps the extreme safe integers and fractions exactly', () => {
    for (const value of [Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0.1, -5e-324, 2 ** 51 + 0.5]) {
      expect(Object.is(codec.decode(new ByteReader(encode(codec, { x: value }))).x, value)).toBe(true);
    }
  });

  it('decodes to a fresh object each time', () => {
    const bytes = encode(codec, initial);
    const first = codec.decode(new ByteReader(bytes)) as typeof initial;
    first.pte[0]!.present = false;
    expect((codec.decode(new ByteReader(bytes)) as typeof initial).pte[0]!.present).toBe(true);
  });

  it('refuses, naming the path, every value that reports would print or immer would store differently', () => {
    const cases: [unknown, string][] = [
      [{ counters: [0, 1, -0] }, 'state.counters[2] is -0, which immer cannot store apart from 0'],
      [{ counters: [NaN] }, 'state.counters[0] is NaN, which equals nothing'],
      [{ a: { b: Infinity } }, 'state.a.b is Infinity, which JSON prints as null'],
      [{ big: 2 ** 60 }, 'state.big is 1152921504606846976, beyond 2^53-1, where whole numbers are not exact'],
      [[-Infinity], 'state[0] is -Infinity, which JSON prints as null'],
      [{ holder: undefined }, 'state.holder is undefined, which JSON drops'],
      [{ list: [1, undefined] }, 'state.list[1] is undefined'],
      [{ list: new Array(2) }, 'state.list[0] is undefined'],
      [{ 'odd key': 1n }, 'state["odd key"] is a bigint; states hold plain data'],
      [{ when: new Date(0) }, 'state.when is a Date object; states hold plain data'],
      [{ f: () => 1 }, 'state.f is a function; states hold plain data'],
    ];
    for (const [state, message] of cases) {
      expect(() => encode(codec, state)).toThrow(ModelError);
      expect(() => encode(codec, state)).toThrow(message);
    }
  });

  it('names a cycle instead of running out of stack', () => {
    const state: { pte: { owner?: unknown }[] } = { pte: [{}] };
    state.pte[0]!.owner = state.pte;
    expect(() => encode(codec, state)).toThrow(new ModelError('state.pte[0].owner is state.pte again (a cycle); states must be trees of plain data'));
  });

  it('refuses an initial state it cannot store, before any search', () => {
    expect(() => genericCodec([{ ok: 1 }, { x: NaN }])).toThrow('initial state 1: state.x is NaN');
  });
});

describe('the byte writer a codec writes with', () => {
  it('refuses values that it would wrap, truncate or store inexactly', () => {
    const out = new ByteWriter(4);
    expect(() => out.u8(256)).toThrow("a codec's u8() was given 256; it takes whole numbers from 0 to 255");
    expect(() => out.u8(2.5)).toThrow(ModelError);
    expect(() => out.uint(-1)).toThrow("a codec's uint() was given -1; it takes whole numbers from 0 to 2^53-1");
    expect(() => out.uint(2 ** 53)).toThrow(ModelError);
    expect(() => out.f64(2 ** 60)).toThrow(ModelError);
    expect(() => out.f64(NaN)).toThrow("a codec's f64() was given NaN");
    expect(() => out.f64(-0)).toThrow(ModelError);
    expect(out.length).toBe(0);
  });
});
