/** `replay`: traces written by `check --itf`, edited by hand, or written by hand as other tools write them. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dieHard } from '../models/dieHard.js';
import { flip } from '../models/flip.js';
import { naiveLock, peterson } from '../models/peterson.js';
import { twoPhase } from '../models/twoPhase.js';
import { check, replay, readItf, toItf, type AnyModel } from '../src/index.js';
import { deadlocking } from './fixtures/deadlockModel.js';
import { cocomc, expectUsageError } from './support/cocomc.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-replay-'));
const file = (name: string, document: unknown): string => {
  const where = path.join(dir, name);
  writeFileSync(where, typeof document === 'string' ? document : JSON.stringify(document));
  return where;
};

/** The ITF document `--itf` writes for `property`'s trace. */
async function itfOf(model: AnyModel, property: string, params = {}) {
  const result = await check(model, { workers: 1, params, properties: [property] });
  return toItf(result, result.properties.find((p) => p.name === property)!);
}

describe('replay', () => {
  it.each([
    [dieHard, 'NotSolved', {}, 6],
    [naiveLock, 'MutualExclusion', {}, 4],
    [peterson, 'P1EntersCritical', {}, 3],
    [twoPhase, 'AllCommitted', { rms: 2 }, 7],
    [deadlocking, 'BothDone', {}, 6],
  ])('accepts the trace check writes for $0.name, naming each step and what breaks', async (model, property, params, length) => {
    const result = replay(model, readItf(await itfOf(model, property, params), 'trace'), { params });
    expect(result.mismatch).toBeNull();
    expect(result.behaviour).toBe(true);
    expect(result.steps).toHaveLength(length + 1);
    const last = result.steps.at(-1)!;
    if (model.name === 'diehard' || model.name === 'naivelock') expect(last.broken).toEqual([property]);
    expect(result.steps.every((s) => !s.metaDisagrees)).toBe(true);
  });

  it('names the first step that is not a transition, the actions enabled before it, and how the nearest successor differs', async () => {
    const itf = await itfOf(dieHard, 'NotSolved');
    (itf.states[3] as Record<string, unknown>).small = 1;
    const result = replay(dieHard, readItf(itf, 'trace'));
    expect(result.behaviour).toBe(false);
    expect(result.steps).toHaveLength(3);
    expect(result.mismatch).toMatchObject({ index: 3, enabled: dieHard.build({}).actions.map((a) => ({ action: a.name, actor: 'jugs', args: '' })) });
    expect(result.mismatch!.nearest).toEqual({ action: { action: 'EmptySmall', actor: 'jugs', args: '' }, differences: [{ path: 'small', trace: 1, model: 0 }] });
  });

  it('refuses a first state that is not initial, naming the fields that differ', () => {
    const result = replay(dieHard, readItf({ states: [{ small: 0, big: 2 }] }, 'trace'));
    expect(result.mismatch).toEqual({ index: 0, enabled: [], nearest: { action: null, differences: [{ path: 'big', trace: 2, model: 0 }] } });
  });

  it("reads hand-written ITF: any key order, #bigint, #tup, #map, Quint's mbt variables, and an action other than #meta's", () => {
    const trace = readItf({
      vars: ['big', 'small'],
      states: [
        { big: { '#bigint': '0' }, small: 0 },
        { '#meta': { action: 'FillBig' }, small: 0, big: 0 },
        { 'mbt::actionTaken': 'FillBig', 'mbt::nondetPicks': { '#map': [] }, small: 0, big: 5 },
      ],
    }, 'trace');
    const result = replay(dieHard, trace);
    expect(result.behaviour).toBe(true);
    // (0, 0) -> (0, 0) is no FillBig: EmptySmall, the first action that leads there, explains it.
    expect(result.steps.map((s) => [s.action, s.metaDisagrees])).toEqual([[null, false], ['EmptySmall', true], ['FillBig', false]]);
    const ring = readItf({ states: [{ state: { '#tup': [false, false, false] } }, { state: [false, true, false] }] }, 'trace');
    expect(replay(flip, ring, { params: { n: 3 } }).steps.map((s) => s.label)).toEqual(['initial state', 'bit1 Flip bit 1']);
  });

  it('reports a last state that is a deadlock', () => {
    const stuck = readItf({ states: [{ owner: [-1, -1], pc: [0, 0] }, { owner: [0, -1], pc: [1, 0] }, { owner: [0, 1], pc: [1, 1] }] }, 'trace');
    expect(replay(deadlocking, stuck).steps.map((s) => s.broken)).toEqual([[], [], ['Deadlock']]);
    expect(replay(deadlocking, stuck, { deadlock: false }).steps.at(-1)!.broken).toEqual([]);
  });

  it.each([
    [{ states: [] }, 'trace is not an ITF trace: it needs a non-empty "states" list'],
    [{ states: [{ small: { '#set': [1] }, big: 0 }] }, "cannot read variable 'small' of state 0 of trace: {\"#set\":[1]} is a set; cocomc states hold no sets"],
    [{ states: [{ small: 0, big: { '#bigint': '123456789012345678901234567890' } }] }, "cannot read variable 'big' of state 0 of trace: "],
    [{ states: [{ small: 0, big: { '#map': [[1, 2]] } }] }, "cannot read variable 'big' of state 0 of trace: {\"#map\":[[1,2]]}: only maps with string keys become records"],
    [{ states: [7] }, 'cannot read state 0 of trace: 7 is not a record of variables'],
  ])('refuses what it cannot read in one line naming the state and the variable: %j', (document, message) => {
    expect(() => readItf(document, 'trace')).toThrow(message);
  });
});

describe('cocomc replay', () => {
  const steps = 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent';

  it('replays the CoCo counterexample check --itf writes (exit 0), and names the edited step (exit 1)', () => {
    const written = path.join(dir, 'coco.itf.json');
    expect(cocomc('check', 'coco', '--steps', steps, '--property', 'NoMismatchedAccess', '--workers', '1', '--itf', written).code).toBe(1);
    const ok = cocomc('replay', written, 'coco', '--steps', steps);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^State 8 \(states\[7\]\): CPU1 zeropadLoad page 0: .* breaks NoMismatchedAccess, NoFatalMismatch, ConsistentTranslations$/m);
    expect(ok.stdout).toContain('The trace is a behaviour of the model');

    const itf = JSON.parse(readFileSync(written, 'utf8'));
    itf.states[5].pte[0].enc = itf.states[4].pte[0].enc;
    const edited = cocomc('replay', file('coco-edited.itf.json', itf), 'coco', '--steps', steps, '--json');
    expect(edited.code).toBe(1);
    const result = JSON.parse(edited.stdout);
    expect(result).toMatchObject({ behaviour: false, states: 8, mismatch: { index: 5, nearest: { action: { action: 'setEnc', actor: 'CPU0' } } } });
    expect(result.mismatch.nearest.differences.map((d: { path: string }) => d.path)).toEqual(['pte[0].enc']);
    expect(result.mismatch.enabled.map((a: { action: string }) => a.action)).toContain('setEnc');
  }, 60_000); // three runs of the command line: on a busy machine they took more than vitest's 5 s

  it("takes the model from the trace's #meta.source when none is named", () => {
    const written = path.join(dir, 'diehard.itf.json');
    cocomc('check', 'diehard', '--itf', written);
    const run = cocomc('replay', written);
    expect([run.code, run.stdout.split('\n')[0]]).toEqual([0, `cocomc: replaying ${written} (7 states) against diehard`]);
  });

  it.each([
    [['replay'], 'cocomc: replay needs a trace file: cocomc replay TRACE.itf.json [MODEL] [flags]'],
    [['replay', path.join(dir, 'absent.json'), 'diehard'], `cocomc: cannot read the trace ${path.join(dir, 'absent.json')}: ENOENT`],
    [['replay', file('bad.json', '{"states": ['), 'diehard'], `cocomc: ${path.join(dir, 'bad.json')} is not JSON: `],
  ])('2 for a bad file or flag, in one line: %j', (args, message) => {
    expectUsageError(cocomc(...args), message);
  });

  it('documents every flag in help, with the model after the trace', () => {
    const help = cocomc('help', 'replay', 'diehard').stdout;
    for (const flag of ['--property', '--deadlock', '--json']) expect(help).toContain(`  ${flag}`);
    expect(help).toContain('Usage: cocomc replay TRACE.itf.json [MODEL] [flags]');
    expect(cocomc('replay', 'x.itf.json', 'flip', '--help').stdout).toContain('Parameters of flip');
  });
});

describe('replay() from the library', () => {
  it('validates its options by the engine rules: an unknown key or a bad value is one UsageError', () => {
    expect(() => replay(dieHard, [], { deadlock: 'yes' } as never)).toThrow("bad value 'yes' for --deadlock; accepted: true or false");
    expect(() => replay(dieHard, [], { depth: 3 } as never)).toThrow("unknown replay option 'depth'; accepted: params, properties, deadlock");
  });
});
