/** The ITF export: values encoded as Apalache and Quint read them, and `--itf` writing one state per trace step. */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dieHard } from '../models/dieHard.js';
import { check } from '../src/check.js';
import { itfValue, toItf, traceToExport } from '../src/report/itf.js';
import type { CheckResult } from '../src/result.js';
import { cocomc } from './support/cocomc.js';

const dir = path.resolve('test-artifacts');
mkdirSync(dir, { recursive: true });

describe('ITF values', () => {
  it('keeps safe integers, strings and booleans; writes larger integers as #bigint', () => {
    expect(itfValue(42)).toBe(42);
    expect(itfValue('private')).toBe('private');
    expect(itfValue(false)).toBe(false);
    expect(itfValue(2 ** 60)).toEqual({ '#bigint': '1152921504606846976' });
    expect(itfValue(-(2 ** 53))).toEqual({ '#bigint': '-9007199254740992' });
    expect(itfValue(12345678901234567890n)).toEqual({ '#bigint': '12345678901234567890' });
  });

  it('turns arrays into lists and objects into records, all the way down', () => {
    expect(itfValue({ pte: [{ present: true, enc: 'shared' }], n: 2 ** 54 })).toEqual({
      pte: [{ present: true, enc: 'shared' }],
      n: { '#bigint': '18014398509481984' },
    });
  });

  it('marks what ITF cannot express (null, fractions) as #unserializable instead of dropping it', () => {
    expect(itfValue([null, 'private'])).toEqual([{ '#unserializable': 'null' }, 'private']);
    expect(itfValue(0.5)).toEqual({ '#unserializable': '0.5' });
  });
});

describe('ITF traces', () => {
  it("has one state per trace step, each naming the action that led to it in its #meta", async () => {
    const result = await check(dieHard, { workers: 1 });
    const property = result.properties[0]!;
    const itf = toItf(result, property);
    expect(itf['#meta']).toMatchObject({ format: 'ITF', source: 'diehard', property: 'NotSolved', status: 'violated' });
    expect(itf.vars).toEqual(['small', 'big']);
    expect(itf.states).toHaveLength(property.traceLength! + 1);
    itf.states.forEach((state, i) => {
      const step = property.trace![i]!;
      expect(state['#meta']).toEqual({ index: i, action: step.action ?? 'init', actor: step.actor ?? '', args: step.args, label: step.label });
      expect({ small: state.small, big: state.big }).toEqual(step.state);
    });
    expect(itf.states.at(-1)).toMatchObject({ big: 4 });
  });

  it('holds a state that is not a record (a ring of bits) as one variable, `state`', () => {
    const step = { index: 0, action: null, actor: null, args: '', step: null, label: 'initial state', actionIndex: 0, state: [false, true], changes: [] };
    const property = { name: 'P', kind: 'always' as const, doc: '', status: 'violated' as const, traceLength: 0, trace: [step] };
    const itf = toItf({ model: 'ring', params: {} }, property);
    expect(itf.vars).toEqual(['state']);
    expect(itf.states[0]).toMatchObject({ state: [false, true] });
  });

  it('exports the first violated property, or the first one --property names that has a trace', () => {
    const p = (name: string, status: 'holds' | 'violated' | 'witnessed') => ({ name, kind: 'always' as const, doc: '', status, traceLength: status === 'holds' ? null : 0, trace: status === 'holds' ? null : [] });
    const result = { properties: [p('A', 'holds'), p('B', 'witnessed'), p('C', 'violated'), p('D', 'violated')] } as unknown as CheckResult;
    expect(traceToExport(result)?.name).toBe('C');
    expect(traceToExport(result, ['A', 'B'])?.name).toBe('B');
    expect(traceToExport(result, ['A'])).toBeUndefined();
  });
});

describe('cocomc check --itf', () => {
  it('writes the counterexample as ITF that parses, one state per step, and leaves stdout alone', () => {
    const file = path.join(dir, 'naivelock.itf.json');
    rmSync(file, { force: true });
    const json = cocomc('check', 'naivelock', '--workers', '1', '--json', '--itf', file);
    const trace = JSON.parse(json.stdout).properties[0].trace;
    const itf = JSON.parse(readFileSync(file, 'utf8'));
    expect(itf.states).toHaveLength(trace.length);
    expect(itf.states.map((s: { '#meta': { action: string } }) => s['#meta'].action)).toEqual(['init', ...trace.slice(1).map((s: { action: string }) => s.action)]);
    expect(json.stderr).toBe(`cocomc: wrote the counterexample to MutualExclusion (${trace.length} states) as ITF to ${file}\n`);
  });

  it('writes the witness of the property --property names', () => {
    const file = path.join(dir, 'peterson.itf.json');
    const run = cocomc('check', 'peterson', '--workers', '1', '--property', 'P1EntersCritical', '--itf', file);
    expect(run.code).toBe(0);
    const itf = JSON.parse(readFileSync(file, 'utf8'));
    expect(itf['#meta']).toMatchObject({ property: 'P1EntersCritical', status: 'witnessed' });
    expect(itf.states.at(-1).pc).toEqual(['idle', 'cs']);
  });

  it('writes nothing, and says so, when no property is violated', () => {
    const file = path.join(dir, 'none.itf.json');
    rmSync(file, { force: true });
    const run = cocomc('check', 'peterson', '--workers', '1', '--itf', file);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--itf: no trace to write (no property is violated)');
    expect(() => readFileSync(file)).toThrow();
  });
});
