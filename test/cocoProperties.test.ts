/**
 * Every property of the CoCo model can fail: for each, a configuration that violates it, whose
 * shortest counterexample ends in the hazard the property names.
 */
import { describe, expect, it } from 'vitest';
import { last, runFor, type Params } from './support/coco.js';

const TIMEOUT = 60_000;

interface Case {
  property: string;
  params: Params;
  /** The action the counterexample ends with, and what its label says. */
  action: string;
  label: RegExp;
}

const CASES: Case[] = [
  { property: 'NoMismatchedAccess', params: { protocol: 'before' }, action: 'zeropadLoad', label: /-> mismatch/ },
  // Native TDX: only the private-mapping-of-a-shared-page case is fatal; v1 without flushTlb leaves one.
  {
    property: 'NoFatalMismatch', params: { platform: 'tdx', steps: 'unmapAliases,flushTlb,flushCache,clearPresentAndSetEnc,notify,setPresent' },
    action: 'zeropadLoad', label: /TLB hit \{private\}, host: gpa shared -> mismatch, private mapping of a non-private page: guest shutdown/,
  },
  { property: 'ConsistentTranslations', params: { platform: 'tdx', protocol: 'before' }, action: 'setEnc', label: /pte\[0\.\.1\]\.enc := shared/ },
  // Without unmapAliases the stale alias outlives the notification.
  {
    property: 'ConsistentTranslations', params: { steps: 'flushCache,clearPresent,setEnc,flushTlb,notify,setPresent' },
    action: 'notify.setVisibility', label: /visible\[0\.\.1\] := true/,
  },
  { property: 'NoStaleWriteback', params: { platform: 'tdx', protocol: 'rfc' }, action: 'writeBack', label: /dirty line leaves the cache, host: gpa shared -> stale write-back/ },
  { property: 'NoKernelOops', params: { platform: 'snp' }, action: 'notify.pvalidate', label: /kernel oops/ },
  // The owner after a successful return touches a page that was never made present again.
  {
    property: 'NoKernelOops', params: { steps: 'unmapAliases,clearPresent,setEnc,flushTlb,notify' },
    action: 'ownerAccess', label: /PTE not present.*-> #PF, kernel oops/,
  },
  {
    property: 'CompletesConsistently', params: { steps: 'unmapAliases,flushCache,clearPresent,setEnc,flushTlb,notify' },
    action: 'return', label: /CPU0 return ok/,
  },
  {
    property: 'ErrorLeavesNoHazard', params: { platform: 'tdx', hostFailures: true, onError: 'free' },
    action: 'ownerAccess', label: /reallocated after the error, used as private/,
  },
  { property: 'NoErrorWithoutFaults', params: { protocol: 'hyperv', pfnLookup: 'requires-present' }, action: 'return', label: /CPU0 return error/ },
];

describe('coco: every property can fail', () => {
  for (const { property, params, action, label } of CASES) {
    it(`${property} fails with ${JSON.stringify(params)}, ending in ${action}`, async () => {
      const result = await runFor(params, property);
      expect(result.status).toBe('violated');
      expect(last(result).action).toBe(action);
      expect(last(result).label).toMatch(label);
    }, TIMEOUT);
  }

  it('CanComplete is unwitnessed when every run dies first (seven-step on snp)', async () => {
    const result = await runFor({ platform: 'snp' }, 'CanComplete');
    expect(result.status).toBe('unwitnessed');
  }, TIMEOUT);

  it('CanComplete is witnessed by the shortest run: every step, then return ok', async () => {
    const result = await runFor({ steps: 'setEnc,setPresent' }, 'CanComplete');
    expect(result.status).toBe('witnessed');
    expect(result.trace!.map((step) => step.action)).toEqual([null, 'setEnc', 'setPresent', 'return']);
  }, TIMEOUT);

  it('ErrorLeavesNoHazard holds when the caller leaks the range [F1]', async () => {
    expect((await runFor({ platform: 'tdx', hostFailures: true, onError: 'leak' }, 'ErrorLeavesNoHazard')).status).toBe('holds');
  }, TIMEOUT);

  it('NoErrorWithoutFaults does not hold a host failure against the protocol', async () => {
    expect((await runFor({ platform: 'tdx', hostFailures: true }, 'NoErrorWithoutFaults')).status).toBe('holds');
  }, TIMEOUT);
});
