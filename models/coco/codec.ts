/**
 * A compact, canonical encoding of the CoCo state: one byte per leaf (two for the pc when it is
 * large), laid out by the configuration. It only makes the search faster: the generic codec gives
 * the same counts (test/cocoCodec.test.ts checks that). Under `--symmetry` its `canonicalBytes`
 * (canonicalForm.ts) renames readers and pages on these bytes, so it relies on this layout.
 */
import { ByteReader, ByteWriter, type Codec } from '../../src/codec.js';
import type { CocoConfig } from './config.js';
import type { CocoState, Enc, Line, Lines, Pte, Result } from './state.js';
import { cocoCanonicalBytes } from './canonicalForm.js';

/** The values of each enumerated field, in code order (decoding indexes these). */
const ENC: readonly Enc[] = ['private', 'shared'];
const ENTRY: readonly (Enc | null)[] = [null, 'private', 'shared'];
const LINE: readonly Line[] = ['none', 'clean', 'dirty'];
const RESULT: readonly Result[] = ['running', 'ok', 'error', 'busy'];

// Fast path: the codes are written as comparisons rather than indexOf, which was a third of the
// codec's cost (see `npm run bench -- coco`); each must agree with its table above.
const encCode = (e: Enc): number => (e === 'private' ? 0 : 1);
const entryCode = (e: Enc | null): number => (e === null ? 0 : e === 'private' ? 1 : 2);
const lineCode = (l: Line): number => (l === 'none' ? 0 : l === 'clean' ? 1 : 2);
const resultCode = (r: Result): number => (r === 'running' ? 0 : r === 'ok' ? 1 : r === 'error' ? 2 : 3);

/** The sticky outcome flags, one bit each. */
const enum Flag { Mismatch = 1, FatalMismatch = 2, Oops = 4, StaleWriteback = 8, ErrorHazard = 16 }

export function cocoCodec(config: CocoConfig): Codec<CocoState> {
  const pages = config.pages;
  const cpus = config.readers + 1;
  const { coherentCache } = config;
  const kexec = config.kexec !== 'none';
  const host = config.guest.hostCodec(config);

  /** The bytes of a state but for its pc, which takes one byte below 128 and at most three here. */
  const fixedBytes = 2 * pages + 2 * cpus * pages + (coherentCache ? 1 : 2) * pages + 2 + (kexec ? 1 : 0);

  // The codes need no range check: each is made here from a field of a known type.
  const encode = (s: CocoState, out: ByteWriter): void => {
    out.reserve(fixedBytes);
    const b = out.bytes;
    let o = out.length;
    for (let p = 0; p < pages; p++) {
      const pte = s.pte[p]!;
      b[o++] = (pte.present ? 2 : 0) | encCode(pte.enc);
      b[o++] = entryCode(s.alias[p]!);
    }
    for (let c = 0; c < cpus; c++) {
      const tlb = s.tlb[c]!;
      const aliasTlb = s.aliasTlb[c]!;
      for (let p = 0; p < pages; p++) b[o++] = entryCode(tlb[p]!);
      for (let p = 0; p < pages; p++) b[o++] = entryCode(aliasTlb[p]!);
    }
    for (let p = 0; p < pages; p++) {
      b[o++] = host.code(s, p);
      if (!coherentCache) b[o++] = lineCode(s.line![p]!.private) * 3 + lineCode(s.line![p]!.shared);
    }
    out.length = o;
    out.uint(s.pc);
    o = out.length;
    out.bytes[o++] = resultCode(s.result);
    out.bytes[o++] =
      (s.mismatch ? Flag.Mismatch : 0) | (s.fatalMismatch ? Flag.FatalMismatch : 0) | (s.oops ? Flag.Oops : 0) |
      (s.staleWriteback ? Flag.StaleWriteback : 0) | (s.errorHazard ? Flag.ErrorHazard : 0);
    // Spec 11.9.1: without kexec the bytes are the seed's.
    if (kexec) out.bytes[o++] = s.kx! | (s.acctOff ? 4 : 0);
    out.length = o;
  };

  /** A state with every array and object in place, for `fill` to write its leaves into (plain loops: it runs once per state). */
  const skeleton = (): CocoState => {
    const pte = new Array<Pte>(pages);
    for (let p = 0; p < pages; p++) pte[p] = { present: false, enc: 'private' };
    const tlb = new Array<(Enc | null)[]>(cpus);
    const aliasTlb = new Array<(Enc | null)[]>(cpus);
    for (let c = 0; c < cpus; c++) {
      tlb[c] = new Array<Enc | null>(pages);
      aliasTlb[c] = new Array<Enc | null>(pages);
    }
    const state: CocoState = {
      pte, alias: new Array<Enc | null>(pages), tlb, aliasTlb, pc: 0, result: 'running',
      mismatch: false, fatalMismatch: false, oops: false, staleWriteback: false, errorHazard: false,
    };
    for (const field of host.fields) state[field] = new Array(pages);
    if (!coherentCache) {
      const line = new Array<Lines>(pages);
      for (let p = 0; p < pages; p++) line[p] = { private: 'none', shared: 'none' };
      state.line = line;
    }
    if (kexec) {
      state.kx = 0;
      state.acctOff = false;
    }
    return state;
  };

  /** Writes every leaf of `state` from the bytes: all that `encode` reads. */
  const fill = (state: CocoState, input: ByteReader): CocoState => {
    const b = input.bytes;
    let o = input.offset;
    for (let p = 0; p < pages; p++) {
      const code = b[o++]!;
      const pte = state.pte[p]!;
      pte.present = code >= 2;
      pte.enc = ENC[code & 1]!;
      state.alias[p] = ENTRY[b[o++]!]!;
    }
    for (let c = 0; c < cpus; c++) {
      const row = state.tlb[c]!;
      for (let p = 0; p < pages; p++) row[p] = ENTRY[b[o++]!]!;
      const aliasRow = state.aliasTlb[c]!;
      for (let p = 0; p < pages; p++) aliasRow[p] = ENTRY[b[o++]!]!;
    }
    for (let p = 0; p < pages; p++) {
      host.set(state, p, b[o++]!);
      if (!coherentCache) {
        const code = b[o++]!;
        const line = state.line![p]!;
        line.private = LINE[Math.floor(code / 3)]!;
        line.shared = LINE[code % 3]!;
      }
    }
    input.offset = o;
    state.pc = input.uint();
    o = input.offset;
    state.result = RESULT[b[o++]!]!;
    const flags = b[o++]!;
    state.mismatch = (flags & Flag.Mismatch) !== 0;
    state.fatalMismatch = (flags & Flag.FatalMismatch) !== 0;
    state.oops = (flags & Flag.Oops) !== 0;
    state.staleWriteback = (flags & Flag.StaleWriteback) !== 0;
    state.errorHazard = (flags & Flag.ErrorHazard) !== 0;
    if (kexec) {
      const code = b[o++]!;
      state.kx = code & 3;
      state.acctOff = code >= 4;
    }
    input.offset = o;
    return state;
  };

  /** The arrays and objects of a state, as made: whether a recipe replaced one is told by them. */
  const partsOf = (state: CocoState) => ({
    pte: state.pte, ptes: [...state.pte], alias: state.alias,
    tlb: state.tlb, tlbRows: [...state.tlb], aliasTlb: state.aliasTlb, aliasRows: [...state.aliasTlb],
    hostArrays: host.fields.map((field) => state[field]), line: state.line, lines: state.line ? [...state.line] : [],
  });
  const intact = (state: CocoState, parts: ReturnType<typeof partsOf>): boolean => {
    if (state.pte !== parts.pte || state.alias !== parts.alias || state.tlb !== parts.tlb || state.aliasTlb !== parts.aliasTlb || state.line !== parts.line) return false;
    for (let p = 0; p < pages; p++) if (state.pte[p] !== parts.ptes[p] || (state.line !== undefined && state.line[p] !== parts.lines[p])) return false;
    for (let c = 0; c < cpus; c++) if (state.tlb[c] !== parts.tlbRows[c] || state.aliasTlb[c] !== parts.aliasRows[c]) return false;
    return host.fields.every((field, i) => state[field] === parts.hostArrays[i]);
  };

  // One draft serves every transition: an action's recipe gets it refilled with its state's leaves,
  // which saves building a dozen arrays and objects per transition. After a recipe that put an
  // array or object of its own in place of one of the draft's (which may then be shared, as one
  // TLB row put in place of another), the next gets a new draft. The refill writes only what
  // `encode` reads: the model's recipes add no field and no element, which would outlive it.
  let kept: { state: CocoState; parts: ReturnType<typeof partsOf> } | undefined;
  const draft = (input: ByteReader): CocoState => {
    if (kept === undefined || !intact(kept.state, kept.parts)) {
      const state = skeleton();
      kept = { state, parts: partsOf(state) };
    }
    return fill(kept.state, input);
  };

  return { encode, decode: (input) => fill(skeleton(), input), draft, canonicalBytes: cocoCanonicalBytes(config) };
}
