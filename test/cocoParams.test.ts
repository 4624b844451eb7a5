/** The CoCo model's options: bad input is a one-line UsageError naming the value; valid lists are accepted. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { run, type Params } from './support/coco.js';

const REJECTED: [string, Params, RegExp][] = [
  ['an unknown platform', { platform: 'sev' }, /'sev'.*tdx, snp, hyperv-vtom/],
  ['an unknown protocol', { protocol: 'v3' }, /'v3'.*seven-step/],
  ['an unknown step', { steps: 'unmapAliases,flushTlbs' }, /'flushTlbs'.*flushTlb/],
  ['pages 0', { pages: 0 }, /'0' for --pages/],
  ['negative readers', { readers: -1 }, /'-1' for --readers/],
  ['prepare without finish', { steps: 'prepare,setEnc' }, /'prepare' has no 'finish' after it/],
  ['finish before prepare', { steps: 'finish,setEnc,prepare' }, /'finish' \(step 1\) has no 'prepare' before it/],
  ['a prepare after the last finish', { steps: 'prepare,setEnc,finish,prepare' }, /'prepare' has no 'finish' after it/],
  ['finish without any prepare', { steps: 'setEnc,finish' }, /'finish' \(step 2\) has no 'prepare' before it/],
  ['notify with prepare and finish', { steps: 'prepare,setEnc,finish,notify' }, /'notify' combined with 'prepare'\/'finish'/],
  ['--protocol together with --steps', { protocol: 'v1', steps: 'setEnc' }, /--protocol v1 and --steps are alternatives/],
  ['--pvalidate-va off snp', { platform: 'tdx', pvalidateVa: 'temporary' }, /--pvalidate-va temporary does not apply to platform tdx; accepted: platform snp only/],
  ['--pfn-lookup off hyperv-vtom', { platform: 'snp', pfnLookup: 'requires-present' }, /--pfn-lookup requires-present does not apply to platform snp; accepted: platform hyperv-vtom only/],
  ['v2 with a direct-map PVALIDATE', { platform: 'snp', protocol: 'v2', pvalidateVa: 'direct-map' }, /--pvalidate-va direct-map contradicts --protocol v2/],
  ['--hv-list-order without kexec', { hvListOrder: 'superset' }, /--hv-list-order superset needs a kexec.*accepted: with --kexec normal or crash/],
  ['--hv-list-order off hyperv-vtom', { platform: 'snp', kexec: 'crash', hvListOrder: 'merged' }, /--hv-list-order merged does not apply to platform snp; accepted: platform hyperv-vtom only/],
  ['an unknown kexec', { kexec: 'reboot' }, /'reboot'.*none, normal, crash/],
  ['an unknown option', { cpus: 3 }, /unknown option --cpus/],
];

describe('coco: options', () => {
  for (const [what, params, message] of REJECTED) {
    it(`rejects ${what}`, async () => {
      const error = await run(params).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('accepts an empty step list: CPU 0 just returns ok', async () => {
    const result = await run({ steps: '', readers: 0 }, { properties: ['CanComplete'], deadlock: false });
    expect(result.properties[0]!.trace!.map((step) => step.label)).toEqual(['initial state', 'CPU0 return ok']);
  });

  it('accepts repeated steps and prepare/finish pairs', async () => {
    const result = await run({ platform: 'tdx', steps: 'prepare,setEnc,finish,prepare,finish,flushTlb,flushTlb', readers: 0 },
      { properties: ['CanComplete'], deadlock: false });
    expect(result.properties[0]!.status).toBe('witnessed');
  });

  it('accepts --host-failures on snp, where no call can fail: a PSC failure is not injected [B3.2]', async () => {
    const params = { platform: 'snp', protocol: 'before', readers: 1 };
    const [without, withFailures] = [await run(params, { exhaustive: true }), await run({ ...params, hostFailures: true }, { exhaustive: true })];
    expect([withFailures.distinctStates, withFailures.transitions]).toEqual([without.distinctStates, without.transitions]);
  });

  it('derives paravisor, coherent cache, pfnLookup and pvalidateVa from the platform', async () => {
    const tdx = await run({ platform: 'tdx', readers: 0 }, { properties: ['CanComplete'], deadlock: false });
    const initial = tdx.properties[0]!.trace![0]!.state as Record<string, unknown>;
    expect(Object.keys(initial)).toEqual(expect.arrayContaining(['gpa', 'line']));
    const vtom = await run({ readers: 0 }, { properties: ['CanComplete'], deadlock: false });
    expect(Object.keys(vtom.properties[0]!.trace![0]!.state as object)).not.toContain('line');
  });
});
