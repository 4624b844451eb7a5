/**
 * The canonical encoding of any plain state: a tagged walk in which object keys come in sorted
 * order, so two states equal as data give the same bytes whatever order their keys were set in.
 *
 * Strings that occur in the initial states (keys and values) are written as small numbers from a
 * dictionary; every thread builds the same dictionary from the same initial states, so the bytes
 * stay canonical across workers. Other strings are written in full.
 *
 * Values a state may not hold (see stateValues.ts) are refused with a ModelError naming their path.
 * The encoder only notices that something is wrong; the path is found by a second, slower walk,
 * so the hot loop carries no path.
 */
import { ByteReader, ByteWriter, type Codec } from './codec.js';
import { ModelError } from './errors.js';
import { unstorableValue } from './stateValues.js';

const enum Tag {
  Null = 0,
  False = 1,
  True = 2,
  Uint = 3,
  NegInt = 4,
  Float = 5,
  String = 6,
  Symbol = 7,
  Array = 8,
  Object = 9,
}

/** Thrown by the encoder at a value it cannot store; `encode` turns it into a ModelError with the path. */
class Unstorable extends Error {}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** Collects, in a deterministic order, every string that occurs as a key or value in `values`. */
function collectStrings(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') seen.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v).sort()) {
        seen.add(key);
        visit((v as Record<string, unknown>)[key]);
      }
    }
  };
  values.forEach(visit);
  return [...seen];
}

function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    // Fast path: states built from one literal keep their keys in one order; sort only if not sorted.
    if (keys[i - 1]! > keys[i]!) return keys.sort();
  }
  return keys;
}

/** Returns the generic codec for a model whose initial states are `initialStates`. */
export function genericCodec<S>(initialStates: readonly unknown[]): Codec<S> {
  initialStates.forEach((state, i) => {
    const refusal = unstorableValue(state);
    if (refusal) throw new ModelError(`initial state ${i}: ${refusal}`);
  });
  const symbols = collectStrings(initialStates);
  const symbolIndex = new Map(symbols.map((s, i) => [s, i]));

  const writeString = (s: string, out: ByteWriter): void => {
    const index = symbolIndex.get(s);
    if (index !== undefined) {
      out.u8(Tag.Symbol);
      out.uint(index);
    } else {
      const bytes = utf8.encode(s);
      out.u8(Tag.String);
      out.uint(bytes.length);
      out.raw(bytes);
    }
  };

  const write = (v: unknown, out: ByteWriter): void => {
    switch (typeof v) {
      case 'boolean':
        out.u8(v ? Tag.True : Tag.False);
        return;
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
          out.u8(v >= 0 ? Tag.Uint : Tag.NegInt);
          out.uint(Math.abs(v));
        } else if (Number.isFinite(v) && !Number.isInteger(v)) {
          out.u8(Tag.Float);
          out.f64(v);
        } else {
          throw new Unstorable();
        }
        return;
      case 'string':
        writeString(v, out);
        return;
      case 'object':
        if (v === null) {
          out.u8(Tag.Null);
        } else if (Array.isArray(v)) {
          out.u8(Tag.Array);
          out.uint(v.length);
          for (const item of v) write(item, out);
        } else {
          const proto = Object.getPrototypeOf(v);
          if (proto !== Object.prototype && proto !== null) throw new Unstorable();
          const keys = sortedKeys(v);
          out.u8(Tag.Object);
          out.uint(keys.length);
          for (const key of keys) {
            writeString(key, out);
            write((v as Record<string, unknown>)[key], out);
          }
        }
        return;
      default:
        throw new Unstorable();
    }
  };

  const readString = (tag: number, input: ByteReader): string => {
    if (tag === Tag.Symbol) return symbols[input.uint()]!;
    const length = input.uint();
    const s = fromUtf8.decode(input.bytes.subarray(input.offset, input.offset + length));
    input.offset += length;
    return s;
  };

  const read = (input: ByteReader): unknown => {
    const tag = input.u8();
    switch (tag) {
      case Tag.Null: return null;
      case Tag.False: return false;
      case Tag.True: return true;
      case Tag.Uint: return input.uint();
      case Tag.NegInt: return -input.uint();
      case Tag.Float: return input.f64();
      case Tag.String:
      case Tag.Symbol: return readString(tag, input);
      case Tag.Array: {
        const length = input.uint();
        const items = new Array<unknown>(length);
        for (let i = 0; i < length; i++) items[i] = read(input);
        return items;
      }
      case Tag.Object: {
        const count = input.uint();
        const o: Record<string, unknown> = {};
        for (let i = 0; i < count; i++) {
          const key = readString(input.u8(), input);
          o[key] = read(input);
        }
        return o;
      }
      default:
        throw new ModelError(`corrupt packed state: tag ${tag} at byte ${input.offset - 1}`);
    }
  };

  return {
    encode: (state, out) => {
      try {
        write(state, out);
      } catch (error) {
        // Also a cyclic state, which overflows the stack (a RangeError) before anything else.
        const refusal = unstorableValue(state);
        throw refusal ? new ModelError(refusal) : error;
      }
    },
    decode: (input) => read(input) as S,
  };
}
