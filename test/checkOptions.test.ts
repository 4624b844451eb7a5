/**
 * One validation of options for the library and the command line: a bad value is refused before
 * any search, with the same one-line message (a UsageError from check(), sweep() and matrix(),
 * exit 2 from the CLI), naming the value and what is accepted.
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../src/check.js';
import { UsageError } from '../src/errors.js';
import { matrix } from '../src/matrix.js';
import { confirm } from '../src/sweep/confirm.js';
import { sweep, type SweepResult } from '../src/sweep/sweep.js';
import { coco } from '../models/coco/index.js';
import { naiveLock } from '../models/peterson.js';
import { cocomc } from './support/cocomc.js';

/** Each case: the flags, the same options given to check(), and the one line both must give. */
const badEngineOptions: [string[], CheckOptions, string][] = [
  [['--batch-size', '0.5'], { batchSize: 0.5 }, "bad value '0.5' for --batch-size; accepted: a whole number >= 1"],
  [['--batch-size', '0'], { batchSize: 0 }, "bad value '0' for --batch-size; accepted: a whole number >= 1"],
  [['--batch-size', '-5'], { batchSize: -5 }, "bad value '-5' for --batch-size; accepted: a whole number >= 1"],
  [['--max-states', '0'], { maxStates: 0 }, "bad value '0' for --max-states; accepted: a whole number >= 1"],
  [['--max-depth', '1.5'], { maxDepth: 1.5 }, "bad value '1.5' for --max-depth; accepted: a whole number >= 0"],
  [['--time-limit', '-1'], { timeLimit: -1 }, "bad value '-1' for --time-limit; accepted: a number of seconds > 0"],
  [['--workers', '0'], { workers: 0 }, "bad value '0' for --workers; accepted: a whole number >= 1"],
  [
    ['--stop-at-first', '--continue'],
    { stopAtFirst: true, exhaustive: true },
    '--stop-at-first and --continue contradict each other: one stops at the first violation, the other explores the whole space; give one',
  ],
];

describe('check() and cocomc check refuse the same bad options with the same line', () => {
  it.each(badEngineOptions)('%j', async (flags, options, message) => {
    await expect(check(naiveLock, options)).rejects.toThrow(new UsageError(message));
    const run = cocomc('check', 'naivelock', ...flags);
    expect([run.code, run.stderr, run.stdout]).toEqual([2, `cocomc: ${message}\n`, '']);
  });

  it('refuses a fractional batch size rather than searching part of the space and calling it complete', async () => {
    await expect(check(naiveLock, { batchSize: 1.5 })).rejects.toThrow(UsageError);
    const whole = await check(naiveLock, { batchSize: 1, workers: 1 });
    expect([whole.complete, whole.properties[0]!.status]).toEqual([true, 'violated']);
  });

  it('refuses maxMemory that is not a whole number of MiB >= 1, and an option it does not know', async () => {
    await expect(check(naiveLock, { maxMemory: 0 })).rejects.toThrow(new UsageError("bad value '0' for --max-memory; accepted: a whole number >= 1"));
    await expect(check(naiveLock, { maxMemory: 2.5 } as CheckOptions)).rejects.toThrow(UsageError);
    await expect(check(naiveLock, { maxstates: 10 } as CheckOptions)).rejects.toThrow(/^unknown check option 'maxstates'; accepted: params, workers, /);
    await expect(check(naiveLock, { stopAtFirst: 'yes' } as unknown as CheckOptions)).rejects.toThrow(new UsageError("bad value 'yes' for --stop-at-first; accepted: true or false"));
  });
});

describe('sweep(), matrix() and confirm() validate as their commands do', () => {
  it('refuses a bad worker count with the message of cocomc sweep and cocomc matrix', async () => {
    const message = "bad value '0.5' for --workers; accepted: a whole number >= 1";
    await expect(sweep(coco, {}, { workers: 0.5 })).rejects.toThrow(new UsageError(message));
    await expect(matrix(coco, {}, { workers: 0.5 })).rejects.toThrow(new UsageError(message));
    for (const command of ['sweep', 'matrix']) expect(cocomc(command, '--workers', '0.5').stderr).toBe(`cocomc: ${message}\n`);
  });

  it('refuses an unknown property with the UsageError check() gives, whatever the number of workers', async () => {
    const refusal = await check(coco, { properties: ['Nope'] }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UsageError);
    for (const workers of [1, 2]) {
      const error = await matrix(coco, {}, { workers, properties: ['Nope'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe((refusal as UsageError).message);
    }
    expect(cocomc('matrix', '--property', 'Nope').stderr).toBe(`cocomc: ${(refusal as UsageError).message}\n`);
  });

  it('refuses a bad --confirm value before any check, from the library and the command line', async () => {
    const small = { model: 'coco', params: { pages: 1, readers: 1 }, results: [] } as unknown as SweepResult;
    const message = "--confirm: bad value 'abc' for --pages; accepted: a whole number from 1 to 16";
    await expect(confirm(coco, small, { pages: 'abc' })).rejects.toThrow(new UsageError(message));
    const run = cocomc('sweep', '--confirm', 'pages=abc');
    expect([run.code, run.stderr, run.stdout]).toEqual([2, `cocomc: ${message}\n`, '']);
  });

  it('refuses a shard in confirm(): only a whole study is confirmed, so a shard would be silently ignored', async () => {
    const small = { model: 'coco', params: { pages: 1, readers: 1 }, results: [] } as unknown as SweepResult;
    await expect(confirm(coco, small, { pages: '2' }, { shard: '1/2' } as never)).rejects.toThrow(/unknown confirm option 'shard'/);
  });
});
