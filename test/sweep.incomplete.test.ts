/**
 * Interrupted studies are honest: every sequence, step, edge and cell an interrupted sweep or
 * matrix did not check is "not checked" in text, TSV, JSON and HTML, never "safe", and what is
 * derived from the sweep claims only what the checked sequences prove.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { summarize } from '../src/manyChecks.js';
import { matrix, type MatrixResult } from '../src/matrix.js';
import { formatMatrix, formatMatrixMarkdown, matrixJson } from '../src/report/matrixText.js';
import { renderSweepHtml } from '../src/report/sweepHtml.js';
import { formatSweep, formatSweepTsv } from '../src/report/sweepText.js';
import { allSequences } from '../src/sweep/sequences.js';
import { analyse, sweep, type SequenceResult, type SweepResult } from '../src/sweep/sweep.js';
import { coco } from '../models/coco/index.js';
import { naiveLock } from '../models/peterson.js';
import { bruteForceForcedOrder } from './support/forcedOrder.js';

/** Options that abort the study as soon as its first part is done, as Ctrl-C would. */
function interruptedAfterFirstPart() {
  const interrupt = new AbortController();
  return { workers: 1, signal: interrupt.signal, onProgress: () => interrupt.abort() };
}

describe('the analysis of a partly checked sweep', () => {
  // Safe exactly when a, b and c come in this order; the full-length sequences are left unchecked.
  const base = ['a', 'b', 'c', 'd'];
  const isSafe = (s: string[]): boolean => ['a', 'b', 'c'].every((x) => s.includes(x)) && s.indexOf('a') < s.indexOf('b') && s.indexOf('b') < s.indexOf('c');
  const results = allSequences(base).map((steps): SequenceResult => {
    if (steps.length === base.length) return { steps, verdict: 'not checked', violated: [] };
    return isSafe(steps) ? { steps, verdict: 'safe', violated: [] } : { steps, verdict: 'unsafe', violated: [{ name: 'Chain', traceLength: steps.length }] };
  });
  const analysis = analyse(base, results);

  it('forces only the pairs no unchecked sequence could break, as a brute force over pairs finds', () => {
    expect(analysis.forcedOrder).toEqual(bruteForceForcedOrder(base, results));
    // abcd is unchecked but may be safe; bacd, unchecked too, might be as well: a before b is not proven.
    expect(analysis.forcedOrder).toEqual([]);
    expect(analysis.notChecked).toBe(24);
  });

  it('gives the witnesses of the unchecked sequences no verdict, and counts only the unsafe ones as failing', () => {
    expect(analysis.whyStep.map((w) => [w.reason, w.verdict])).toEqual([
      ['without a', 'unsafe'], ['without b', 'unsafe'], ['without c', 'unsafe'], ['without d', 'safe'],
    ]);
    const unsafe = results.filter((r) => r.verdict === 'unsafe').length;
    expect(analysis.firstFailure).toEqual([{ name: 'Chain', count: unsafe }]);
  });

  it('says that its forced order rests on an incomplete sweep, and that it proves no pair yet', () => {
    const partial: SweepResult = { model: 'chain', params: {}, base, sequences: results.length, ...analysis, results, workers: 1, seconds: 0, complete: false };
    const text = formatSweep(partial);
    expect(text).toContain('Safe sequences (every property holds, and every reachability property is witnessed): 1 of 41 checked; any of the 24 not checked may be safe too');
    expect(text).toContain('Forced order, as far as the checked sequences prove it (the sweep is incomplete; the 24 sequences not checked may force more)');
    expect(text).toContain('  (none proven by the checked sequences)');
  });

  it('forces the chain once the sequences that break it are known to be unsafe', () => {
    const known = results.map((r): SequenceResult => (r.verdict === 'not checked' && !isSafe(r.steps) ? { ...r, verdict: 'unsafe', violated: [{ name: 'Chain', traceLength: 4 }] } : r));
    expect(analyse(base, known).forcedOrder).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(analyse(base, known).forcedOrder).toEqual(bruteForceForcedOrder(base, known));
  });
});

describe('a check cut short', () => {
  it('is not checked when nothing failed before the cut, and unsafe when something did', async () => {
    expect(summarize(await check(naiveLock, { workers: 1, maxStates: 1 })).verdict).toBe('not checked');
    expect(summarize(await check(naiveLock, { workers: 1, stopAtFirst: true })).verdict).toBe('unsafe');
  });
});

describe('an interrupted CoCo sweep', () => {
  let result: SweepResult;
  beforeAll(async () => {
    result = await sweep(coco, { readers: 0, speculation: false }, interruptedAfterFirstPart());
  });

  it('is incomplete and marks every sequence after the interruption not checked', () => {
    expect(result.complete).toBe(false);
    expect(result.results).toHaveLength(result.sequences);
    const firstOpen = result.results.findIndex((r) => r.verdict === 'not checked');
    expect(firstOpen).toBeGreaterThan(0);
    expect(result.results.slice(firstOpen).every((r) => r.verdict === 'not checked' && r.violated.length === 0)).toBe(true);
    expect(result.notChecked).toBe(result.sequences - firstOpen);
  });

  it('says "not checked", never "safe", for each step whose sequence it did not check, in text, TSV and HTML', () => {
    expect(result.whyStep.every((w) => w.verdict === 'not checked')).toBe(true);
    const text = formatSweep(result);
    for (const step of result.base) expect(text).toMatch(new RegExp(`^  ${step} +not checked$`, 'm'));
    expect(text).toContain('(incomplete: ');
    expect(text).toContain('Forced order, as far as the checked sequences prove it');
    const tsv = formatSweepTsv(result).split('\n');
    expect(tsv.filter((row) => row.endsWith('\tnot checked\t'))).toHaveLength(result.notChecked);
    const html = renderSweepHtml(result, []);
    expect(html).toContain('<h2>Not checked</h2>');
    expect(html).toContain('<header class="verdict verdict-incomplete">');
  });

  it('claims only the forced pairs its checked sequences prove', () => {
    expect(result.forcedOrder).toEqual(bruteForceForcedOrder(result.base, result.results));
  });
});

describe('an interrupted matrix', () => {
  let result: MatrixResult;
  beforeAll(async () => {
    result = await matrix(coco, { pages: 1, readers: 1 }, interruptedAfterFirstPart());
  });

  it('keeps every cell, marking those it did not check', () => {
    expect(result.complete).toBe(false);
    expect(result.cells).toHaveLength(48);
    const open = result.cells.filter((c) => c.verdict === 'not checked');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((c) => c.violated.length === 0 && c.distinctStates === null)).toBe(true);
  });

  it('prints them "not checked" in the table, the Markdown and the JSON', () => {
    const open = result.cells.filter((c) => c.verdict === 'not checked').length;
    expect(formatMatrix(result).match(/not checked/g)!.length).toBe(open + 2); // the header and the legend say it too
    expect(formatMatrixMarkdown(result).match(/not checked/g)).toHaveLength(open);
    const json = matrixJson(result) as { complete: boolean; cells: { verdict: string }[] };
    expect([json.complete, json.cells.filter((c) => c.verdict === 'not checked').length]).toEqual([false, open]);
  });
});
