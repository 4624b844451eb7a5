/**
 * Liveness under fairness: verdicts on models whose answer is known by hand, lassos that are real
 * fair behaviours of the model, the same lasso whatever the number of workers, the refusals, and
 * the lasso in the text report, --json, --itf and the HTML report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { peterson } from '../models/peterson.js';
import { check, type CheckOptions } from '../src/check.js';
import type { AnyModel } from '../src/model.js';
import type { PropertyResult } from '../src/result.js';
import { StopPoll } from '../src/liveness/analysisStop.js';
import { livenessViolation } from '../src/liveness/livenessViolation.js';
import { blinker, detour, stopping } from './fixtures/livenessModels.js';
import { cocomc, expectUsageError } from './support/cocomc.js';
import { ring, ringTree } from './support/ringGraph.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-liveness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verdict(model: AnyModel, name: string, options: CheckOptions = {}): Promise<PropertyResult> {
  const result = await check(model, { workers: 1, properties: [name], ...options });
  return result.properties.find((p) => p.name === name)!;
}

/** The actions a lasso takes, `actor name` each, from its first step; and those of its loop. */
function steps(p: PropertyResult): { all: string[]; loop: string[] } {
  const all = p.trace!.slice(1).map((s) => `${s.actor} ${s.action}`);
  return { all, loop: all.slice(p.loopStart) };
}

/** A lasso is a behaviour of the model that comes back to where its loop starts (or stops there). */
function expectClosedLoop(p: PropertyResult): void {
  expect(p.status).toBe('violated');
  const trace = p.trace!;
  expect(p.traceLength).toBe(trace.length - 1);
  expect(trace.at(-1)!.state).toEqual(trace[p.loopStart!]!.state);
}

describe("Peterson's starvation freedom", () => {
  it('holds under the weak fairness of both processes the model declares, and under --fairness weak and strong', async () => {
    for (const fairness of [undefined, 'weak', 'strong'] as const) {
      const result = await check(peterson, { workers: 1, fairness });
      expect(result.properties.filter((p) => p.kind === 'leadsTo').map((p) => [p.name, p.status])).toEqual([['P0NeverStarves', 'holds'], ['P1NeverStarves', 'holds']]);
      expect(result.fairness).toEqual(['P0', 'P1'].map((group) => ({ kind: fairness ?? 'weak', group })));
      expect(result.stateGraphBytes).toBeGreaterThan(0);
    }
  });

  it('fails without fairness: P0 never moves, outside its critical section, while P1 enters and leaves forever', async () => {
    const p = await verdict(peterson, 'P0NeverStarves', { fairness: 'none' });
    expectClosedLoop(p);
    expect(steps(p).loop).toEqual(['P1 raiseFlag', 'P1 giveTurn', 'P1 enter', 'P1 leave']);
    expect(p.trace!.slice(p.loopStart).every((s) => (s.state as { pc: string[] }).pc[0] !== 'cs')).toBe(true);
  });

  it('gives the same verdicts and lassos with 2 workers expanding every level as with 1', async () => {
    const one = await check(peterson, { workers: 1, fairness: 'none' });
    const two = await check(peterson, { workers: 2, fairness: 'none', batchSize: 1, minBatchesForWorkers: 1 });
    expect(two.workersUsed).toBeGreaterThan(0);
    expect(two.properties).toEqual(one.properties);
  });
});

describe('fair cycles', () => {
  it('a counterexample ends in the only fair cycle, not in the unfair one met first', async () => {
    const fair = await verdict(detour, 'Finishes');
    expectClosedLoop(fair);
    expect(steps(fair)).toEqual({ all: ['spinner toA', 'spinner toB', 'spinner idle'], loop: ['spinner idle'] });
    // Without fairness the first cycle is fair too, and the lasso takes it.
    const unfair = await verdict(detour, 'Finishes', { fairness: 'none' });
    expect(steps(unfair)).toEqual({ all: ['spinner toA', 'spinner backFromA'], loop: ['spinner toA', 'spinner backFromA'] });
  });

  it('strong fairness of an action disabled every other state makes it taken; weak fairness does not', async () => {
    expect((await verdict(blinker, 'Leaves')).status).toBe('holds');
    expect((await verdict(blinker, 'Leaves', { fairness: 'strong' })).status).toBe('holds');
    const weak = await verdict(blinker, 'Leaves', { fairness: 'weak' });
    expectClosedLoop(weak);
    expect(steps(weak).loop).toEqual(['light blink', 'light blink']);
  });

  it('a state without enabled actions is a behaviour that stays there forever', async () => {
    const p = await verdict(stopping, 'AnsweredAtThree');
    expect(p.status).toBe('violated');
    expect(steps(p).all).toEqual(['counter count', 'counter count']);
    expect(p.loopStart).toBe(2);
  });
});

describe('what liveness refuses, and an incomplete search', () => {
  it('refuses --symmetry and --max-depth, and a bad --fairness, with a UsageError', async () => {
    const symmetric = { ...peterson, build: () => ({ ...peterson.build({}), canonicalize: (s: unknown) => s }) };
    await expect(check(symmetric, { symmetry: true, properties: ['P0NeverStarves'] })).rejects.toThrow('--symmetry cannot check liveness properties (P0NeverStarves): a symmetry-reduced graph can have cycles the model has not; drop one');
    await expect(check(peterson, { maxDepth: 3 })).rejects.toThrow('--max-depth cannot check liveness properties (P0NeverStarves, P1NeverStarves): a depth bound cuts every infinite behaviour short; drop one');
    await expect(check(peterson, { fairness: 'fair' as never })).rejects.toThrow("bad value 'fair' for --fairness; accepted: none, weak, strong");
  });

  it('refuses --checkpoint and --resume, whose checkpoints keep no state graph, with liveness and with --dot', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-liveness-'));
    try {
      await expect(check(peterson, { checkpoint: dir, properties: ['P0NeverStarves'] })).rejects.toThrow('--checkpoint and --resume cannot check liveness properties (P0NeverStarves): a checkpoint keeps no state graph, on which they are decided; drop one');
      expectUsageError(cocomc('check', 'diehard', '--dot', path.join(dir, 'g.dot'), '--checkpoint', dir), 'cocomc: --checkpoint and --resume cannot draw the state graph (--dot)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fairness weak covers every actor that takes an action, also one the model\'s lanes leave out', async () => {
    const lanes = { ...detour, build: () => ({ ...detour.build({}), actors: ['spinner'] }) };
    const result = await check(lanes, { fairness: 'weak' });
    expect(result.fairness).toEqual([{ kind: 'weak', group: 'spinner' }, { kind: 'weak', group: 'worker' }]);
    expect(result.properties[0]!.status).toBe('violated');
  });

  it('a fairness declaration that names no action is a model error', async () => {
    const broken = { ...detour, build: () => ({ ...detour.build({}), fairness: [{ actor: 'nobody', kind: 'weak' as const }] }) };
    await expect(check(broken)).rejects.toThrow("model 'detour' declares weak fairness of 'nobody', which names no action of it");
  });

  it('a search cut short leaves liveness unknown, never holds', async () => {
    const result = await check(peterson, { workers: 1, maxStates: 5 });
    expect(result.complete).toBe(false);
    expect(result.properties.find((p) => p.name === 'P0NeverStarves')!.status).toBe('unknown');
  });
});

describe('the lasso in the reports', () => {
  const args = ['check', 'peterson', '--workers', '1', '--fairness', 'none', '--property', 'P0NeverStarves'];

  it('the text report marks where the loop starts and says where it goes back to; exit 1', () => {
    const run = cocomc(...args);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Liveness property P0NeverStarves is violated. A behavior that breaks it assuming no fairness');
    expect(run.stdout).toMatch(/^State 1: <initial state> {3}<- the loop starts here$/m);
    expect(run.stdout).toMatch(/^Back to state 1: the loop of 4 steps repeats forever\.$/m);
    expect(run.stdout).toMatch(/^Liveness assuming no fairness: the state graph held [\d.]+ KiB \([\d.]+ bytes\/state\)\.$/m);
  });

  it('--json has loopStart, --itf its loop (the repeated state left out), --html the loop marked', () => {
    const itf = path.join(dir, 'lasso.itf.json');
    const html = path.join(dir, 'lasso.html');
    const run = cocomc(...args, '--json', '--itf', itf, '--html', html);
    const p = (JSON.parse(run.stdout) as { properties: PropertyResult[] }).properties[0]!;
    expect([p.loopStart, p.traceLength]).toEqual([0, 4]);
    const trace = JSON.parse(readFileSync(itf, 'utf8')) as { loop: number; states: unknown[] };
    expect([trace.loop, trace.states.length]).toEqual([0, 4]);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<tr data-step="\d" class="in-loop">/g)).toHaveLength(4);
    expect(page).toContain('class="initial loop-start"');
    expect(page).toContain('Back to step 0: the loop of 4 steps repeats forever.');
    expect(page).toContain('<dt>liveness</dt><dd>assuming no fairness</dd>');
  });

  it('the command line refuses --max-depth with a liveness property: exit 2, one line', () => {
    expectUsageError(cocomc('check', 'peterson', '--max-depth', '3'), 'cocomc: --max-depth cannot check liveness properties (P0NeverStarves, P1NeverStarves)');
  });

  it('simulate refuses a liveness property by name and leaves it out by default', () => {
    expectUsageError(cocomc('simulate', 'peterson', '--property', 'P0NeverStarves'), "cocomc: simulate cannot check leadsTo property 'P0NeverStarves'");
    expect(cocomc('simulate', 'peterson', '--runs', '5').stdout).not.toContain('NeverStarves');
  });
});

describe('a long lasso', () => {
  it('is built around a loop of 200,000 states (spreading its steps into push() overflowed the call stack)', () => {
    const lasso = livenessViolation(ring(200_000), 0, true, ringTree, [], new StopPoll(() => undefined));
    expect([lasso?.path.length, lasso?.loopStart]).toEqual([200_001, 0]);
  });
});
