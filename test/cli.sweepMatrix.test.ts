/** The sweep and matrix commands: their JSON, TSV and Markdown shapes and their usage errors. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cocomc } from './support/cocomc.js';

describe('cocomc sweep', () => {
  it('prints JSON with the sequences, the safe ones, every forced pair, per-sequence results and a confirmation', () => {
    const run = cocomc('sweep', '--readers', '0', '--confirm', 'readers=1', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.sequences).toBe(13_700);
    expect(result.results).toHaveLength(13_700);
    expect(result.results[0]).toEqual({ steps: [], violated: expect.any(Array) });
    expect(result.safe.every((s: unknown) => Array.isArray(s))).toBe(true);
    expect(result.forcedOrder.every((p: unknown[]) => p.length === 2)).toBe(true);
    expect(result.confirmation).toMatchObject({ larger: { readers: '1' }, safeChecked: result.safe.length });
  }, 120_000);

  it('prints one tab-separated row per sequence with --tsv', () => {
    const rows = cocomc('sweep', '--readers', '0', '--tsv').stdout.trim().split('\n');
    expect(rows).toHaveLength(13_701);
    expect(rows[0]).toBe('steps\tverdict\tviolated');
    expect(rows.slice(1).every((row) => /^[a-zA-Z,]*\t(safe|unsafe)\t/.test(row))).toBe(true);
  }, 120_000);

  it('writes an HTML page with a counterexample for every failing step and edge witness', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cocomc-')), 'sweep.html');
    const run = cocomc('sweep', '--html', file, '--json');
    expect(run.code).toBe(0);
    const { whyStep, whyEdge } = JSON.parse(run.stdout) as { whyStep: { violated: unknown[] }[]; whyEdge: { violated: unknown[] }[] };
    const html = readFileSync(file, 'utf8');
    const failing = [...whyStep, ...whyEdge].filter((w) => w.violated.length > 0).length;
    expect(html.match(/<section class="witness-case"/g)).toHaveLength(failing);
    expect(html).toContain('Why flushTlb is needed: without flushTlb');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  }, 120_000);

  it.each([
    [['sweep', '--steps', 'flushTlb'], 'cocomc: --steps cannot be given to sweep'],
    [['sweep', '--confirm', 'pages'], "cocomc: bad value 'pages' for --confirm"],
    [['sweep', 'diehard'], "cocomc: model 'diehard' has no ordering sweep"],
    [['matrix', '--platform', 'tdx'], "cocomc: --platform cannot be given to matrix: it is one of the matrix's axes"],
  ])('rejects %j with exit 2 and one line', (args, message) => {
    const run = cocomc(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('cocomc matrix', () => {
  it('prints a Markdown table: a row per protocol, a column per platform and direction', () => {
    const run = cocomc('matrix', '--pages', '1', '--readers', '1', '--markdown');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2 + 6);
    expect(lines[0]).toBe('| protocol | tdx decrypt | tdx encrypt | tdx+paravisor decrypt | tdx+paravisor encrypt | snp decrypt | snp encrypt | hyperv-vtom decrypt | hyperv-vtom encrypt |');
    expect(lines.find((l) => l.startsWith('| seven-step |'))).toMatch(/^\| seven-step \| safe \| safe \| safe \| safe \| NoKernelOops/);
  }, 120_000);
});
