/** The library API as the README shows it: the README's model of one's own, checked from code. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { check, formatReport, verdictOf } from '../src/index.js';
import { counter } from '../examples/counter.js';

describe('a model of one own', () => {
  it('is checked from code, with the same data as --json', async () => {
    const result = await check(counter, { params: { threads: 2 }, workers: 2 });
    expect(verdictOf(result)).toBe('violated');
    const lost = result.properties.find((p) => p.name === 'NoLostUpdate')!;
    expect([lost.status, lost.traceLength]).toEqual(['violated', 4]);
    expect(lost.trace!.slice(1).map((s) => `${s.actor} ${s.action}`)).toEqual(['T0 read', 'T1 read', 'T0 write', 'T1 write']);
    expect(formatReport(result)).toContain('Invariant NoLostUpdate is violated.');
  });

  it("is importable as 'cocomc' by the package's own name", { timeout: 60_000 }, () => {
    const script = "import { check } from 'cocomc'; import { counter } from './examples/counter.ts';" +
      "const r = await check(counter, { workers: 2, batchSize: 1, params: { threads: 4 } }); console.log(r.distinctStates);"; // workers must not inherit --input-type
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(Number(run.stdout)).toBeGreaterThan(5);
  });
});

describe('a copy made from a model ({ ...model, build })', () => {
  // The counter's own build, with a lock: both threads' read and write in one action.
  const locked = {
    ...counter,
    build: (params: Parameters<typeof counter.build>[0]) => {
      const instance = counter.build(params);
      return { ...instance, actions: instance.actions.filter((a) => a.name !== 'read').map((a) => ({ ...a, guard: undefined })) };
    },
  };

  it('is checked as it is with 1 worker, not replaced by the original its module defines', async () => {
    const original = await check(counter, { params: { threads: 2 }, workers: 1 });
    const copy = await check(locked, { params: { threads: 2 }, workers: 1 });
    expect(copy.distinctStates).not.toBe(original.distinctStates);
    // Without a number of workers, a copy gets none rather than an error.
    expect((await check(locked, { params: { threads: 2 } })).distinctStates).toBe(copy.distinctStates);
  });

  it('is refused for worker threads, which could only rebuild the original', async () => {
    await expect(check(locked, { params: { threads: 2 }, workers: 2 })).rejects.toThrow(/worker threads rebuild a model by importing its module/);
  });
});
