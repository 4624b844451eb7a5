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

  it('tells an array from an object with numeric keys, and null from undefined', () => {
    expect(encode(codec, [1])).not.toEqual(encode(codec, { 0: 1 }));
    expect(encode(codec, { a: null })).not.toEqual(encode(codec, { a: undefined }));
  });

  it('decodes to a fresh object each time', () => {
    const bytes = encode(codec, initial);
    const first = codec.decode(new ByteReader(bytes)) as typeof initial;
    first.pte[0]!.present = false;
    expect((codec.decode(new ByteReader(bytes)) as typeof initial).pte[0]!.present).toBe(true);
  });

  it('rejects state that is not plain data', () => {
    expect(() => encode(codec, { when: new Date(0) })).toThrow(ModelError);
    expect(() => encode(codec, { f: () => 1 })).toThrow(/plain data/);
  });
});
