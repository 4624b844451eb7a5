/**
 * Command lines that contradict themselves or name files that cannot be written are refused with
 * one line and exit 2 before any search starts, rather than after it (hiding the verdict) or by
 * silently picking one of two values.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cocomc } from './support/cocomc.js';

const directory = mkdtempSync(path.join(tmpdir(), 'cocomc-args-'));
const report = path.join(directory, 'report.html');

describe('contradictory or malformed flags', () => {
  it.each([
    [['check', 'coco', '--pages', '2', '--pages', '3'], '--pages given twice (--pages 2, then --pages 3); it takes one value'],
    [['check', 'naivelock', '--deadlock', '--no-deadlock'], '--deadlock given twice (--deadlock, then --no-deadlock); it takes one value'],
    [['check', 'naivelock', '--time-limit', '1e999'], "bad value '1e999' for --time-limit; accepted: a number of seconds > 0"],
    [['check', 'naivelock', '--json=yes'], "bad value 'yes' for --json; accepted: --json or --json=true (on), --no-json or --json=false (off)"],
    [['sweep', '--json', '--tsv'], '--json and --tsv cannot be given together: each chooses the output format; give one of --json, --tsv'],
    [['matrix', '--markdown', '--json'], '--json and --markdown cannot be given together: each chooses the output format; give one of --json, --markdown'],
  ])('%j', (args, message) => {
    const run = cocomc(...args);
    expect([run.code, run.stderr, run.stdout]).toEqual([2, `cocomc: ${message}\n`, '']);
  });

  it('spells a boolean flag out as --flag=false', () => {
    const run = cocomc('check', 'naivelock', '--json=false', '--workers', '1');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Invariant MutualExclusion is violated.');
  });
});

describe('output files are checked before the search', () => {
  it.each([
    [['check', 'naivelock', '--html', directory], `cannot write --html ${directory}: it is a directory`],
    [['check', 'naivelock', '--dot', path.join(directory, 'missing', 'graph.dot')], `cannot write --dot ${path.join(directory, 'missing', 'graph.dot')}: the directory ${path.join(directory, 'missing')} does not exist`],
    [['check', 'naivelock', '--html', report, '--itf', report, '--dot', report], `--html and --itf name the same file ${report}; give each its own`],
    [['sweep', '--html', directory], `cannot write --html ${directory}: it is a directory`],
  ])('%j', (args, message) => {
    const run = cocomc(...args);
    expect([run.code, run.stderr, run.stdout]).toEqual([2, `cocomc: ${message}\n`, '']);
    expect(existsSync(report)).toBe(false);
  });
});
