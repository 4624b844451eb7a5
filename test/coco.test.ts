/**
 * The known results the CoCo model must reproduce (spec section 9), with the default pages 2,
 * readers 2: the counterexamples, down to the step that ends them. Which named protocols are safe
 * where, and which properties hold, is pinned once, on every cell of the same scope, by
 * matrix.coco.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { last, run, runFor, SAFE, statuses } from './support/coco.js';

const TIMEOUT = 60_000;
const DIRECTIONS = ['decrypt', 'encrypt'] as const;
const SEVEN_STEPS_WITHOUT_FLUSH_TLB = 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent';

describe('coco: known results (spec 9)', () => {
  for (const protocol of ['seven-step', 'v1'] as const) {
    for (const direction of DIRECTIONS) {
      it(`${protocol} oops on snp (${direction}): PVALIDATE through a not-present VA [F0.3]`, async () => {
        const oops = await runFor({ platform: 'snp', protocol, direction }, 'NoKernelOops');
        expect(oops.status).toBe('violated');
        expect(last(oops).action).toBe('notify.pvalidate');
        expect(last(oops).label).toMatch(/PVALIDATE through the direct-map VA of page \d: not present -> #PF, kernel oops/);
      }, TIMEOUT);
    }
  }

  for (const platform of ['tdx', 'snp', 'hyperv-vtom'] as const) {
    for (const direction of DIRECTIONS) {
      it(`before violates NoMismatchedAccess on ${platform} (${direction})`, async () => {
        const mismatch = await runFor({ platform, protocol: 'before', direction }, 'NoMismatchedAccess');
        expect(mismatch.status).toBe('violated');
        expect(last(mismatch).action).toBe('zeropadLoad');
      }, TIMEOUT);
    }
  }

  for (const direction of DIRECTIONS) {
    it(`before violates NoFatalMismatch on tdx under a paravisor (${direction}) [C6]`, async () => {
      const fatal = await runFor({ platform: 'tdx', protocol: 'before', direction, paravisor: true }, 'NoFatalMismatch');
      expect(fatal.status).toBe('violated');
      expect(last(fatal).label).toContain('paravisor: guest terminated');
    }, TIMEOUT);
  }

  for (const platform of ['tdx', 'hyperv-vtom'] as const) {
    it(`seven-step without flushTlb violates NoMismatchedAccess on ${platform}: a TLB entry survives the notification`, async () => {
      const mismatch = await runFor({ platform, steps: SEVEN_STEPS_WITHOUT_FLUSH_TLB }, 'NoMismatchedAccess');
      expect(mismatch.status).toBe('violated');
      expect(last(mismatch).action).toBe('zeropadLoad');
      expect(last(mismatch).label).toContain('TLB hit {private}');
    }, TIMEOUT);
  }

  for (const protocol of ['rfc', 'v2'] as const) {
    it(`${protocol} violates NoStaleWriteback on tdx decrypt: cpa_flush() skips not-present pages [I1]`, async () => {
      const stale = await runFor({ platform: 'tdx', protocol, direction: 'decrypt' }, 'NoStaleWriteback');
      expect(stale.status).toBe('violated');
      expect(last(stale).action).toBe('writeBack');
      expect(stale.trace!.find((step) => step.action === 'flushCache')!.label).toContain('not present: skipped');
    }, TIMEOUT);
  }

  it('hyperv with pfnLookup requires-present is not: the notification cannot find the PFN of a not-present page [D3]', async () => {
    const result = await run({ protocol: 'hyperv', pfnLookup: 'requires-present' });
    expect(statuses(result)).toMatchObject({ NoErrorWithoutFaults: 'violated', CanComplete: 'unwitnessed' });
    const trace = result.properties.find((p) => p.name === 'NoErrorWithoutFaults')!.trace!;
    expect(trace.map((step) => step.action).slice(-3)).toEqual(['finish.setVisibility', 'setPresent', 'return']);
    expect(trace.at(-3)!.label).toContain('vmalloc_to_pfn()');
  }, TIMEOUT);

  // Regression: the counts this reading of the spec gives (spec 10 fixes them; the report lists the readings).
  it('the default check (seven-step, hyperv-vtom, decrypt, pages 2, readers 2) is safe, with 4,482 distinct states and 98,890 transitions', async () => {
    const result = await run({}, { exhaustive: true });
    expect(result.params).toMatchObject({ platform: 'hyperv-vtom', direction: 'decrypt', pages: 2, readers: 2, protocol: 'seven-step' });
    expect(statuses(result)).toEqual(SAFE);
    expect([result.distinctStates, result.transitions, result.statesGenerated]).toEqual([4482, 98890, 98891]);
  }, TIMEOUT);
});
