/**
 * `--symmetry` must pay: tdx seven-step decrypt at pages 3 and readers 2 on 2 workers, with and
 * without it, alternating and repeated (medians), and the ratio of their times; then what the
 * encoding costs per state, timed on every reachable state of a smaller configuration, and what the
 * canonical form costs per call, timed on the inputs a symmetric search of a larger one gives it.
 */
import { performance } from 'node:perf_hooks';
import { ByteWriter } from '../src/codec.js';
import { check } from '../src/check.js';
import { resolveParams } from '../src/params.js';
import { coco, type CocoState } from '../models/coco/index.js';
import { cocoCodec } from '../models/coco/codec.js';
import { resolveConfig } from '../models/coco/config.js';
import type { CheckResult } from '../src/result.js';
import { alternate, measure, median } from './measure.js';
import { printTable } from './table.js';

const PARAMS = { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages: 3, readers: 2 };
const PROFILED = { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages: 3, readers: 1 };
const SAMPLED = { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages: 3, readers: 3 };
const SAMPLE_CLASSES = 300_000;
const SAMPLE_EVERY = 40;

/** Nanoseconds per call of the codec's encode, over every reachable state of PROFILED. */
async function encodeCost(): Promise<{ states: number; encodeNs: number }> {
  const codec = cocoCodec(resolveConfig(resolveParams(coco.params, PROFILED, coco.validate)));
  const states: CocoState[] = [];
  await check(coco, { params: PROFILED, workers: 1, exhaustive: true, onState: (_id, s) => states.push(s as CocoState) });
  const out = new ByteWriter(1 << 16);
  const timed = (): number => {
    const started = performance.now();
    for (let round = 0; round < 5; round++) {
      for (const s of states) {
        out.reset();
        codec.encode(s, out);
      }
    }
    return ((performance.now() - started) * 1e6) / (5 * states.length);
  };
  timed(); // warm-up
  return { states: states.length, encodeNs: timed() };
}

/**
 * The inputs canonicalBytes gets in a symmetric search of SAMPLED, successors of the search's
 * representatives rather than reachable states: every SAMPLE_EVERY-th in the search's first
 * SAMPLE_CLASSES classes, recorded by a copy of the model whose codec keeps them.
 */
async function canonicalInputs(): Promise<{ bytes: Uint8Array; ends: number[] }> {
  const kept: Uint8Array[] = [];
  let calls = 0;
  const recording = {
    ...coco,
    build: (params: Parameters<typeof coco.build>[0]) => {
      const built = coco.build(params);
      const { encode, decode, canonicalBytes } = built.codec!;
      const record = (bytes: Uint8Array, start: number, end: number): void => {
        if (calls++ % SAMPLE_EVERY === 0) kept.push(bytes.slice(start, end));
        canonicalBytes!(bytes, start, end);
      };
      return { ...built, codec: { encode, decode, canonicalBytes: record } };
    },
  };
  await check(recording, { params: SAMPLED, workers: 1, symmetry: true, maxStates: SAMPLE_CLASSES });
  const bytes = new Uint8Array(kept.reduce((total, input) => total + input.length, 0));
  const ends: number[] = [];
  for (const input of kept) {
    const at = ends.length === 0 ? 0 : ends[ends.length - 1]!;
    bytes.set(input, at);
    ends.push(at + input.length);
  }
  return { bytes, ends };
}

/** Nanoseconds per call of canonicalBytes over the inputs of SAMPLED's search, the median of 11 rounds. */
async function canonicalCost(): Promise<{ inputs: number; canonicalNs: number }> {
  const codec = cocoCodec(resolveConfig(resolveParams(coco.params, SAMPLED, coco.validate)));
  const { bytes, ends } = await canonicalInputs();
  const work = new Uint8Array(bytes.length);
  const rounds = Array.from({ length: 11 }, () => {
    work.set(bytes);
    const started = performance.now();
    for (let i = 0, start = 0; i < ends.length; start = ends[i++]!) codec.canonicalBytes!(work, start, ends[i]!);
    return ((performance.now() - started) * 1e6) / ends.length;
  });
  return { inputs: ends.length, canonicalNs: rounds.sort((a, b) => a - b)[5]! };
}

export async function benchSymmetry(): Promise<void> {
  const plain: CheckResult[] = [];
  const reduced: CheckResult[] = [];
  await alternate(() => {
    plain.push(measure('coco', PARAMS, 2));
    reduced.push(measure('coco', PARAMS, 2, { symmetry: true }));
  });
  const [p, r] = [median(plain), median(reduced)];
  const row = (label: string, x: CheckResult, ratio: string): (string | number)[] =>
    [label, x.workers, x.distinctStates, x.transitions, x.seconds.toFixed(1), Math.round(x.distinctStates / x.seconds), ratio];
  printTable('--symmetry: tdx seven-step decrypt p=3 r=2', ['search', 'workers', 'distinct', 'transitions', 'seconds', 'distinct/s', 'plain/symmetric time'], [
    row('plain', p, ''),
    row('--symmetry', r, `${(p.seconds / r.seconds).toFixed(2)}x`),
  ]);
  const encoding = await encodeCost();
  printTable('encoding per state (tdx p=3 r=1, every reachable state)', ['states', 'encode ns'], [
    [encoding.states, encoding.encodeNs.toFixed(0)],
  ]);
  const canonical = await canonicalCost();
  printTable(`canonical form per call (tdx p=3 r=3: every ${SAMPLE_EVERY}th input in a symmetric search's first ${SAMPLE_CLASSES} classes)`, ['inputs', 'canonicalBytes ns'], [
    [canonical.inputs, canonical.canonicalNs.toFixed(0)],
  ]);
}
