/**
 * The CoCo model numbers its protocol's steps as the cover letter does: every action of step N,
 * a sub-step or a failure of it included, carries `step: 'N'` (what the HTML report's badge shows);
 * the error path, the returns, the readers and the hypervisor carry none.
 */
import { describe, expect, it } from 'vitest';
import { coco } from '../models/coco/index.js';
import { instantiate } from '../src/modelInstance.js';
import { runFor } from './support/coco.js';

describe('coco: protocol step numbers', () => {
  it.each([
    { platform: 'hyperv-vtom', protocol: 'hyperv', hostFailures: true, pfnLookup: 'requires-present', granularity: 'page' },
    { platform: 'hyperv-vtom', steps: 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent', kexec: 'normal' },
  ])('numbers the actions of each step, and only those (%o)', (params) => {
    const { actions } = instantiate(coco, params);
    const numbered = actions.filter((a) => a.step !== undefined);
    expect(numbered.length).toBeGreaterThan(0);
    for (const action of actions) {
      // The place an action of CPU 0 names in its arguments (`step 6 notify page 1`) is its step.
      const place = action.actor === 'CPU0' ? /^step (\d+)\b/.exec(action.args ?? '')?.[1] : undefined;
      expect([action.name, action.args, action.step]).toEqual([action.name, action.args, place]);
    }
    // Failures are numbered as their step; with host failures there is an error path, unnumbered.
    expect(numbered.some((a) => a.args?.includes(' fails'))).toBe(params.hostFailures === true);
    expect(actions.some((a) => a.args?.startsWith('error path'))).toBe(params.hostFailures === true);
  });

  it('numbers the steps of --steps in their order, a repeated step each time', () => {
    const { actions } = instantiate(coco, { platform: 'tdx', direction: 'encrypt', steps: 'prepare,prepare,setEnc,finish', readers: 0 });
    const cpu0 = actions.filter((a) => a.step !== undefined);
    expect(cpu0.map((a) => `${a.name}@${a.step}`)).toEqual(['prepare.mapGpa@1', 'prepare.accept@1', 'prepare.mapGpa@2', 'prepare.accept@2', 'setEnc@3', 'finish@4']);
  });

  it('gives each trace step the step of its action, null for the readers and the initial state (as --json prints it)', async () => {
    const mismatch = await runFor({ platform: 'hyperv-vtom', steps: 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent' }, 'NoMismatchedAccess');
    const steps = JSON.parse(JSON.stringify(mismatch.trace)) as { actor: string | null; step: string | null }[];
    expect(steps.map((s) => [s.actor, s.step])).toEqual([
      [null, null], ['CPU0', '1'], ['CPU0', '2'], ['CPU1', null], ['CPU0', '3'], ['CPU0', '4'], ['CPU0', '5'], ['CPU1', null],
    ]);
  });
});
