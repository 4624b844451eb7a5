/**
 * Studies run in shards: every shard checks its share, and merging the parts gives exactly what
 * one unsharded run gives (but for seconds and workers), whatever N, also when N exceeds the
 * number of checks; an interrupted shard stays "not checked" after the merge; parts that are not
 * one whole job are refused, naming the part.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { matrix, type MatrixResult } from '../src/matrix.js';
import { formatMatrix, formatMatrixMarkdown, matrixJson } from '../src/report/matrixText.js';
import { formatShard } from '../src/report/shardText.js';
import { renderSweepHtml } from '../src/report/sweepHtml.js';
import { formatSweep, formatSweepTsv } from '../src/report/sweepText.js';
import { merge } from '../src/sweep/merge.js';
import type { ShardPart, SweepShard } from '../src/sweep/shardPart.js';
import { sweep, type SweepResult } from '../src/sweep/sweep.js';
import { ordering } from './fixtures/orderingModel.js';

const ONE = { workers: 1 };

/** A result without its run-time fields, which the merge sets from the parts. */
function untimed<T extends { seconds: number; workers: number }>(result: T): Omit<T, 'seconds' | 'workers'> {
  const { seconds, workers, ...rest } = result;
  return rest;
}

async function sweepParts(count: number, user = {}): Promise<SweepShard[]> {
  const parts: SweepShard[] = [];
  for (let k = 1; k <= count; k++) parts.push(await sweep(ordering, user, { ...ONE, shard: `${k}/${count}` }));
  return parts;
}

describe('a sweep run in shards', async () => {
  const whole = await sweep(ordering, {}, ONE);
  const timedAsWhole = (r: SweepResult): SweepResult => ({ ...r, seconds: whole.seconds, workers: whole.workers });

  it.each([1, 2, 3, 7, 17])('merges from %i parts into the unsharded result, in JSON, text, TSV and HTML', async (count) => {
    const parts = await sweepParts(count);
    expect(parts.map((p) => p.results.length).reduce((a, b) => a + b)).toBe(whole.sequences);
    const merged = merge([...parts].reverse());
    expect(merged.study).toBe('sweep');
    const result = merged.result as SweepResult;
    expect(untimed(result)).toEqual(untimed(whole));
    expect(JSON.stringify(untimed(result))).toBe(JSON.stringify(untimed(whole)));
    expect(formatSweep(timedAsWhole(result))).toBe(formatSweep(whole));
    expect(formatSweepTsv(result)).toBe(formatSweepTsv(whole));
    expect(renderSweepHtml(timedAsWhole(result), [])).toBe(renderSweepHtml(whole, []));
    expect(result.workers).toBe(count);
  });

  it('gives each shard every Nth sequence and says which part of which job it is', async () => {
    const [, second] = await sweepParts(3);
    expect(second!.results.map((r) => r.index)).toEqual([1, 4, 7, 10, 13]);
    expect(second!.results.map((r) => r.steps)).toEqual([1, 4, 7, 10, 13].map((i) => whole.results[i]!.steps));
    expect(second!.shard).toEqual({ index: 2, count: 3 });
    expect(second!.job).toMatchObject({ study: 'sweep', model: 'ordering', checks: 16, properties: null, configuration: { mustClose: false, ticks: 1 } });
    const text = formatShard(second!);
    expect(text).toMatch(/^cocomc sweep: ordering, shard 2\/3: 5 of the job's 16 sequences \(every 3rd, from the 2nd\)\n/);
    expect(text).toContain('This shard is one part of 3: it says nothing of the whole sweep.');
    expect(text).not.toMatch(/Forced order|Why each/);
  });

  it('treats a parameter given as its default, or as the command line spells it, as the same job', async () => {
    const [first] = await sweepParts(2);
    const second = await sweep(ordering, { ticks: '1' }, { ...ONE, shard: '2/2' });
    expect(untimed(merge([first, second]).result as SweepResult)).toEqual(untimed(whole));
  });

  it('keeps the sequences an interrupted shard did not check "not checked", and the merge incomplete', async () => {
    const interrupt = new AbortController();
    const parts = await sweepParts(3);
    const cut = await sweep(ordering, {}, { workers: 1, shard: '2/3', signal: interrupt.signal, onProgress: () => interrupt.abort() });
    expect(cut.complete).toBe(false);
    expect(cut.notChecked).toBeGreaterThan(0);
    expect(formatShard(cut)).toContain(`(incomplete: ${cut.notChecked} sequences not checked, marked so below)`);
    const result = merge([parts[0], cut, parts[2]]).result as SweepResult;
    expect(result.complete).toBe(false);
    const open = cut.results.filter((r) => r.verdict === 'not checked').map((r) => r.index);
    expect(result.results.flatMap((r, i) => (r.verdict === 'not checked' ? [i] : []))).toEqual(open);
    expect(result.notChecked).toBe(open.length);
    expect(formatSweep(result)).toContain(`(incomplete: ${open.length} sequences not checked, marked so below)`);
  });
});

describe('a matrix run in shards', async () => {
  const whole = await matrix(ordering, {}, ONE);
  const timedAsWhole = (r: MatrixResult): MatrixResult => ({ ...r, seconds: whole.seconds, workers: whole.workers });

  it.each([1, 2, 3, 7])('merges from %i parts (some empty past 4) into the unsharded result, in JSON, text and Markdown', async (count) => {
    const parts: ShardPart[] = [];
    for (let k = 1; k <= count; k++) parts.push(await matrix(ordering, {}, { ...ONE, shard: `${k}/${count}` }));
    expect(parts.filter((p) => p.checks === 0)).toHaveLength(Math.max(0, count - 4));
    const merged = merge(parts);
    expect(merged.study).toBe('matrix');
    const result = merged.result as MatrixResult;
    expect(untimed(result)).toEqual(untimed(whole));
    expect(JSON.stringify(matrixJson(timedAsWhole(result)))).toBe(JSON.stringify(matrixJson(whole)));
    expect(formatMatrix(timedAsWhole(result))).toBe(formatMatrix(whole));
    expect(formatMatrixMarkdown(result)).toBe(formatMatrixMarkdown(whole));
  });

  it('lists its own cells in text, labelled as a part', async () => {
    const part = await matrix(ordering, {}, { ...ONE, shard: '2/3' });
    expect(part.cells.map((c) => c.index)).toEqual([1]);
    expect(formatShard(part).split('\n').at(-1)).toBe('  loose two: safe');
  });
});

describe('refusals', () => {
  it.each(['0/3', '4/3', 'a/b', '3', '1/0', ' 1/2'])('refuses --shard %j in sweep() and matrix(), before any check', async (shard) => {
    const message = `bad value '${shard}' for --shard; accepted: K/N, whole numbers with 1 <= K <= N (shard K of N)`;
    await expect(sweep(ordering, {}, { shard })).rejects.toThrow(new UsageError(message));
    await expect(matrix(ordering, {}, { shard })).rejects.toThrow(new UsageError(message));
  });

  it('refuses parts that are not every shard of one job, each once, naming the part', async () => {
    const [a, b, c] = await sweepParts(3);
    const other = await sweep(ordering, { ticks: 2 }, { ...ONE, shard: '3/3' });
    const ofTwo = await sweep(ordering, {}, { ...ONE, shard: '2/2' });
    const tampered = { ...c!, results: c!.results.slice(1) };
    const refused = (parts: unknown[], names = ['a.json', 'b.json', 'c.json']): string => {
      try {
        merge(parts, names);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('merged');
    };
    expect(refused([a, c], ['a.json', 'c.json'])).toMatch(/^shard 2\/3 missing \(given: 1\/3 a\.json, 3\/3 c\.json\); accepted: /);
    expect(refused([a, b, b])).toMatch(/^shard 2\/3 is given twice: b\.json and c\.json; /);
    expect(refused([a, b, other])).toMatch(/^c\.json is a part of another job than a\.json: its configuration has ticks=2, not ticks=1; /);
    expect(refused([a, ofTwo, c])).toMatch(/^b\.json is a part of another job than a\.json: it is shard 2\/2, not of 3; /);
    expect(refused([a, b, tampered])).toMatch(/^c\.json does not hold the checks of shard 3\/3 /);
    const unjudged = { ...c!, results: c!.results.map((r) => ({ ...r, verdict: 'fine' })) };
    expect(refused([a, b, unjudged])).toMatch(/^c\.json has a check without a verdict \("fine"\)/);
    expect(refused([a, b, { ...c, job: { ...c!.job, version: '0.0.1' } }])).toMatch(/its version is "0.0.1", not "/);
    expect(refused([a, b, { hello: 1 }])).toMatch(/^c\.json is not a shard's part: it has no 'job' naming a sweep or a matrix; /);
    expect(refused([])).toMatch(/^no part to merge; /);
    const whole = await matrix(ordering, {}, { ...ONE, shard: '1/1' });
    expect(refused([whole, b])).toMatch(/^b\.json is a part of another job than a\.json: its study is "sweep", not "matrix"; /);
  });
});
