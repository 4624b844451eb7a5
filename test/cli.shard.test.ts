/**
 * `--shard K/N` and `cocomc merge` on the command line: the parts of a sweep merge into exactly
 * what `sweep --json` prints, a part left incomplete makes the merge exit 3, and bad shards and
 * bad sets of parts are one line and exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SweepShard } from '../src/sweep/shardPart.js';
import { cocomc, expectUsageError } from './support/cocomc.js';

const MODEL = 'dist/test/fixtures/orderingModel.js';
const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-shards-'));
const at = (name: string): string => path.join(dir, name);

/** JSON without the run-time fields, which a merge sets from its parts. */
const untimed = (json: string): string => json.replace(/^\s*"(seconds|workers)": .*\n/gm, '');

describe('cocomc sweep --shard and cocomc merge', () => {
  it('merge of the parts prints what one unsharded sweep prints, as JSON and as text, and exits as it does', () => {
    for (const k of [1, 2]) {
      const part = cocomc('sweep', MODEL, '--shard', `${k}/2`, '--json', '--workers', '1');
      expect(part.code).toBe(0);
      writeFileSync(at(`${k}.json`), part.stdout);
    }
    const whole = cocomc('sweep', MODEL, '--json', '--workers', '1');
    const merged = cocomc('merge', at('1.json'), at('2.json'), '--json');
    expect([merged.code, whole.code]).toEqual([0, 0]);
    expect(untimed(merged.stdout)).toBe(untimed(whole.stdout));
    const text = cocomc('merge', at('2.json'), at('1.json'));
    expect(text.stdout.replace(/^configuration: .*$/m, '')).toBe(cocomc('sweep', MODEL, '--workers', '1').stdout.replace(/^configuration: .*$/m, ''));
  }, 60_000);

  it('prints a shard in text as one part, never the whole sweep\'s analysis', () => {
    const run = cocomc('sweep', MODEL, '--shard', '2/3', '--workers', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("cocomc sweep: ordering, shard 2/3: 5 of the job's 16 sequences (every 3rd, from the 2nd)");
    expect(run.stdout).not.toMatch(/Forced order|Why each step/);
  });

  it('exits 3 when a part it merges was interrupted, and marks its sequences not checked', () => {
    const part = JSON.parse(readFileSync(at('2.json'), 'utf8')) as SweepShard;
    const cut = { ...part, complete: false, notChecked: 1, results: part.results.map((r, i) => (i === 0 ? { ...r, verdict: 'not checked', violated: [] } : r)) };
    writeFileSync(at('2cut.json'), JSON.stringify(cut));
    const run = cocomc('merge', at('1.json'), at('2cut.json'), '--tsv');
    expect(run.code).toBe(3);
    expect(run.stdout.split('\n').filter((row) => row.endsWith('\tnot checked\t'))).toHaveLength(1);
  });

  it.each(['0/3', '4/3', 'a/b', '3'])('refuses sweep --shard %s with exit 2 and one line', (shard) => {
    expectUsageError(cocomc('sweep', MODEL, '--shard', shard), `cocomc: bad value '${shard}' for --shard; accepted: K/N, whole numbers with 1 <= K <= N`);
  });

  it('refuses a bad --shard in matrix as in sweep', () => {
    expectUsageError(cocomc('matrix', MODEL, '--shard', '4/3'), "cocomc: bad value '4/3' for --shard; accepted: K/N");
  });

  it.each([
    [['sweep', MODEL, '--shard', '1/2', '--tsv'], 'cocomc: --tsv cannot be given with --shard: it needs the whole sweep'],
    [['matrix', MODEL, '--shard', '1/2', '--markdown'], 'cocomc: --markdown cannot be given with --shard: it needs the whole matrix'],
    [['merge'], 'cocomc: merge needs the parts: cocomc merge PART.json ...'],
  ])('refuses %j with exit 2 and one line', (args, message) => {
    expectUsageError(cocomc(...args), message);
  });

  it('refuses a set of parts with a shard missing, naming it, and flags of the other study', () => {
    expectUsageError(cocomc('merge', at('1.json')), `cocomc: shard 2/2 missing (given: 1/2 ${at('1.json')}); accepted: `);
    expectUsageError(cocomc('merge', at('1.json'), at('2.json'), '--markdown'), "cocomc: --markdown cannot be given to merge these parts: they are a sweep's; accepted for a sweep: --json, --tsv, --html, --model");
  });
});
