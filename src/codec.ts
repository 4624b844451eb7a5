/**
 * Byte buffers for packed states, and the interface of a state codec. Packed bytes are what
 * crosses threads and what fingerprints are computed from.
 *
 * The writer refuses a value it cannot write exactly (a typed array would silently wrap 256 to 0,
 * or truncate 2.5 to 2): a model's own codec that wrote one would merge distinct states.
 */
import { ModelError } from './errors.js';
import { numberRefusal } from './stateValues.js';

/** Whether two runs of bytes (or of words) hold the same values. */
export const sameContents = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** A growable byte buffer written front to back. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + n) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  u8(value: number): void {
    if ((value & 0xff) !== value) throw new ModelError(`a codec's u8() was given ${value}; it takes whole numbers from 0 to 255`);
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = value;
  }

  /** An unsigned integer in LEB128: small numbers take one byte. */
  uint(value: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) {
      throw new ModelError(`a codec's uint() was given ${value}; it takes whole numbers from 0 to 2^53-1`);
    }
    // At most 8 bytes for 2^53-1: room once, then plain stores (a codec writes one per field of every successor).
    this.reserve(8);
    const { bytes } = this;
    let at = this.length;
    for (; value >= 0x80; value = Math.floor(value / 0x80)) bytes[at++] = (value % 0x80) | 0x80;
    bytes[at++] = value;
    this.length = at;
  }

  f64(value: number): void {
    const refusal = numberRefusal(value);
    if (refusal) throw new ModelError(`a codec's f64() was given ${refusal}`);
    this.reserve(8);
    new DataView(this.bytes.buffer, this.bytes.byteOffset).setFloat64(this.length, value, true);
    this.length += 8;
  }

  raw(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** Forgets the contents, keeping the buffer. */
  reset(): void {
    this.length = 0;
  }

  /** A copy of what was written. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what a ByteWriter wrote, from `offset` on. */
export class ByteReader {
  constructor(
    public bytes: Uint8Array,
    public offset = 0,
  ) {}

  u8(): number {
    return this.bytes[this.offset++]!;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.offset++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }

  f64(): number {
    const value = new DataView(this.bytes.buffer, this.bytes.byteOffset).getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }
}

/**
 * Turns states into bytes and back. Note: it must be canonical (states equal as plain data give
 * equal bytes) and `decode` must return a fresh, mutable object each time: the engine runs
 * recipes on it.
 */
export interface Codec<S> {
  encode(state: S, out: ByteWriter): void;
  decode(input: ByteReader): S;
  /**
   * With `--symmetry`: rewrites the state just encoded in `bytes[start, end)`, in place and to the
   * same length, into the encoding of its symmetry class's representative. It must be exact (every
   * state of a class gives the same bytes) and give a state of the class, a valid state of the
   * model: traces are rebuilt by replaying real actions and matching their canonical bytes. Cheaper
   * than the model's `canonicalize` on decoded objects, which the engine uses when this is absent.
   */
  canonicalBytes?(bytes: Uint8Array, start: number, end: number): void;
  /**
   * A mutable copy of the state at `input`, for an action's recipe to change; without it the
   * engine decodes one. Note: it may be the object the previous call returned, refilled in place,
   * which saves building a state per transition: valid until the next call, as the engine encodes
   * what an action made before it runs the next. It must equal what `decode` returns.
   */
  draft?(input: ByteReader): S;
  /**
   * Writes to `out` the state that action `action` makes of the state at `bytes[start, ...)`
   * (`state`, decoded), made straight from those bytes, and answers true; or answers false, having
   * written nothing, and the engine runs the action on a draft. It must write exactly what running
   * the action and encoding its result would. Not used with `--symmetry`.
   */
  successorOnBytes?(action: number, bytes: Uint8Array, start: number, state: S, out: ByteWriter): boolean;
}
