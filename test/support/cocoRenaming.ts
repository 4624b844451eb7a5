/**
 * Renaming the CoCo model's pages and reader CPUs on decoded states, written apart from the codec's
 * byte canonicaliser so that the symmetry tests check it against something it does not share.
 */
import { ByteWriter } from '../../src/codec.js';
import { resolveParams } from '../../src/params.js';
import { coco, type CocoState } from '../../models/coco/index.js';
import { cocoCodec } from '../../models/coco/codec.js';
import { resolveConfig } from '../../models/coco/config.js';
import type { Params } from './coco.js';

/** Renames a decoded state: new page i is old page `pages[i]`, new reader CPU c is old CPU `cpus[c]` (CPU 0 stays). */
export function renamed(s: CocoState, pages: readonly number[], cpus: readonly number[]): CocoState {
  const perPage = <T>(values: T[] | undefined): T[] | undefined => values && pages.map((p) => values[p]!);
  const rows = (table: (CocoState['tlb'][number])[]): CocoState['tlb'] => cpus.map((c) => perPage(table[c]!)!);
  return {
    ...s,
    pte: perPage(s.pte)!, alias: perPage(s.alias)!, tlb: rows(s.tlb), aliasTlb: rows(s.aliasTlb),
    gpa: perPage(s.gpa), rmp: perPage(s.rmp), validated: perPage(s.validated), visible: perPage(s.visible),
    listed: perPage(s.listed), line: perPage(s.line),
  };
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** The codec of a configuration, its plain bytes and its canonical bytes. */
export function codecOf(params: Params) {
  const config = resolveConfig(resolveParams(coco.params, params, coco.validate));
  const codec = cocoCodec(config);
  const encode = (s: CocoState): Uint8Array => {
    const out = new ByteWriter();
    codec.encode(s, out);
    return out.toBytes();
  };
  /** The canonical form of an encoded state, which is left as it is. */
  const canonicalOf = (encoded: Uint8Array): string => {
    const bytes = encoded.slice();
    codec.canonicalBytes!(bytes, 0, bytes.length);
    return hex(bytes);
  };
  const canonical = (s: CocoState): string => canonicalOf(encode(s));
  return { config, encode, canonical, canonicalOf };
}
