/**
 * `--symmetry` on the CoCo model: readers always, pages where renaming them is a symmetry. On the
 * whole reachable set of small configurations, checked against a renaming of decoded states
 * written apart from the codec's byte canonicaliser (support/cocoRenaming.ts): the set is closed under every renaming
 * used, the canonical form is the same for every state of an orbit and is one of them, and the
 * symmetric search counts exactly the orbits.
 */
import { describe, expect, it } from 'vitest';
import { coco, type CocoState } from '../models/coco/index.js';
import { pagesInterchangeable } from '../models/coco/symmetry.js';
import { run, type Params } from './support/coco.js';
import { codecOf, hex, renamed } from './support/cocoRenaming.js';

/** Generators of the group used: a transposition and a cycle of the pages (when renamed), of the readers. */
function generators(n: number, first: number): number[][] {
  const identity = Array.from({ length: n }, (_, i) => i);
  if (n - first < 2) return [];
  const swap = [...identity];
  [swap[first], swap[first + 1]] = [first + 1, first];
  const cycle = identity.map((i) => (i < first ? i : i === n - 1 ? first : i + 1));
  return n - first === 2 ? [swap] : [swap, cycle];
}

/** Union-find over state indices: the orbits are its classes once every generator's edge is in. */
class Classes {
  private readonly parent: Int32Array;
  count: number;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
    this.count = size;
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) {
      this.parent[ra] = rb;
      this.count--;
    }
  }
}

const EXHAUSTED: Params[] = [
  { platform: 'tdx', pages: 2, readers: 2 },
  // Without aliases: 22,928 states rather than 131,792 (with them, see LONG).
  { platform: 'tdx', pages: 3, readers: 1, aliases: false },
  // The kexec walks, SNP's PVALIDATE oops and the TDX count read more than one page at a time.
  { platform: 'tdx', pages: 2, readers: 1, direction: 'encrypt', kexec: 'crash' },
  { platform: 'snp', pages: 2, readers: 1, coherentCache: false, kexec: 'crash' },
  { pages: 2, readers: 2, direction: 'encrypt', kexec: 'crash', pfnLookup: 'requires-present' },
];

/**
 * The defaults at pages 3 readers 1 (131,792 states) and pages 2 readers 3 (608,520): minutes
 * each, too long for `npm test`'s budget, so run only with COCOMC_LONG_TESTS=1 (and shown as
 * skipped otherwise).
 */
const LONG: Params[] = [
  { platform: 'tdx', pages: 3, readers: 1 },
  { platform: 'tdx', pages: 2, readers: 3 },
];
const runLong = process.env.COCOMC_LONG_TESTS === '1';

describe('coco: symmetry on the whole reachable set', () => {
  for (const [params, skip] of [...EXHAUSTED.map((p) => [p, false] as const), ...LONG.map((p) => [p, !runLong] as const)]) {
    it.skipIf(skip)(`${JSON.stringify(params)}${skip ? ' (COCOMC_LONG_TESTS=1 runs it)' : ''}`, async () => {
      const { config, encode, canonical } = codecOf(params);
      const identity = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
      const group = [
        ...(pagesInterchangeable(config) ? generators(config.pages, 0) : []).map((pages) => ({ pages, cpus: identity(config.readers + 1) })),
        ...generators(config.readers + 1, 1).map((cpus) => ({ pages: identity(config.pages), cpus })),
      ];
      expect(group.length).toBeGreaterThanOrEqual(1);
      // Streamed: a decoded state per reachable state would not fit a test's memory at these sizes.
      const index = new Map<string, number>();
      const forms: string[] = [];
      const images: string[] = [];
      await run(params, {
        exhaustive: true,
        onState: (_id, state) => {
          const s = state as CocoState;
          index.set(hex(encode(s)), index.size);
          forms.push(canonical(s));
          for (const { pages, cpus } of group) images.push(hex(encode(renamed(s, pages, cpus))));
        },
      });
      const outside = images.filter((image) => !index.has(image));
      expect(outside, 'renamed states that are not reachable').toEqual([]);
      const orbits = new Classes(index.size);
      images.forEach((image, k) => orbits.union(Math.floor(k / group.length), index.get(image)!));
      const strayForms = forms.filter((form, i) => index.get(form) === undefined || orbits.find(index.get(form)!) !== orbits.find(i));
      expect(strayForms, 'canonical forms outside their state\'s orbit').toEqual([]);
      // Each form is in its own orbit, so as many forms as orbits means one form per orbit: exact.
      expect(new Set(forms).size).toBe(orbits.count);
      const reduced = await run(params, { exhaustive: true, symmetry: true });
      expect(reduced.distinctStates).toBe(orbits.count);
    }, 1_200_000);
  }
});

describe('coco: page symmetry only where renaming pages is a symmetry', () => {
  // Each breaks it: a host failure leaves a prefix of the pages converted (spec 10.8), and
  // `granularity: page` converts page 0 before page 1 (spec 10.11). Without the reachable set
  // being closed under the swap, merging swapped states could hide or invent a verdict.
  const BROKEN: Params[] = [
    { platform: 'tdx', pages: 2, readers: 1, hostFailures: true },
    { platform: 'tdx', pages: 2, readers: 1, granularity: 'page' },
  ];
  for (const params of BROKEN) {
    it(`${JSON.stringify(params)}: the swap leaves the reachable set, so pages are not renamed`, async () => {
      const { config, encode } = codecOf(params);
      expect(pagesInterchangeable(config)).toBe(false);
      const states: CocoState[] = [];
      await run(params, { exhaustive: true, onState: (_id, state) => states.push(state as CocoState) });
      const known = new Set(states.map((s) => hex(encode(s))));
      expect(states.some((s) => !known.has(hex(encode(renamed(s, [1, 0], [0, 1])))))).toBe(true);
      const plain = await run(params, { exhaustive: true });
      const reduced = await run(params, { exhaustive: true, symmetry: true });
      expect(reduced.distinctStates).toBe(plain.distinctStates);
    }, 60_000);
  }
});

describe('coco: list coco says which symmetry --symmetry uses', () => {
  it('readers always, pages except with --granularity page or --host-failures', () => {
    const text = coco.notes!().join(' ');
    expect(text).toContain('--symmetry: reader CPUs 1..readers are always interchangeable');
    expect(text).toMatch(/pages are renamed too with --granularity range .* without --host-failures/);
  });
});
