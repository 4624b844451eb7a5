/** Reader symmetry (`--symmetry`) merges states that differ by a permutation of CPUs 1..readers, and changes no verdict. */
import { describe, expect, it } from 'vitest';
import { run, type Params } from './support/coco.js';

const CONFIGS: Params[] = [
  { readers: 3, aliases: false },
  { platform: 'tdx', protocol: 'before', pages: 1, readers: 3, paravisor: true },
  { platform: 'tdx', steps: 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent', pages: 1, readers: 3 },
];

describe('coco: reader symmetry', () => {
  for (const params of CONFIGS) {
    it(JSON.stringify(params), async () => {
      const plain = await run(params);
      const reduced = await run(params, { symmetry: true });
      const verdicts = (r: typeof plain): unknown[] => r.properties.map((p) => [p.name, p.status, p.traceLength]);
      expect(verdicts(reduced)).toEqual(verdicts(plain));
      expect(reduced.distinctStates).toBeLessThan(plain.distinctStates);
    }, 60_000);
  }
});
