/**
 * Checkpoint and resume: a search stopped after a checkpoint and resumed from it ends with exactly
 * what an uninterrupted search finds (counts, verdicts, traces), whatever the number of workers,
 * even after a kill -9; a checkpoint of another search, or a damaged one, is refused.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../src/check.js';
import type { AnyModel } from '../src/model.js';
import type { CheckResult } from '../src/result.js';
import { writeCheckpoint } from '../src/checkpoint/write.js';
import { coco } from '../models/coco/index.js';
import { twoPhase } from '../models/twoPhase.js';
import { comparable } from './support/comparable.js';
import { cocomc, expectUsageError } from './support/cocomc.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'cocomc-checkpoint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => path.join(scratch, `checkpoint-${++dirs}`);

/** What a resumed run must share with an uninterrupted one: everything but time, memory, workers and where it resumed. */
const sameAs = (result: CheckResult) => {
  const { resumedFrom, ...rest } = comparable(result);
  return rest;
};

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

// Without flushTlb the CoCo transition is violated at depth 6 to 8: the findings and their traces
// are saved in the checkpoints and must come back whole.
const cocoNoFlush = { steps: 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent', pages: 2, readers: 1 };

// Each test runs a few checks, some on worker threads: more than the default 5 s on a busy machine.
describe('a search stopped after a checkpoint and resumed ends as an uninterrupted one', { timeout: 30_000 }, () => {
  const models: Record<string, AnyModel> = { twophase: twoPhase, coco };
  // An uninterrupted run's result is the same whatever the number of workers: one per model.
  const wholeRuns = new Map<string, Promise<CheckResult>>();
  it.each([
    ['twophase', { rms: 4 }, 900, 1],
    ['twophase', { rms: 4 }, 900, 2],
    ['coco', cocoNoFlush, 400, 1],
    ['coco', cocoNoFlush, 400, 2],
  ] as const)('%s %j stopped at %i states, %i worker(s)', async (name, params, maxStates, workers) => {
    const model = models[name]!;
    const options: CheckOptions = { params, workers, batchSize: 16, minBatchesForWorkers: 1 };
    if (!wholeRuns.has(name)) wholeRuns.set(name, check(model, { ...options, workers: 1 }));
    const whole = await wholeRuns.get(name)!;
    const dir = freshDir();
    const stopped = await check(model, { ...options, maxStates, checkpoint: dir, checkpointEvery: 0 });
    expect(stopped.stopReason).toBe('max-states');
    // The batch size changes no count of a whole level: the resumed run cuts its levels otherwise.
    const resumed = await check(model, { ...options, batchSize: 64, resume: dir });
    // It went on from a level well inside the search, not from the start.
    expect(resumed.resumedFrom!.level).toBeGreaterThan(3);
    expect(resumed.resumedFrom!.distinctStates).toBeLessThan(maxStates);
    expect(sameAs(resumed)).toEqual(sameAs(whole));
    expect(resumed.properties.filter((p) => p.trace).length).toBeGreaterThan(0);
  });

  it('a resumed search writes checkpoints of its own, which resume as well', async () => {
    const options: CheckOptions = { params: { rms: 4 }, workers: 1, batchSize: 16 };
    const whole = await check(twoPhase, options);
    const dir = freshDir();
    await check(twoPhase, { ...options, maxStates: 300, checkpoint: dir, checkpointEvery: 0 });
    const first = manifestOf(dir).level;
    await check(twoPhase, { ...options, maxStates: 900, resume: dir, checkpoint: dir, checkpointEvery: 0 });
    expect(manifestOf(dir).level).toBeGreaterThan(first);
    const resumed = await check(twoPhase, { ...options, resume: dir });
    expect(sameAs(resumed)).toEqual(sameAs(whole));
  });

  it("resumes from DIR.old when a write was cut between its two renames, and ignores a half-written DIR.new", async () => {
    const options: CheckOptions = { params: { rms: 4 }, workers: 1 };
    const whole = await check(twoPhase, options);
    const dir = freshDir();
    await check(twoPhase, { ...options, maxStates: 900, checkpoint: dir, checkpointEvery: 0 });
    renameSync(dir, `${dir}.old`);
    mkdirSync(`${dir}.new`);
    writeFileSync(path.join(`${dir}.new`, 'seen-parents.u32'), 'half');
    expect(sameAs(await check(twoPhase, { ...options, resume: dir }))).toEqual(sameAs(whole));
  });

  /** A checkpoint written by a check, its manifest, and the files of another one, whose second column is `fpLo`. */
  async function previousAndNext(fpLo: Iterable<ArrayBufferView> = [new Uint32Array(1)]) {
    const dir = freshDir();
    await check(twoPhase, { params: { rms: 3 }, workers: 1, maxStates: 50, checkpoint: dir, checkpointEvery: 0 });
    const before = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    const columns = { fpHi: [new Uint32Array(1)], fpLo, parents: [new Uint32Array(1)], actions: [new Uint16Array(1)], frontierBytes: [new Uint8Array(1)], frontierEnds: [new Uint32Array(1)] };
    return { dir, before, next: { ...JSON.parse(before), level: 99 }, columns };
  }

  it('a write asked to stop is abandoned: the previous checkpoint stays whole', async () => {
    const { dir, before, next, columns } = await previousAndNext();
    let asked = 0;
    expect(writeCheckpoint(dir, next, columns, () => ++asked > 3)).toBe(false);
    // It was asked after three chunks had been written, so it had begun.
    expect(asked).toBe(4);
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(before);
    expect(existsSync(`${dir}.new`)).toBe(false);
  });

  it('a write that fails is one error naming the checkpoint, and the previous checkpoint stays whole', async () => {
    const failing = { *[Symbol.iterator]() { yield new Uint32Array(1); throw new Error('ENOSPC: no space left on device'); } };
    const { dir, before, next, columns } = await previousAndNext(failing);
    expect(() => writeCheckpoint(dir, next, columns, () => false)).toThrow(`cannot write the checkpoint '${dir}': ENOSPC: no space left on device`);
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(before);
    expect(existsSync(`${dir}.new`)).toBe(false);
  });

  it('a limit still stops a search that writes a checkpoint at every level, and leaves no half-written one', async () => {
    const dir = freshDir();
    const stopped = await check(twoPhase, { params: { rms: 8 }, workers: 1, timeLimit: 0.5, checkpoint: dir, checkpointEvery: 0 });
    expect(stopped.stopReason).toBe('time-limit');
    expect(existsSync(`${dir}.new`)).toBe(false);
  });
});

describe('cocomc check --resume after kill -9', () => {
  const args = ['check', 'flip', '--n', '20', '--workers', '2', '--json'];

  /** Starts a check that writes a checkpoint at every level, and kills it (SIGKILL) once one of `level` or more is there. */
  function killedAtLevel(dir: string, level: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/src/cli.js', ...args, '--checkpoint', dir, '--checkpoint-every', '0'], { stdio: 'ignore' });
      const poll = setInterval(() => {
        // The manifest may vanish between two looks, while a new checkpoint is renamed into place.
        try {
          if (manifestOf(dir).level >= level) child.kill('SIGKILL');
        } catch {}
      }, 10);
      child.on('exit', (code, signal) => {
        clearInterval(poll);
        if (signal === 'SIGKILL') resolve();
        else reject(new Error(`the check ended by itself (exit ${code}) before a checkpoint of level ${level}`));
      });
    });
  }

  it('ends with the JSON of an uninterrupted run, but for its time and workers', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    await killedAtLevel(dir, 4);
    const resumed = cocomc(...args, '--resume', dir);
    const whole = cocomc(...args);
    expect([resumed.code, whole.code]).toEqual([0, 0]);
    const fields = (json: string) => sameAs(JSON.parse(json) as CheckResult);
    expect(fields(resumed.stdout)).toEqual(fields(whole.stdout));
    expect((JSON.parse(resumed.stdout) as CheckResult).resumedFrom!.level).toBeGreaterThanOrEqual(4);
  });
});

describe('a checkpoint of another search, or a damaged one, is refused before the search (exit 2)', { timeout: 30_000 }, () => {
  const dir = freshDir();
  const options: CheckOptions = { params: { rms: 3 }, workers: 1 };
  const written = check(twoPhase, { ...options, checkpoint: dir, checkpointEvery: 0 });
  /** Resumes a copy of the checkpoint, damaged by `damage`, with `resume`'s options: the check must be refused with `message`. */
  const refusal = async (damage: (copy: string) => void, resume: CheckOptions, message: string | RegExp): Promise<void> => {
    await written;
    const copy = freshDir();
    cpSync(dir, copy, { recursive: true });
    damage(copy);
    await expect(check(twoPhase, { ...options, ...resume, resume: copy })).rejects.toThrow(message);
  };
  const editManifest = (edit: (m: Record<string, any>) => void) => (copy: string) => {
    const m = manifestOf(copy);
    edit(m);
    writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(m));
  };

  it('of other parameters', () => refusal(() => {}, { params: { rms: 4 } }, /it was written with parameter rms 3, this check has 4; accepted: a checkpoint of the same model/));
  it('of another option that changes results', () => refusal(() => {}, { symmetry: true }, /--symmetry its default, this check has true/));
  it('of another state encoding, which changes every fingerprint', () => refusal(() => {}, { stateEncoding: 'generic' }, /stateEncoding its default, this check has "generic"/));
  it('of another cocomc version', () => refusal(editManifest((m) => (m.identity.cocomc = '0.0.1')), {}, /it was written with cocomc "0.0.1", this check has "0.2.0"/));
  it('of another model of the same name (other initial states)', () => refusal(editManifest((m) => (m.initialStates = 2)), {}, /its initial states are not this model's/));
  it('with a file cut short', () => refusal((copy) => truncateSync(path.join(copy, 'seen-parents.u32'), 4), {}, /seen-parents.u32 has 4 bytes, its manifest says/));
  it('with a file altered', () => refusal((copy) => {
    const file = path.join(copy, 'seen-fingerprint-lo.u32');
    const bytes = readFileSync(file);
    bytes[0]! ^= 1;
    writeFileSync(file, bytes);
  }, {}, /seen-fingerprint-lo.u32 is not what its manifest's hash says/));
  it('with a file missing', () => refusal((copy) => rmSync(path.join(copy, 'frontier-ends.u32')), {}, /frontier-ends.u32 is missing/));
  it('with a manifest that is not JSON', () => refusal((copy) => writeFileSync(path.join(copy, 'manifest.json'), '{'), {}, /its manifest.json is not JSON/));
  it('with a smaller --max-states than the states it holds', () => refusal(() => {}, { maxStates: 2 }, /bad value '2' for --max-states: the checkpoint to resume holds \d+ states already/));

  it('from the command line: one line, exit 2', async () => {
    await written;
    expectUsageError(cocomc('check', 'flip', '--resume', dir), `cocomc: bad checkpoint '${dir}' for --resume: it was written with model "twophase", this check has "flip"`);
  });

  it('a missing checkpoint', () => refusal((copy) => rmSync(copy, { recursive: true }), {}, /^bad value '.*' for --resume: no checkpoint there; accepted: a directory that --checkpoint wrote$/));

  it('a --checkpoint DIR that is a file, or holds files of its own, is refused and left alone', async () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, 'mine');
    await expect(check(twoPhase, { ...options, checkpoint: file })).rejects.toThrow(`bad value '${file}' for --checkpoint: it is a file`);
    const own = freshDir();
    mkdirSync(own);
    writeFileSync(path.join(own, 'notes.txt'), 'mine');
    await expect(check(twoPhase, { ...options, checkpoint: own })).rejects.toThrow(`bad value '${own}' for --checkpoint: it holds files and no checkpoint`);
    expect(readFileSync(path.join(own, 'notes.txt'), 'utf8')).toBe('mine');
    await expect(check(twoPhase, { ...options, checkpointEvery: 0 })).rejects.toThrow('--checkpoint-every needs --checkpoint DIR');
  });
});
