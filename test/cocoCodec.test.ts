/**
 * The CoCo model's compact codec only makes the search faster: it must give exactly the counts of
 * the engine's generic codec, over configurations that reach every field and value, and its draft
 * must be what decoding makes, whatever the recipe before did to it. The layout the engine derives
 * for the model without its codec must give them too: CoCo's many recipes are its largest test of
 * successors made on the bytes.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { ByteReader, ByteWriter, type Codec } from '../src/codec.js';
import type { AnyModel } from '../src/model.js';
import { instantiate } from '../src/modelInstance.js';
import { coco } from '../models/coco/index.js';
import type { CocoState } from '../models/coco/state.js';
import { run, type Params } from './support/coco.js';

/** The same model with the engine's generic codec. */
const generic: AnyModel = {
  ...coco,
  build: (params) => ({ ...coco.build(params), codec: undefined }),
};

const CONFIGS: Params[] = [
  { readers: 1 },
  { platform: 'tdx', readers: 1, hostFailures: true, onError: 'free' },
  { platform: 'tdx', readers: 1, direction: 'encrypt', protocol: 'before', paravisor: true },
  { platform: 'snp', readers: 1, protocol: 'before' },
  { platform: 'snp', readers: 1, protocol: 'v2', direction: 'encrypt', coherentCache: false },
  { readers: 1, protocol: 'hyperv', hostFailures: true, granularity: 'page', pfnLookup: 'requires-present' },
  { platform: 'tdx', pages: 1, readers: 1, hostFailures: true, onError: 'free', kexec: 'normal' },
  { platform: 'snp', pages: 1, readers: 1, direction: 'encrypt', coherentCache: false, kexec: 'crash' },
  { readers: 1, protocol: 'hyperv', hostFailures: true, granularity: 'page', pfnLookup: 'requires-present', kexec: 'crash' },
];

describe('coco: the compact codec, and the layout derived without it, agree with the generic encoding', () => {
  for (const params of CONFIGS) {
    it(JSON.stringify(params), async () => {
      const fast = await run(params, { exhaustive: true });
      // The derived layout makes most successors on the bytes, from what it learnt of CoCo's recipes.
      const derived = await check(generic, { params, workers: 1, exhaustive: true, stateEncoding: 'derived' });
      const slow = await check(generic, { params, workers: 1, exhaustive: true, stateEncoding: 'generic' });
      const summary = (r: typeof slow) => [r.distinctStates, r.transitions, r.depth, r.properties.map((p) => [p.name, p.status, p.traceLength])];
      expect(summary(fast)).toEqual(summary(slow));
      expect(summary(derived)).toEqual(summary(slow));
    }, 60_000);
  }
});

/** What a recipe might do to the draft it was given: change leaves, or put arrays and objects of its own in place of the draft's. */
const RECIPES: { replaces: boolean; recipe: (s: CocoState) => void }[] = [
  { replaces: false, recipe: (s) => void (s.pte[0]!.enc = s.pte[0]!.enc === 'private' ? 'shared' : 'private') },
  { replaces: true, recipe: (s) => void (s.pte = s.pte.map((pte) => ({ ...pte, present: !pte.present }))) },
  { replaces: true, recipe: (s) => void (s.pte[1] = { present: true, enc: 'shared' }) },
  // The same row twice: refilled in place, CPU 0's row would be overwritten by CPU 1's.
  { replaces: true, recipe: (s) => void (s.tlb[1] = s.tlb[0]!) },
  { replaces: true, recipe: (s) => void (s.aliasTlb = s.aliasTlb.map((row) => [...row])) },
  { replaces: true, recipe: (s) => void (s.line![0] = s.line![1]!) },
  { replaces: true, recipe: (s) => void (s.gpa = s.gpa!.map(() => 'shared')) },
  { replaces: true, recipe: (s) => void (s.alias = [null]) },
  { replaces: false, recipe: (s) => Object.assign(s, { pc: s.pc + 7, result: 'error', oops: !s.oops, kx: 2, acctOff: true }) },
];

describe('coco: the compact codec\'s draft', () => {
  it('is refilled with exactly what decoding makes, and made anew after a recipe replaced any of its arrays or objects', async () => {
    const params = { platform: 'tdx', pages: 2, readers: 1, coherentCache: false, kexec: 'crash', hostFailures: true };
    const codec = instantiate(coco, params).codec as Codec<CocoState>;
    const states: Uint8Array[] = [];
    await check(coco, { params, workers: 1, maxStates: 300, onState: (_, state) => {
      const out = new ByteWriter();
      codec.encode(state as CocoState, out);
      states.push(out.toBytes());
    } });
    expect(states).toHaveLength(300);
    let previous: CocoState | undefined;
    states.forEach((bytes, i) => {
      const draft = codec.draft!(new ByteReader(bytes));
      if (previous !== undefined) expect(draft !== previous).toBe(RECIPES[(i - 1) % RECIPES.length]!.replaces);
      expect(draft).toEqual(codec.decode(new ByteReader(bytes)));
      RECIPES[i % RECIPES.length]!.recipe(draft);
      previous = draft;
    });
  });
});
