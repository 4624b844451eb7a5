/**
 * `--symmetry` must pay: tdx seven-step decrypt at pages 3 and readers 2 on 2 workers, with and
 * without it, alternating and repeated (medians), and the ratio of their times; then what the
 * canonical form costs per state, timed on every reachable state of a smaller configuration.
 */
import { performance } from 'node:perf_hooks';
import { ByteWriter } from '../src/codec.js';
import { check } from '../src/check.js';
import { resolveParams } from '../src/params.js';
import { coco, type CocoState } from '../models/coco/index.js';
import { cocoCodec } from '../models/coco/codec.js';
import { resolveConfig } from '../models/coco/config.js';
import type { CheckResult } from '../src/result.js';
import { measure, median, REPEATS } from './measure.js';
import { printTable } from './table.js';

const PARAMS = { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages: 3, readers: 2 };
const PROFILED = { platform: 'tdx', protocol: 'seven-step', direction: 'decrypt', pages: 3, readers: 1 };

/** Nanoseconds per call of the codec's encode and of its canonicalBytes, over every reachable state of PROFILED. */
async function profile(): Promise<{ states: number; encodeNs: number; canonicalNs: number }> {
  const codec = cocoCodec(resolveConfig(resolveParams(coco.params, PROFILED, coco.validate)));
  const states: CocoState[] = [];
  await check(coco, { params: PROFILED, workers: 1, exhaustive: true, onState: (_id, s) => states.push(s as CocoState) });
  const out = new ByteWriter(1 << 16);
  const timed = (each: (s: CocoState) => void): number => {
    const started = performance.now();
    for (let round = 0; round < 5; round++) for (const s of states) each(s);
    return ((performance.now() - started) * 1e6) / (5 * states.length);
  };
  const encode = (s: CocoState): void => {
    out.reset();
    codec.encode(s, out);
  };
  timed(encode); // warm-up
  const encodeNs = timed(encode);
  const canonicalNs = timed((s) => {
    encode(s);
    codec.canonicalBytes!(out.bytes, 0, out.length);
  }) - encodeNs;
  return { states: states.length, encodeNs, canonicalNs };
}

export async function benchSymmetry(): Promise<void> {
  const plain: CheckResult[] = [];
  const reduced: CheckResult[] = [];
  for (let i = 0; i < REPEATS; i++) {
    plain.push(measure('coco', PARAMS, 2));
    reduced.push(measure('coco', PARAMS, 2, { symmetry: true }));
  }
  const [p, r] = [median(plain), median(reduced)];
  const row = (label: string, x: CheckResult, ratio: string): (string | number)[] =>
    [label, x.workers, x.distinctStates, x.transitions, x.seconds.toFixed(1), Math.round(x.distinctStates / x.seconds), ratio];
  printTable('--symmetry: tdx seven-step decrypt p=3 r=2', ['search', 'workers', 'distinct', 'transitions', 'seconds', 'distinct/s', 'plain/symmetric time'], [
    row('plain', p, ''),
    row('--symmetry', r, `${(p.seconds / r.seconds).toFixed(2)}x`),
  ]);
  const cost = await profile();
  printTable('canonical form per state (tdx p=3 r=1, every reachable state)', ['states', 'encode ns', 'canonicalBytes ns'], [
    [cost.states, cost.encodeNs.toFixed(0), cost.canonicalNs.toFixed(0)],
  ]);
}
