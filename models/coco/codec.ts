/**
 * A compact, canonical encoding of the CoCo state: one byte per leaf (two for the pc when it is
 * large), laid out by the configuration. It only makes the search faster: the generic codec gives
 * the same counts (test/cocoCodec.test.ts checks that).
 */
import { ByteReader, ByteWriter, type Codec } from '../../src/codec.js';
import type { CocoConfig } from './config.js';
import { range, type CocoState, type Enc, type Gpa, type Line, type Result } from './state.js';

/** The values of each enumerated field, in code order. */
const ENC: readonly Enc[] = ['private', 'shared'];
const ENTRY: readonly (Enc | null)[] = [null, 'private', 'shared'];
const GPA: readonly Gpa[] = ['private', 'private-unaccepted', 'shared'];
const LINE: readonly Line[] = ['none', 'clean', 'dirty'];
const RESULT: readonly Result[] = ['running', 'ok', 'error'];
const FLAGS = ['mismatch', 'fatalMismatch', 'oops', 'staleWriteback', 'errorHazard'] as const;

/** The code of a value: its index in its (two- or three-value) enumeration. */
const code = <T>(values: readonly T[], value: T): number => values.indexOf(value);

export function cocoCodec(config: CocoConfig): Codec<CocoState> {
  const pages = range(config.pages);
  const cpus = range(config.readers + 1);
  const { platform, coherentCache } = config;

  const encode = (s: CocoState, out: ByteWriter): void => {
    for (const p of pages) {
      const pte = s.pte[p]!;
      out.u8((pte.present ? 2 : 0) | code(ENC, pte.enc));
      out.u8(code(ENTRY, s.alias[p]!));
    }
    for (const c of cpus) {
      for (const p of pages) out.u8(code(ENTRY, s.tlb[c]![p]!));
      for (const p of pages) out.u8(code(ENTRY, s.aliasTlb[c]![p]!));
    }
    for (const p of pages) {
      if (platform === 'tdx') out.u8(code(GPA, s.gpa![p]!));
      else if (platform === 'snp') out.u8(code(ENC, s.rmp![p]!) | (s.validated![p] ? 2 : 0));
      else out.u8(s.visible![p] ? 1 : 0);
      if (!coherentCache) out.u8(code(LINE, s.line![p]!.private) * 3 + code(LINE, s.line![p]!.shared));
    }
    out.uint(s.pc);
    out.u8(code(RESULT, s.result));
    let flags = 0;
    FLAGS.forEach((flag, i) => { if (s[flag]) flags |= 1 << i; });
    out.u8(flags);
  };

  const decode = (input: ByteReader): CocoState => {
    const pte: CocoState['pte'] = [];
    const alias: CocoState['alias'] = [];
    for (const p of pages) {
      const code = input.u8();
      pte[p] = { present: code >= 2, enc: ENC[code & 1]! };
      alias[p] = ENTRY[input.u8()]!;
    }
    const tlb: CocoState['tlb'] = [];
    const aliasTlb: CocoState['aliasTlb'] = [];
    for (const c of cpus) {
      tlb[c] = pages.map(() => ENTRY[input.u8()]!);
      aliasTlb[c] = pages.map(() => ENTRY[input.u8()]!);
    }
    const host: Pick<CocoState, 'gpa' | 'rmp' | 'validated' | 'visible' | 'line'> =
      platform === 'tdx' ? { gpa: [] } : platform === 'snp' ? { rmp: [], validated: [] } : { visible: [] };
    if (!coherentCache) host.line = [];
    for (const p of pages) {
      const code = input.u8();
      if (platform === 'tdx') host.gpa![p] = GPA[code]!;
      else if (platform === 'snp') {
        host.rmp![p] = ENC[code & 1]!;
        host.validated![p] = code >= 2;
      } else host.visible![p] = code === 1;
      if (!coherentCache) {
        const lines = input.u8();
        host.line![p] = { private: LINE[Math.floor(lines / 3)]!, shared: LINE[lines % 3]! };
      }
    }
    const pc = input.uint();
    const result = RESULT[input.u8()]!;
    const flags = input.u8();
    const flag = (name: (typeof FLAGS)[number]): boolean => (flags & (1 << FLAGS.indexOf(name))) !== 0;
    return {
      pte, alias, tlb, aliasTlb, ...host, pc, result,
      mismatch: flag('mismatch'), fatalMismatch: flag('fatalMismatch'), oops: flag('oops'),
      staleWriteback: flag('staleWriteback'), errorHazard: flag('errorHazard'),
    };
  };

  return { encode, decode };
}
