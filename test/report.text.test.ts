/**
 * The text reports: a count of one takes the singular ("1 step", never "1 steps"), and the witness
 * of each sometimes property can be printed as counterexamples are.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import type { MatrixResult } from '../src/matrix.js';
import { formatMatrix } from '../src/report/matrixText.js';
import { formatConfirm, formatSweep } from '../src/report/sweepText.js';
import { formatReport } from '../src/report/text.js';
import { allSequences } from '../src/sweep/sequences.js';
import { analyse, type SequenceResult, type SweepResult } from '../src/sweep/sweep.js';
import { oneStep } from './fixtures/oneStepModel.js';
import { cocomc } from './support/cocomc.js';

describe('the check report', () => {
  it('says "1 step", "1 transition" and "1 distinct state" in the singular', async () => {
    const report = formatReport(await check(oneStep, { workers: 1, maxDepth: 0 }));
    expect(report).toContain('1 distinct state, 0 transitions (1 state generated)');
    const whole = formatReport(await check(oneStep, { workers: 1 }));
    expect(whole).toContain('Invariant StaysOff is violated. The shortest behavior that breaks it (1 step):');
    expect(whole).toMatch(/StaysOff\s+always\s+violated \(1 step\)/);
    expect(whole).toContain('2 distinct states, 1 transition (2 states generated)');
  });

  it('prints the witness of a sometimes property when asked, as a counterexample is printed', async () => {
    const result = await check(oneStep, { workers: 1 });
    expect(formatReport(result)).not.toContain('TurnsOn is witnessed.');
    const report = formatReport(result, { witnesses: true });
    expect(report).toContain(['Property TurnsOn is witnessed. The shortest behavior that reaches it (1 step):', 'State 1: <initial state>', '  on = false', 'State 2: hand flip', '  on = true   (was false)'].join('\n'));
  });

  it('is what cocomc check --witnesses prints', () => {
    const run = cocomc('check', 'peterson', '--workers', '1', '--witnesses');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Property P0EntersCritical is witnessed\. The shortest behavior that reaches it \(3 steps\):\nState 1: <initial state>\n/);
    expect(cocomc('check', 'peterson', '--workers', '1').stdout).not.toContain('is witnessed.');
  });
});

describe('the sweep and matrix reports', () => {
  // Two steps, safe only as a then b: one forced pair, one edge, one safe sequence.
  const base = ['a', 'b'];
  const results = allSequences(base).map((steps): SequenceResult =>
    steps.join() === 'a,b' ? { steps, verdict: 'safe', violated: [] } : { steps, verdict: 'unsafe', violated: [{ name: 'Order', traceLength: 1 }] });
  const sweep: SweepResult = { model: 'pair', params: {}, base, sequences: results.length, ...analyse(base, results), results, workers: 1, seconds: 0, complete: true };

  it('count pairs, edges, sequences and workers in the singular when there is one', () => {
    const text = formatSweep(sweep);
    expect(text).toContain('5 sequences of distinct steps from: a, b');
    expect(text).toContain('on 1 worker\n');
    expect(text).toContain('(1 pair, implied by the 1 edge below)');
    expect(text).toContain('over the 4 unsafe sequences:');
    const confirmation = formatConfirm({ larger: { n: '2' }, checked: 1, notChecked: 0, safeChecked: 1, unsafeChecked: 0, changed: [{ steps: ['a', 'b'], small: [], large: ['Order'] }], seconds: 0 });
    expect(confirmation).toContain('1 sequence re-checked');
    expect(confirmation).toContain('1 verdict changed:');
  });

  it('count the checks of a one-cell matrix in the singular', () => {
    const matrix: MatrixResult = {
      model: 'pair',
      axes: [{ name: 'protocol', labels: ['p'] }, { name: 'platform', labels: ['q'] }],
      cells: [{ labels: { protocol: 'p', platform: 'q' }, params: {}, verdict: 'safe', violated: [], distinctStates: 1 }],
      workers: 1,
      seconds: 0,
      complete: true,
    };
    expect(formatMatrix(matrix)).toMatch(/^cocomc matrix: pair, 1 check in 0\.0 s on 1 worker\n/);
  });
});
