/**
 * The codec's canonical form against brute force: every renaming of a state gets the same form,
 * and the form is one of the state's renamings, so two states get the same form exactly when the
 * least encoding over every page and reader renaming, enumerated here, is the same. On every
 * reachable state of small configurations and on random states of larger ones, made to have
 * pages alike in parts (the case where the form tries pages in several orders).
 */
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../src/codec.js';
import { randomStream, type RandomStream } from '../src/walks/random.js';
import type { CocoState } from '../models/coco/index.js';
import { cocoCodec } from '../models/coco/codec.js';
import { initialState } from '../models/coco/state.js';
import { MAX_RENAMED_PAGES, pagesInterchangeable } from '../models/coco/symmetry.js';
import { run, type Params } from './support/coco.js';
import { codecOf, hex, renamed } from './support/cocoRenaming.js';

/** Every permutation of 0..n-1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((rest) => Array.from({ length: n }, (_, k) => [...rest.slice(0, k), n - 1, ...rest.slice(k)]));
}

const identity = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** What brute force says of one state's form: whether it is a renaming of the state, whether every renaming has it, and the least encoding. */
interface Judged {
  form: string;
  least: string;
  member: boolean;
  invariant: boolean;
}

/**
 * Judges forms in a configuration against every renaming: each page order where pages are renamed
 * (up to MAX_RENAMED_PAGES), times each order of CPUs 1..readers.
 */
function bruteForce(params: Params): (s: CocoState) => Judged {
  const { config, encode, canonicalOf } = codecOf(params);
  const pageOrders = pagesInterchangeable(config) && config.pages <= MAX_RENAMED_PAGES ? permutations(config.pages) : [identity(config.pages)];
  const cpuOrders = permutations(config.readers).map((readers) => [0, ...readers.map((r) => r + 1)]);
  const renamings = pageOrders.flatMap((pages) => cpuOrders.map((cpus) => ({ pages, cpus })));
  return (s) => {
    const images = renamings.map(({ pages, cpus }) => encode(renamed(s, pages, cpus)));
    const encodings = images.map(hex);
    // The first renaming is the state itself.
    const form = canonicalOf(images[0]!);
    return {
      form,
      least: encodings.reduce((a, b) => (b < a ? b : a)),
      member: encodings.includes(form),
      invariant: images.every((image) => canonicalOf(image) === form),
    };
  };
}

/** Each form is a renaming of its state and the same for every renaming, and forms and least encodings go together one to one. */
function expectExact(judged: Judged[]): void {
  expect(judged.filter((j) => !j.member).map((j) => j.form), 'forms that are not a renaming of their state').toEqual([]);
  expect(judged.filter((j) => !j.invariant).map((j) => j.form), 'states whose renamings have other forms').toEqual([]);
  const leastOf = new Map<string, string>();
  const formOf = new Map<string, string>();
  for (const { form, least } of judged) {
    leastOf.set(form, least);
    formOf.set(least, form);
  }
  const strays = judged.filter(({ form, least }) => leastOf.get(form) !== least || formOf.get(least) !== form);
  expect(strays, 'forms that split or merge brute force\'s classes').toEqual([]);
}

// 3 pages, then 2 readers. The other layouts (caches not coherent, kexec) are among the random
// states' below, and cocoSymmetry.test.ts exhausts tdx's by orbits.
const REACHABLE: Params[] = [
  { platform: 'hyperv-vtom', pages: 3, readers: 1 },
  { platform: 'hyperv-vtom', pages: 2, readers: 2 },
];

describe('coco canonical form: the same classes as brute force on the whole reachable set', () => {
  for (const params of REACHABLE) {
    it(JSON.stringify(params), async () => {
      const judge = bruteForce(params);
      const judged: Judged[] = [];
      await run(params, { exhaustive: true, onState: (_id, state) => judged.push(judge(state as CocoState)) });
      expectExact(judged);
      // Not vacuous: many states, and classes of more than one.
      expect(judged.length).toBeGreaterThan(1000);
      expect(new Set(judged.map((j) => j.form)).size).toBeLessThan(judged.length);
    }, 60_000);
  }
});

/** A random state of the configuration's layout; `ties` times, one page copied onto another with two readers' entries for it swapped. */
function randomState(params: Params, random: RandomStream, ties: number): CocoState {
  const { config } = codecOf(params);
  const pick = <T>(values: readonly T[]): T => values[random.below(values.length)]!;
  const perPage = <T>(value: () => T): T[] => identity(config.pages).map(value);
  const entry = () => pick([null, null, 'private', 'shared'] as const);
  const lines = ['none', 'clean', 'dirty'] as const;
  const initial = initialState(config);
  const s: CocoState = {
    ...initial,
    pte: perPage(() => ({ present: pick([true, false]), enc: pick(['private', 'shared'] as const) })),
    alias: perPage(entry),
    tlb: identity(config.readers + 1).map(() => perPage(entry)),
    aliasTlb: identity(config.readers + 1).map(() => perPage(entry)),
  };
  if (initial.gpa) s.gpa = perPage(() => pick(['private', 'private-unaccepted', 'shared'] as const));
  if (initial.rmp) s.rmp = perPage(() => pick(['private', 'shared'] as const));
  if (initial.validated) s.validated = perPage(() => pick([true, false]));
  if (initial.visible) s.visible = perPage(() => pick([true, false]));
  if (initial.listed) s.listed = perPage(() => pick([true, false]));
  if (initial.line) s.line = perPage(() => ({ private: pick(lines), shared: pick(lines) }));
  for (let k = 0; k < ties; k++) {
    const [from, to] = [random.below(config.pages), random.below(config.pages)];
    const copied = renamed(s, identity(config.pages).map((p) => (p === to ? from : p)), identity(config.readers + 1));
    Object.assign(s, copied);
    if (config.readers < 2) continue;
    const [a, b] = [1 + random.below(config.readers), 1 + random.below(config.readers)];
    for (const table of [s.tlb, s.aliasTlb]) [table[a]![to], table[b]![to]] = [table[b]![to]!, table[a]![to]!];
  }
  return s;
}

const RANDOM: Params[] = [
  { platform: 'tdx', pages: 3, readers: 3 },
  { platform: 'tdx', pages: 4, readers: 3, kexec: 'crash' },
  { platform: 'snp', pages: 3, readers: 2, coherentCache: false, kexec: 'crash' },
  { platform: 'hyperv-vtom', pages: 2, readers: 4, kexec: 'normal' },
  // Readers only: pages are not a symmetry, or too many to rename.
  { platform: 'tdx', pages: 3, readers: 3, granularity: 'page' },
  { platform: 'snp', pages: 2, readers: 3, hostFailures: true },
  { platform: 'tdx', pages: MAX_RENAMED_PAGES + 1, readers: 3 },
];

describe('coco canonical form: the same classes as brute force on random states', () => {
  for (const [n, params] of RANDOM.entries()) {
    it(JSON.stringify(params), () => {
      const judge = bruteForce(params);
      const random = randomStream(n, 0);
      expectExact(identity(300).map((k) => judge(randomState(params, random, k % 4))));
    });
  }

  it('at 16 readers, where a page\'s signature number is rounded: every renaming has the same form, a renaming of the state', () => {
    const params = { platform: 'tdx', pages: 3, readers: 16 };
    const { config, encode, canonical } = codecOf(params);
    const codec = cocoCodec(config);
    const random = randomStream(99, 0);
    for (let k = 0; k < 200; k++) {
      const s = randomState(params, random, 1 + (k % 6));
      const form = canonical(s);
      const order = (n: number): number[] => {
        const left = identity(n);
        return identity(n).map(() => left.splice(random.below(left.length), 1)[0]!);
      };
      for (let r = 0; r < 10; r++) expect(canonical(renamed(s, order(3), [0, ...order(16).map((c) => c + 1)]))).toBe(form);
      // One of the state's renamings: some page order with the same rows, readers aside, and the same readers' rows in some order.
      const back = codec.decode(new ByteReader(Buffer.from(form, 'hex')));
      const rows = (t: CocoState): string[] => identity(16).map((c) => JSON.stringify([t.tlb[c + 1], t.aliasTlb[c + 1]])).sort();
      // Every CPU given CPU 0's rows: the state with its readers left out.
      const withoutReaders = (t: CocoState): string => hex(encode(renamed(t, identity(3), identity(17).map(() => 0))));
      expect(permutations(3).some((pages) => {
        const image = renamed(s, pages, identity(17));
        return withoutReaders(image) === withoutReaders(back) && JSON.stringify(rows(image)) === JSON.stringify(rows(back));
      })).toBe(true);
    }
  });
});
