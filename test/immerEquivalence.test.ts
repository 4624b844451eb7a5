/**
 * The engine runs recipes on scratch copies, not through immer; this checks that every transition
 * it explores is exactly the one immer's produce makes from the same state.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import type { AnyModel } from '../src/model.js';
import { instantiate } from '../src/modelInstance.js';
import { applyAction, isEnabled } from '../src/trace.js';
import { dieHard } from '../models/dieHard.js';
import { flip } from '../models/flip.js';
import { peterson } from '../models/peterson.js';
import { twoPhase } from '../models/twoPhase.js';
import { coco } from '../models/coco/index.js';

export async function expectImmerEquivalence(model: AnyModel, params: Record<string, string | number | boolean> = {}): Promise<number> {
  const states = new Map<number, unknown>();
  const edges: [number, number, number][] = [];
  await check(model, { workers: 1, exhaustive: true, params, onState: (id, s) => states.set(id, s), onEdge: (f, t, a) => edges.push([f, t, a]) });
  const { actions } = instantiate(model, params);
  for (const [from, to, a] of edges) {
    expect(isEnabled(actions[a], states.get(from))).toBe(true);
    expect(applyAction(actions[a], states.get(from))).toEqual(states.get(to));
  }
  return edges.length;
}

describe('scratch-copy successors equal immer produce', () => {
  it.each([
    ['diehard', dieHard, {}],
    ['flip', flip, { n: 9 }],
    ['peterson', peterson, {}],
    // Without a codec of their own: drafts are refilled between actions (see layoutCodec.ts).
    ['flip without its codec', flip, { n: 9, packed: false }],
    ['twophase', twoPhase, { rms: 3 }],
    ['coco, tdx with host failures and a reallocating caller', coco, { platform: 'tdx', readers: 1, hostFailures: true, onError: 'free' }],
    ['coco, snp encrypt, page by page', coco, { platform: 'snp', direction: 'encrypt', readers: 1, granularity: 'page' }],
    ['coco, hyperv, vmalloc_to_pfn lookup', coco, { protocol: 'hyperv', pfnLookup: 'requires-present', readers: 1 }],
    ['coco, tdx kdump with host failures and a reallocating caller', coco, { platform: 'tdx', readers: 1, pages: 1, hostFailures: true, onError: 'free', kexec: 'crash' }],
    ['coco, snp kexec without a coherent cache', coco, { platform: 'snp', readers: 1, pages: 1, coherentCache: false, kexec: 'normal' }],
    ['coco, hyperv kdump with host failures page by page', coco, { protocol: 'hyperv', readers: 1, hostFailures: true, granularity: 'page', kexec: 'crash' }],
  ] as const)('%s', async (_, model, params) => {
    expect(await expectImmerEquivalence(model, params)).toBeGreaterThan(10);
  }, 60_000);
});
