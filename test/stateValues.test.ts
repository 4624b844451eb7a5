/**
 * State values are kept exactly through search, replay and every report, or refused with one line
 * naming their path: never a false accusation of nondeterminism, never a report that prints a
 * value the state did not hold.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, formatReport, ModelError } from '../src/index.js';
import { storedValue } from './fixtures/storedValueModel.js';
import { cocomc } from './support/cocomc.js';

describe('a value a state cannot hold', () => {
  it('-0 is refused with its path, not blamed on a nondeterministic model (exit 4, one line)', () => {
    const run = cocomc('check', 'dist/test/fixtures/storedValueModel.js', '--kind', 'negative-zero', '--workers', '1');
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^cocomc: model error: the state made by action 'store' of writer cannot be stored: state\.readings\[0\] is -0, which immer cannot store apart from 0 .*\n$/);
    expect(run.stderr).not.toContain('replaying');
  });

  it('is refused by a simulation in the words of the search, in the state its action ran in', () => {
    const search = cocomc('check', 'dist/test/fixtures/storedValueModel.js', '--kind', 'nan', '--workers', '1');
    const walks = cocomc('simulate', 'dist/test/fixtures/storedValueModel.js', '--kind', 'nan');
    expect([search.code, walks.code]).toEqual([4, 4]);
    expect(walks.stderr).toBe(`${search.stderr.trimEnd()} (run 1 of the walks)\n`);
  });

  it.each([
    ['nan', 'state.readings[0] is NaN'],
    ['infinity', 'state.readings[0] is Infinity'],
    ['undefined', 'state.readings[0] is undefined'],
    ['huge', 'state.readings[0] is 1152921504606846976, beyond 2^53-1'],
  ])('%s is refused with its path', async (kind, message) => {
    const checking = check(storedValue, { params: { kind }, workers: 1 });
    await expect(checking).rejects.toThrow(ModelError);
    await expect(checking).rejects.toThrow(message);
  });
});

describe('a fraction in a state', () => {
  it('prints as itself in the text report, --json and --itf', async () => {
    const result = await check(storedValue, { params: { kind: 'fraction' }, workers: 1 });
    expect(result.properties[0]!.trace![1]!.state).toEqual({ done: true, readings: [0.1, 1] });
    expect(formatReport(result)).toContain('readings[0] = 0.1   (was 0)');

    const itf = path.join(mkdtempSync(path.join(tmpdir(), 'cocomc-values-')), 'trace.itf.json');
    const run = cocomc('check', 'dist/test/fixtures/storedValueModel.js', '--kind', 'fraction', '--workers', '1', '--json', '--itf', itf);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).properties[0].trace[1].state.readings).toEqual([0.1, 1]);
    expect(JSON.parse(readFileSync(itf, 'utf8')).states[1].readings).toEqual([{ '#unserializable': '0.1' }, 1]);
  });
});
