/**
 * kexec and kdump during a conversion (spec 11): `--kexec none` is the seed exactly (11.9.1), the
 * conventions of 11.9 on small configurations, and what the model gives for the hypotheses of
 * 11.10 (pages 1, readers 1).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { renderHtml } from '../src/report/html.js';
import { instantiate } from '../src/modelInstance.js';
import { coco, type CocoState } from '../models/coco/index.js';
import { last, run, runFor, statuses, type Params } from './support/coco.js';

interface SeedOutput {
  params: Params;
  property: string;
  counts: number[];
  statuses: [string, string, number | null][];
  coverage: string;
  labels: string[];
}

/** Seed configurations' counts, verdicts, coverage and one counterexample, recorded before kexec existed. */
const SEED: SeedOutput[] = JSON.parse(readFileSync(new URL('./fixtures/cocoSeedOutput.json', import.meta.url), 'utf8'));

describe('coco --kexec none is the seed (spec 11.9.1)', () => {
  for (const seed of SEED) {
    for (const kexec of [undefined, 'none']) {
      it(`${JSON.stringify(seed.params)}, kexec ${kexec ?? 'not given'}`, async () => {
        const result = await run({ ...seed.params, ...(kexec ? { kexec } : {}) }, { exhaustive: true });
        expect([result.distinctStates, result.transitions, result.depth]).toEqual(seed.counts);
        expect(result.properties.map((p) => [p.name, p.status, p.traceLength ?? null])).toEqual(seed.statuses);
        expect(result.coverage.map((c) => `${c.action} ${c.distinct}:${c.generated}`).join(', ')).toBe(seed.coverage);
        expect(result.properties.find((p) => p.name === seed.property)!.trace!.map((step) => step.label)).toEqual(seed.labels);
        expect(result.params).not.toHaveProperty('kexec');
      });
    }
  }
});

/** Every reachable state and edge of a configuration, with the actions' names. */
async function explore(params: Params): Promise<{ states: Map<number, CocoState>; edges: { from: CocoState; to: CocoState; action: string; actor: string }[] }> {
  const states = new Map<number, CocoState>();
  const raw: [number, number, number][] = [];
  await check(coco, { params, workers: 1, exhaustive: true, onState: (id, s) => states.set(id, s as CocoState), onEdge: (f, t, a) => raw.push([f, t, a]) });
  const { actions } = instantiate(coco, params);
  return { states, edges: raw.map(([f, t, a]) => ({ from: states.get(f)!, to: states.get(t)!, action: actions[a]!.name, actor: actions[a]!.actor })) };
}

const KEXEC_ACTIONS = ['kexecBegin', 'kexecStop', 'kexecFinish'];

describe('coco --kexec: the conventions of spec 11.9', () => {
  for (const [kexec, order] of [['normal', ['kexecBegin', 'kexecStop', 'kexecFinish']], ['crash', ['kexecStop', 'kexecBegin', 'kexecFinish']]] as const) {
    it(`${kexec}: the three kexec actions, in order, each one action that moves kx by one; nothing else moves it (11.9.2, 11.9.6)`, async () => {
      const { edges } = await explore({ platform: 'tdx', pages: 1, readers: 1, hostFailures: true, kexec });
      const kexecEdges = edges.filter((e) => KEXEC_ACTIONS.includes(e.action));
      expect(kexecEdges.length).toBeGreaterThan(0);
      for (const e of kexecEdges) {
        expect(e.actor).toBe('kexec CPU');
        expect(e.to.kx).toBe(e.from.kx! + 1);
        expect(e.action).toBe(order[e.from.kx!]);
      }
      for (const e of edges.filter((e) => !KEXEC_ACTIONS.includes(e.action))) expect(e.to.kx).toBe(e.from.kx);
    });
  }

  it('after kexecFinish only writeBack is enabled; once stopped, only writeBack and the kexec CPU act (11.9.5)', async () => {
    const { edges } = await explore({ platform: 'tdx', pages: 1, readers: 1, protocol: 'rfc', kexec: 'crash' });
    expect(edges.some((e) => e.from.kx === 3)).toBe(true);
    expect(new Set(edges.filter((e) => e.from.kx === 3).map((e) => e.action))).toEqual(new Set(['writeBack']));
    expect(new Set(edges.filter((e) => e.from.kx! >= 1).map((e) => e.action))).toEqual(new Set(['writeBack', 'kexecBegin', 'kexecFinish']));
  });

  it('-EBUSY is its own terminal value, not error, and is no NoErrorWithoutFaults violation (11.3, 11.7)', async () => {
    const { edges } = await explore({ platform: 'tdx', pages: 1, readers: 1, hostFailures: true, kexec: 'normal' });
    const busy = edges.filter((e) => e.from.result !== 'busy' && e.to.result === 'busy');
    expect(busy.length).toBeGreaterThan(0);
    for (const e of busy) expect([e.action, e.from.kx, e.from.pc, e.from.result]).toEqual(['return', 1, 0, 'running']);
    expect(edges.some((e) => e.to.result === 'error')).toBe(true);
    const result = await run({ platform: 'tdx', pages: 1, readers: 1, kexec: 'normal' });
    expect(statuses(result).NoErrorWithoutFaults).toBe('holds');
  });

  it('hvList comes before every setVisibility, per page with granularity page (11.6, 11.9.8)', async () => {
    const result = await run({ pages: 2, readers: 0, granularity: 'page', kexec: 'normal' }, { properties: ['CanComplete'], deadlock: false });
    const notify = result.properties[0]!.trace!.map((step) => step.action).filter((a) => a?.startsWith('notify.'));
    expect(notify).toEqual(['notify.hvList', 'notify.setVisibility', 'notify.hvList', 'notify.setVisibility']);
  });

  it('a failed setVisibility undoes the list update of every page of the call (11.6)', async () => {
    const { edges } = await explore({ pages: 2, readers: 0, hostFailures: true, direction: 'encrypt', kexec: 'normal' });
    const failed = edges.filter((e) => e.action === 'notify.setVisibility' && e.to.result === 'running' && e.to.pc > e.from.pc + 1);
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed) expect(e.to.listed).toEqual([true, true]);
  });

  for (const platform of ['tdx', 'snp', 'hyperv-vtom'] as const) {
    it(`only the TDX walk sets acctOff (11.9.7): ${platform}`, async () => {
      const { edges } = await explore({ platform, pages: 1, readers: 1, protocol: 'before', kexec: 'crash' });
      const setting = edges.filter((e) => !e.from.acctOff && e.to.acctOff);
      if (platform === 'tdx') expect(setting.length).toBeGreaterThan(0);
      else expect(setting).toEqual([]);
      for (const e of setting) expect(e.action).toBe('kexecFinish');
    });
  }

  it('reports the two kexec properties after the seed invariants and before CanComplete (11.9.10), and the kexec CPU as a lane', async () => {
    const result = await run({ pages: 1, readers: 1, kexec: 'crash' });
    expect(result.properties.map((p) => p.name).slice(7, 11)).toEqual(['NoErrorWithoutFaults', 'KexecLeavesAllPrivate', 'KexecAccounting', 'CanComplete']);
    expect(result.params).toMatchObject({ kexec: 'crash' });
    expect(instantiate(coco, { kexec: 'crash' }).actors).toContain('kexec CPU');
  });
});

type Verdicts = Record<string, 'holds' | 'violated'>;
const HOLDS: Verdicts = { KexecLeavesAllPrivate: 'holds', KexecAccounting: 'holds' };
const MISSED: Verdicts = { KexecLeavesAllPrivate: 'violated', KexecAccounting: 'violated' };
const MISCOUNTED: Verdicts = { KexecLeavesAllPrivate: 'holds', KexecAccounting: 'violated' };
const LEFT_SHARED: Verdicts = { KexecLeavesAllPrivate: 'violated', KexecAccounting: 'holds' };
const PROTOCOLS = ['before', 'seven-step', 'v1', 'hyperv'] as const;
const PLATFORMS = ['tdx', 'snp', 'hyperv-vtom'] as const;

/** What the model gives for each hypothesis of spec 11.10, at pages 1 and readers 1. */
const HYPOTHESES: [string, Params, Verdicts][] = [
  ...PLATFORMS.flatMap((platform) => PROTOCOLS.flatMap((protocol) => (['decrypt', 'encrypt'] as const).map((direction): [string, Params, Verdicts] =>
    ['normal without host failures holds everywhere', { kexec: 'normal', platform, protocol, direction }, HOLDS]))),
  ['tdx before crash decrypt: found, not counted', { kexec: 'crash', platform: 'tdx', protocol: 'before', direction: 'decrypt' }, MISCOUNTED],
  ['tdx before crash encrypt: found while private, counted as shared', { kexec: 'crash', platform: 'tdx', protocol: 'before', direction: 'encrypt' }, MISCOUNTED],
  ...(['seven-step', 'v1'] as const).flatMap((protocol): [string, Params, Verdicts][] => [
    [`tdx ${protocol} crash encrypt: the private PTE hides a shared page`, { kexec: 'crash', platform: 'tdx', protocol, direction: 'encrypt' }, MISSED],
    [`tdx ${protocol} crash decrypt: the not-present shared PTE is found`, { kexec: 'crash', platform: 'tdx', protocol, direction: 'decrypt' }, MISCOUNTED],
    [`snp ${protocol} crash encrypt: an encrypted PTE on a shared RMP page`, { kexec: 'crash', platform: 'snp', protocol, direction: 'encrypt' }, LEFT_SHARED],
    [`snp ${protocol} crash decrypt: the walk oopses or holds`, { kexec: 'crash', platform: 'snp', protocol, direction: 'decrypt' }, { ...HOLDS, NoKernelOops: 'violated' }],
  ]),
  ...(['decrypt', 'encrypt'] as const).map((direction): [string, Params, Verdicts] =>
    [`snp before crash ${direction}: the walk skips an encrypted PTE`, { kexec: 'crash', platform: 'snp', protocol: 'before', direction }, LEFT_SHARED]),
  ...PROTOCOLS.flatMap((protocol): [string, Params, Verdicts][] => [
    [`hyperv-vtom ${protocol} crash decrypt: listed before visible`, { kexec: 'crash', protocol, direction: 'decrypt' }, HOLDS],
    [`hyperv-vtom ${protocol} crash encrypt: unlisted while still visible`, { kexec: 'crash', protocol, direction: 'encrypt' }, LEFT_SHARED],
    [`hyperv-vtom ${protocol} host failures decrypt: the undo unlists a visible page`, { kexec: 'normal', hostFailures: true, protocol, direction: 'decrypt' }, LEFT_SHARED],
    [`hyperv-vtom ${protocol} host failures encrypt: the undo relists`, { kexec: 'normal', hostFailures: true, protocol, direction: 'encrypt' }, HOLDS],
    [`hyperv-vtom ${protocol} crash encrypt, list kept a superset: closed`, { kexec: 'crash', hvListOrder: 'superset', protocol, direction: 'encrypt' }, HOLDS],
    [`hyperv-vtom ${protocol} host failures decrypt, list kept a superset: closed`, { kexec: 'normal', hvListOrder: 'superset', hostFailures: true, protocol, direction: 'decrypt' }, HOLDS],
  ]),
  ['tdx before host failures decrypt: a leaked range is found, not counted', { kexec: 'normal', hostFailures: true, platform: 'tdx', protocol: 'before', direction: 'decrypt' }, MISCOUNTED],
  ['tdx seven-step host failures encrypt: a failed notify after setEnc is missed', { kexec: 'normal', hostFailures: true, platform: 'tdx', protocol: 'seven-step', direction: 'encrypt' }, MISSED],
  ['tdx v1 host failures encrypt: a failed notify after setEnc is missed', { kexec: 'normal', hostFailures: true, platform: 'tdx', protocol: 'v1', direction: 'encrypt' }, MISSED],
  ...PLATFORMS.map((platform): [string, Params, Verdicts] =>
    [`${platform}: a caller that frees the range after -EBUSY hands out shared pages`, { kexec: 'normal', platform, direction: 'encrypt', onError: 'free' }, { ...HOLDS, ErrorLeavesNoHazard: 'violated' }]),
];

describe('coco --kexec: the hypotheses of spec 11.10, pages 1, readers 1', () => {
  it.each(HYPOTHESES)('%s', async (_, params, expected) => {
    const result = await run({ pages: 1, readers: 1, ...params }, { deadlock: false });
    const got = statuses(result);
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, got[name]]))).toEqual(expected);
  });

  it.each(['seven-step', 'v1'])('snp %s crash decrypt: the walk itself oopses on the not-present shared PTE (11.5, 11.10)', async (protocol) => {
    // A temporary PVALIDATE VA keeps the conversion's own oops [F0.3] out of the way.
    const oops = await runFor({ platform: 'snp', protocol, pvalidateVa: 'temporary', pages: 1, readers: 1, kexec: 'crash' }, 'NoKernelOops');
    expect(oops.status).toBe('violated');
    expect(last(oops).action).toBe('kexecFinish');
    expect(last(oops).label).toContain('clflush_cache_range() through a not-present PTE -> #PF, kernel oops');
  });

  it('draws the kexec CPU as its own lane of the HTML report, between the CPUs and the cache', async () => {
    const result = await run({ platform: 'tdx', pages: 1, readers: 1, kexec: 'crash', direction: 'encrypt' }, { properties: ['KexecLeavesAllPrivate'], deadlock: false });
    const lanes = [...renderHtml(result).matchAll(/<th scope="col" class="lane-head"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(lanes).toEqual(['CPU0', 'CPU1', 'kexec CPU', 'cache']);
    expect(renderHtml(result)).toMatch(/data-actor="kexec CPU"><span class="label">kexec CPU kexecFinish: tdx_kexec_finish\(\): no PTE with the shared bit/);
  });

  it('the shortest kdump that leaves a vTOM page visible: crash between hvList(remove) and setVisibility(private)', async () => {
    const result = await run({ pages: 1, readers: 1, kexec: 'crash', direction: 'encrypt' }, { properties: ['KexecLeavesAllPrivate'], deadlock: false });
    const trace = result.properties[0]!.trace!.map((step) => step.action);
    expect(trace.slice(-5)).toEqual(['flushTlb', 'notify.hvList', 'kexecStop', 'kexecBegin', 'kexecFinish']);
  });
});
