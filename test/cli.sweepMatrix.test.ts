/** The sweep and matrix commands: their JSON, TSV and Markdown shapes and their usage errors. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cocomc } from './support/cocomc.js';

/** A sweep small enough for the command-line tests (a few seconds): no reader CPU, no speculative fills. */
const SMALL = ['--readers', '0', '--no-speculation'];

/** `cocomc sweep` sent SIGINT (Ctrl-C) once its progress line shows that it has started checking. */
function interruptedSweep(...flags: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['dist/src/cli.js', 'sweep', ...SMALL, ...flags, '--progress'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.once('data', () => child.kill('SIGINT'));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

describe('cocomc sweep', () => {
  it('prints JSON (the sequences, the safe ones, every forced pair, per-sequence results, a confirmation) and writes its HTML page in the same run', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cocomc-')), 'sweep.html');
    const run = cocomc('sweep', ...SMALL, '--confirm', 'readers=1', '--json', '--html', file);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.sequences).toBe(13_700);
    expect(result.results).toHaveLength(13_700);
    expect(result.results[0]).toEqual({ steps: [], verdict: expect.stringMatching(/^(safe|unsafe)$/), violated: expect.any(Array) });
    expect(result.safe.every((s: unknown) => Array.isArray(s))).toBe(true);
    expect(result.forcedOrder.every((p: unknown[]) => p.length === 2)).toBe(true);
    expect(result.confirmation).toMatchObject({ larger: { readers: '1' }, safeChecked: result.safe.length, notChecked: 0 });

    const { whyStep, whyEdge } = result as { whyStep: { violated: unknown[] }[]; whyEdge: { violated: unknown[] }[] };
    const html = readFileSync(file, 'utf8');
    const failing = [...whyStep, ...whyEdge].filter((w) => w.violated.length > 0).length;
    expect(html.match(/<section class="witness-case"/g)).toHaveLength(failing);
    expect(html).toContain('Why setEnc is needed: without setEnc');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  }, 120_000);

  it('after Ctrl-C exits 3 and calls each step it did not check "not checked", never "safe"', async () => {
    const run = await interruptedSweep();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('(incomplete: ');
    const stepLines = run.stdout.split('Why each step is needed')[1]!.split('Why each edge')[0]!.split('\n').filter((l) => /^  [a-zA-Z]+ {2,}/.test(l));
    expect(stepLines.length).toBeGreaterThan(0);
    expect(stepLines.every((l) => !/\bsafe$/.test(l))).toBe(true);
    expect(stepLines.some((l) => l.endsWith('not checked'))).toBe(true);
  }, 120_000);

  it('after Ctrl-C with --tsv still prints one row per sequence, those it did not check "not checked"', async () => {
    const run = await interruptedSweep('--tsv');
    expect(run.code).toBe(3);
    const rows = run.stdout.replace(/\n$/, '').split('\n');
    expect(rows).toHaveLength(13_701);
    expect(rows[0]).toBe('steps\tverdict\tviolated');
    expect(rows.slice(1).every((row) => /^[a-zA-Z,]*\t(safe|unsafe|not checked)\t/.test(row))).toBe(true);
    expect(rows.some((row) => row.endsWith('\tnot checked\t'))).toBe(true);
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

  it('checks only the properties --property names, as the library option properties does', () => {
    const run = cocomc('matrix', '--pages', '1', '--readers', '1', '--property', 'NoKernelOops', '--json');
    expect(run.code).toBe(0);
    const failed = (JSON.parse(run.stdout) as { cells: { violated: { name: string }[] }[] }).cells.flatMap((c) => c.violated.map((v) => v.name));
    expect(new Set(failed)).toEqual(new Set(['NoKernelOops']));
  }, 120_000);
});
