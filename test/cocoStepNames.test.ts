/** Step names: `--steps` takes what spec 10.20 allows, and coverage and listings name a sub-step with its step. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { coco } from '../models/coco/index.js';
import { run } from './support/coco.js';

/** CPU 0's actions on the path to `return ok`, by name. */
async function actionsToOk(params: Record<string, string | number>): Promise<string[]> {
  const result = await run({ readers: 0, ...params }, { properties: ['CanComplete'], deadlock: false });
  return result.properties[0]!.trace!.slice(1).map((step) => step.action!);
}

describe('coco: step names', () => {
  it('accepts a repeated prepare or finish (spec 10.20): each runs its sub-steps again', async () => {
    expect(await actionsToOk({ platform: 'tdx', direction: 'encrypt', steps: 'prepare,prepare,setEnc,finish' }))
      .toEqual(['prepare.mapGpa', 'prepare.accept', 'prepare.mapGpa', 'prepare.accept', 'setEnc', 'finish', 'return']);
    expect(await actionsToOk({ platform: 'tdx', direction: 'decrypt', steps: 'prepare,setEnc,finish,finish' }))
      .toEqual(['prepare', 'setEnc', 'finish.mapGpa', 'finish.mapGpa', 'return']);
  });

  it('names a notification sub-step after its step in coverage lines', async () => {
    const result = await run({ readers: 0 }, { exhaustive: true });
    expect(result.coverage.map((c) => c.action)).toContain('notify.setVisibility');
    expect(result.coverage.map((c) => c.action)).not.toContain('setVisibility');
  });

  it('lists the actions of every named protocol on every platform and direction', () => {
    const notes = coco.notes!();
    expect(notes.filter((line) => / on (tdx|snp|hyperv-vtom) (decrypt|encrypt) /.test(line))).toHaveLength(6 * 3 * 2);
    expect(notes).toContainEqual(expect.stringMatching(
      /^ +seven-step on hyperv-vtom decrypt +unmapAliases, flushCache \(no-op\), clearPresent, setEnc, flushTlb, notify\.setVisibility\(shared\), setPresent$/));
    expect(notes).toContainEqual(expect.stringMatching(/^ +hyperv on tdx encrypt +.*finish\.mapGpa\(private\), finish\.accept, finish\.setPresent, finish\.flushTlb$/));
  });

  it.each([['list', 'coco'], ['help', 'check', 'coco']])('%s %s prints that listing', (...args) => {
    const out = execFileSync('node', ['dist/src/cli.js', ...args], { encoding: 'utf8' });
    expect(out).toMatch(/--kexec none\|normal\|crash/);
    expect(out).toMatch(/properties added by --kexec normal\|crash:\n {4}KexecLeavesAllPrivate +always .*\n {4}KexecAccounting +always /);
    expect(out).toMatch(/\n {4}v2 on snp encrypt +clearPresent, unmapAliases, .*finish\.psc\(private\), finish\.pvalidate\(validate\), setPresent\n/);
  });
});
