/**
 * The CoCo model's compact codec only makes the search faster: it must give exactly the counts of
 * the engine's generic codec, over configurations that reach every field and value.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import type { AnyModel } from '../src/model.js';
import { coco } from '../models/coco/index.js';
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

describe('coco: the compact codec agrees with the generic one', () => {
  for (const params of CONFIGS) {
    it(JSON.stringify(params), async () => {
      const fast = await run(params, { exhaustive: true });
      const slow = await check(generic, { params, workers: 1, exhaustive: true });
      expect([fast.distinctStates, fast.transitions, fast.depth]).toEqual([slow.distinctStates, slow.transitions, slow.depth]);
      expect(fast.properties.map((p) => [p.name, p.status, p.traceLength])).toEqual(slow.properties.map((p) => [p.name, p.status, p.traceLength]));
    }, 60_000);
  }
});
