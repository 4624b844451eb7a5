/** The command line's exit codes and one-line errors (run against the build in dist/). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cocomc } from './support/cocomc.js';

describe('exit codes', () => {
  it('0 when every property holds', () => {
    const run = cocomc('check', 'peterson', '--workers', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/MutualExclusion\s+always\s+holds/);
  });

  it('1 when a property is violated, with the trace', () => {
    const run = cocomc('check', 'diehard', '--workers', '2');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Invariant NotSolved is violated.');
    expect(run.stdout).toContain('State 7: jugs BigToSmall');
  });

  it.each([
    [['check', 'nomodel'], "cocomc: unknown model 'nomodel'; accepted: coco, diehard, flip"],
    [['check', 'flip', '--n', 'two'], "cocomc: bad value 'two' for --n; accepted: a whole number from 3 to 64"],
    [['check', 'flip', '--workers', '0'], "cocomc: bad value '0' for --workers; accepted: a whole number >= 1"],
    [['check', 'flip', '--frobnicate'], 'cocomc: unknown option --frobnicate; accepted: --workers'],
    [['check', 'flip', '--property', 'Nope'], "cocomc: unknown property 'Nope'; accepted: NoAdjacentTrue"],
    [['frobnicate'], "cocomc: unknown command 'frobnicate'; accepted: check"],
    [['check', 'coco', '--platform', 'sev'], "cocomc: unknown value 'sev' for --platform; accepted: tdx, snp, hyperv-vtom"],
    [['check', 'coco', '--protocol', 'v9'], "cocomc: unknown value 'v9' for --protocol; accepted: before, rfc, v1, seven-step, v2, hyperv"],
    [['check', 'coco', '--steps', 'flushTlb,bogus'], "cocomc: unknown value 'bogus' in --steps; accepted: unmapAliases"],
    [['check', 'coco', '--pages', '0'], "cocomc: bad value '0' for --pages; accepted: a whole number from 1 to 16"],
    [['check', 'coco', '--readers', '99999999'], "cocomc: bad value '99999999' for --readers; accepted: a whole number from 0 to 16"],
    [['check', 'coco', '--steps', 'prepare,setEnc'], "cocomc: --steps: 'prepare' has no 'finish' after it"],
    [['check', 'coco', '--pvalidate-va', 'temporary'], 'cocomc: --pvalidate-va temporary does not apply to platform hyperv-vtom; accepted: platform snp only'],
  ])('2 for bad usage: %j', (args, message) => {
    const run = cocomc(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('3 when a bound cuts the search short, labelled incomplete', () => {
    const run = cocomc('check', 'flip', '--n', '20', '--max-states', '500', '--workers', '2');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('The search is incomplete (max-states).');
  });

  it.each([['1'], ['2']])('4 when a model action throws (%s workers), naming the action, the actor and the state, without a stack trace', (workers) => {
    const run = cocomc('check', 'dist/test/fixtures/throwingModel.js', '--workers', workers, '--batch-size', '1');
    expect(run.code).toBe(4);
    expect(run.stderr.trim()).toBe(`cocomc: model error: action 'increment' of counter a threw: counter overflow; in state {"a":6,"b":0,"c":0}`);
  });

  it('runs worker threads when node itself was given V8 flags (they are not passed to Worker)', () => {
    const run = spawnSync(process.execPath, ['--max-old-space-size=2048', 'dist/src/cli.js', 'check', 'flip', '--n', '10', '--workers', '2', '--batch-size', '2'], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it('prints machine-readable JSON with --json', () => {
    const run = cocomc('check', 'naivelock', '--json', '--workers', '1');
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['model', 'params', 'complete', 'distinctStates', 'transitions', 'depth', 'workers', 'seconds', 'properties']));
    expect(result.properties[0]).toMatchObject({ name: 'MutualExclusion', kind: 'always', status: 'violated', traceLength: 4 });
  });
});
