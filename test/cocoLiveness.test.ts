/**
 * ConversionReturns, the CoCo model's liveness property: CPU 0's conversion returns if CPU 0 keeps
 * running it (the weak fairness the model declares), and without fairness the lasso shows CPU 0
 * stopped while TLB fills and drops go on forever, in the kernel's words. It is checked only when
 * named, so the default results stay those of the contract.
 */
import { describe, expect, it } from 'vitest';
import { run, verdict } from './support/coco.js';

describe('ConversionReturns', () => {
  it("holds on the defaults under the model's weak fairness of CPU 0's conversion", async () => {
    const result = await run({}, { properties: ['ConversionReturns'], deadlock: false });
    expect(verdict(result, 'ConversionReturns').status).toBe('holds');
    expect(result.fairness).toEqual([{ kind: 'weak', group: 'CPU0 conversion' }]);
  });

  it('fails without fairness: CPU 0 never takes a step of its conversion while a TLB fills and drops forever', async () => {
    const p = verdict(await run({}, { properties: ['ConversionReturns'], deadlock: false, fairness: 'none' }), 'ConversionReturns');
    expect(p.status).toBe('violated');
    expect(p.trace!.map((s) => s.label)).toEqual([
      'initial state',
      'CPU0 specFill pte[0]: tlb[0][0] := {private}',
      'CPU0 tlbDrop pte[0]: tlb[0][0] {private} dropped',
    ]);
    expect(p.loopStart).toBe(0);
  });

  it('is not among the properties checked by default', async () => {
    const result = await run({ pages: 1, readers: 1 }, { maxStates: 1 });
    expect(result.properties.map((p) => p.name)).not.toContain('ConversionReturns');
  });
});
