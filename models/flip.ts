/**
 * Flip(N): N booleans on a ring, all false at first. Bit i may flip (either way) when both of its
 * ring neighbours are false; the invariant says no two neighbours are both true. The reachable
 * states are the independent sets of the N-cycle: the Lucas number L(N) of them (39,603 for
 * N = 22). TLC reports 481,625 states generated for N = 22 and 86,161,217 for N = 32.
 */
import { ByteReader, ByteWriter, type Codec } from '../src/codec.js';
import { always, defineModel, type Action } from '../src/model.js';
import { param } from '../src/params.js';

export type Ring = boolean[];

/**
 * A codec of the model's own: one bit per position, 28 positions to a varint word. It is kept to
 * check the derived encoding against, not for speed: the derived one is faster, since it makes
 * successors on the bytes where this decodes a new ring for every transition (see `npm run bench`).
 */
function ringCodec(n: number): Codec<Ring> {
  const words = Math.ceil(n / 28);
  return {
    encode(ring: Ring, out: ByteWriter) {
      for (let w = 0; w < words; w++) {
        const end = Math.min(n, w * 28 + 28);
        let word = 0;
        // Small-integer bit operations: 28 bits stay below 2^31.
        for (let i = w * 28, bit = 0; i < end; i++, bit++) word |= (ring[i] ? 1 : 0) << bit;
        out.uint(word);
      }
    },
    decode(input: ByteReader) {
      const ring = new Array<boolean>(n);
      for (let w = 0; w < words; w++) {
        const end = Math.min(n, w * 28 + 28);
        const word = input.uint();
        for (let i = w * 28, bit = 0; i < end; i++, bit++) ring[i] = ((word >>> bit) & 1) === 1;
      }
      return ring;
    },
  };
}

function flipActions(n: number): Action<Ring>[] {
  return Array.from({ length: n }, (_, i) => {
    const left = (i + n - 1) % n;
    const right = (i + 1) % n;
    return {
      name: 'Flip',
      actor: `bit${i}`,
      args: `bit ${i}`,
      guard: (ring) => !ring[left] && !ring[right],
      recipe: (ring) => void (ring[i] = !ring[i]),
    };
  });
}

export const flip = defineModel({
  name: 'flip',
  summary: 'Flip(N): bits on a ring flipping when both neighbours are clear; Lucas-number many states',
  module: import.meta.url,
  params: {
    n: param.int('bits on the ring', 22, { min: 3, max: 64 }),
    packed: param.bool("use the model's own bit-packed codec instead of the encoding derived from its states", false),
  },
  build: ({ n, packed }) => ({
    initialStates: [new Array<boolean>(n).fill(false)],
    actions: flipActions(n),
    properties: [
      always<Ring>('NoAdjacentTrue', (ring) => ring.every((bit, i) => !(bit && ring[(i + 1) % n])), 'no two ring neighbours are both true'),
    ],
    codec: packed ? ringCodec(n) : undefined,
  }),
});

/**
 * The exact counts of Flip(N), from closed forms rather than from a run: the distinct states are
 * the independent sets of the N-cycle, the Lucas number L(N); bit i is enabled exactly when both
 * neighbours are clear, and by rotation the states with x[0] = x[2] = 0 number 2 F(N-1) (x[1] is
 * free, x[3..N-1] is a path), so the transitions are 2 N F(N-1) (F = Fibonacci, F(1) = F(2) = 1).
 */
export function flipCounts(n: number): { distinct: number; transitions: number } {
  const fib = [0, 1];
  for (let i = 2; i <= n + 1; i++) fib.push(fib[i - 1]! + fib[i - 2]!);
  return { distinct: fib[n - 1]! + fib[n + 1]!, transitions: 2 * n * fib[n - 1]! };
}
