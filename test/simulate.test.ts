/** `simulate`: seeded random walks, their reproducibility, the shortened trace, limits and the command line. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coco } from '../models/coco/index.js';
import { dieHard } from '../models/dieHard.js';
import { naiveLock, peterson } from '../models/peterson.js';
import { simulate, type SimulationResult } from '../src/index.js';
import { formatSimulation } from '../src/report/simulationText.js';
import { traceFromPath } from '../src/trace.js';
import { dropSteps } from '../src/walks/dropSteps.js';
import { randomStream } from '../src/walks/random.js';
import { shortenTrace } from '../src/walks/shorten.js';
import { deadlocking } from './fixtures/deadlockModel.js';
import { throwing } from './fixtures/throwingModel.js';
import { cocomc, expectUsageError } from './support/cocomc.js';

const untimed = ({ seconds: _, ...rest }: SimulationResult): Omit<SimulationResult, 'seconds'> => rest;
const actionsOf = (result: SimulationResult, name: string): string[] =>
  result.properties.find((p) => p.name === name)!.trace!.slice(1).map((s) => `${s.actor} ${s.action}`);

describe('simulate', () => {
  it('finds a seeded bug and reproduces it from its seed: the same walks, the same run, the same trace', async () => {
    const first = await simulate(naiveLock, { seed: 12345, shortenStates: 0 });
    // Pinned: a walk of 13 steps that loops back to the start; without its loops, the 4 steps of the race.
    expect(first.violation).toMatchObject({ property: 'MutualExclusion', run: 1, walkLength: 13, reducedLength: 4, traceLength: 4, shortest: false });
    const again = await simulate(naiveLock, { seed: 12345, shortenStates: 0 });
    expect(untimed(again)).toEqual(untimed(first));
    // Run r's walk depends on the seed and r alone: asking for exactly r runs finds it again, r - 1 do not.
    const { run } = first.violation!;
    const upTo = await simulate(naiveLock, { seed: 12345, shortenStates: 0, runs: run });
    expect(actionsOf(upTo, 'MutualExclusion')).toEqual(actionsOf(first, 'MutualExclusion'));
    if (run > 1) expect((await simulate(naiveLock, { seed: 12345, runs: run - 1 })).violation).toBeNull();
  });

  it('draws from a stream per seed and run: reproducible, different for another seed or run, uniform', () => {
    const draws = (seed: number, run: number, n = 1000, count = 20): number[] => {
      const random = randomStream(seed, run);
      return Array.from({ length: count }, () => random.below(n));
    };
    expect(draws(7, 0)).toEqual(draws(7, 0));
    expect(new Set([draws(7, 0), draws(8, 0), draws(7, 1), draws(2 ** 40 + 7, 0)].map(String)).size).toBe(4);
    const counts = [0, 0, 0, 0];
    for (const d of draws(1, 0, 4, 40_000)) counts[d]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('drops the steps a violation does not need, then proves the trace shortest by a bounded breadth-first search', async () => {
    const result = await simulate(dieHard, { seed: 0 });
    // Pinned: the same seed gives these walks on every machine.
    expect(result.violation).toMatchObject({ property: 'NotSolved', run: 182, walkLength: 26, reducedLength: 6, traceLength: 6, shortest: true });
    expect(result.violation!.search).toMatchObject({ complete: false, stopReason: 'max-depth' });
    expect(result.properties[0]).toMatchObject({ status: 'violated', traceLength: 6 });
    const unsearched = await simulate(dieHard, { seed: 0, shortenStates: 0 });
    expect(unsearched.violation).toMatchObject({ traceLength: 6, shortest: false, search: null });
    // A search bound too small to reach depth 5 leaves the trace not known to be shortest.
    const bounded = await simulate(dieHard, { seed: 0, shortenStates: 5 });
    expect(bounded.violation).toMatchObject({ traceLength: 6, shortest: false, search: { complete: false, stopReason: 'max-states', stuckIn: null } });
  });

  it('says in its report how the shortening search stopped, and where when it was stopped by force', async () => {
    const bounded = await simulate(dieHard, { seed: 0, shortenStates: 5 });
    const search = bounded.violation!.search!;
    const reportWith = (s: typeof search): string => formatSimulation({ ...bounded, violation: { ...bounded.violation!, search: s } });
    expect(reportWith(search)).toMatch(/would shorten it stopped \(max-states, \d+ states\)\./);
    // A search thread terminated in model code (the simulation passes on the check's stuckIn).
    const forced = { ...search, stopReason: 'time-limit', stuckIn: "the guard of action 'fill' of jug big" };
    expect(reportWith(forced)).toMatch(/stopped \(time-limit, \d+ states; by force in the guard of action 'fill' of jug big, which did not return\)\./);
  });

  it('cuts loops and needless steps out of a walk, and the search finds a shorter trace than a walk', async () => {
    const instance = dieHard.build({});
    // FillSmall, EmptySmall (back to the start), then the 6-step solution: 8 steps.
    const walk = [0, 0, 2, 1, 5, 2, 5, 1, 5];
    const solved = (s: { big: number }): boolean => s.big === 4;
    expect(dropSteps(instance, walk, solved)).toEqual([0, 1, 5, 2, 5, 1, 5]);
    const shortened = await shortenTrace(dieHard, 'NotSolved', traceFromPath(instance, walk), { params: {}, deadlock: false, maxStates: 1000 });
    expect([shortened.trace.length - 1, shortened.shortest]).toEqual([6, true]);
  });

  it("drops a witness's needless steps too: CoCo's CanComplete in the 8 steps check reports", async () => {
    const result = await simulate(coco, { runs: 20 });
    expect(result.properties.find((p) => p.name === 'CanComplete')).toMatchObject({ status: 'witnessed', traceLength: 8 });
  });

  it('gives the same result whatever the number of workers of the shortening search', async () => {
    const [one, two] = await Promise.all([1, 2].map((workers) => simulate(dieHard, { seed: 4, workers })));
    expect(untimed(two!)).toEqual(untimed(one!));
  });

  it('reports a deadlock as check does, with its trace', async () => {
    const result = await simulate(deadlocking, { seed: 0 });
    expect(result.violation).toMatchObject({ property: 'Deadlock', traceLength: 2, shortest: true });
    expect(actionsOf(result, 'Deadlock')).toEqual(['T0 lockFirst', 'T1 lockFirst']);
    expect(result.endedWithoutSuccessor).toBeGreaterThan(0);
    const without = await simulate(deadlocking, { seed: 0, deadlock: false, runs: 50 });
    expect([without.violation, without.stopReason, without.runsDone]).toEqual([null, 'runs-done', 50]);
    expect(without.properties).toMatchObject([{ name: 'BothDone', status: 'witnessed', traceLength: 6 }]);
  });

  it('counts steps, distinct states and per-action coverage', async () => {
    const result = await simulate(peterson, { runs: 30, depth: 40 });
    expect([result.runsDone, result.steps, result.endedAtDepth]).toEqual([30, 1200, 30]);
    expect(result.coverage.reduce((sum, c) => sum + c.taken, 0)).toBe(1200);
    // Peterson has 20 reachable states (check): every one is reached first by some action or is the initial state.
    expect(result.distinctStates).toBeLessThanOrEqual(20);
    expect(result.coverage.reduce((sum, c) => sum + c.distinct, 0)).toBe(result.distinctStates - 1);
    expect(result.properties.find((p) => p.name === 'MutualExclusion')!.status).toBe('unknown');
  });

  it('ends between steps at the time limit or when aborted, with the walks done so far', async () => {
    const timed = await simulate(peterson, { runs: 1e9, timeLimit: 0.2 });
    expect(timed.stopReason).toBe('time-limit');
    expect(timed.runsDone).toBeLessThan(1e9);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const aborted = await simulate(peterson, { runs: 1e9, signal: controller.signal });
    expect(aborted.stopReason).toBe('interrupted');
    expect(aborted.steps).toBeGreaterThan(0);
  });

  it('names the action and the state when a model throws', async () => {
    await expect(simulate(throwing, { seed: 0 })).rejects.toThrow(/^action 'increment' of counter [abc] threw: counter overflow; in state \{"a":\d,"b":\d,"c":\d\} \(run 1 of the walks\)$/);
  });

  it('names a guard that throws as the guard, as check does (it was named as its action)', async () => {
    const failingGuards = {
      ...throwing,
      build: () => {
        const built = throwing.build({});
        return { ...built, actions: built.actions.map((action) => ({ ...action, guard: () => { throw new Error('no guard'); } })) };
      },
    };
    await expect(simulate(failingGuards, { seed: 0 })).rejects.toThrow(/^the guard of action 'increment' of counter a threw: no guard; in state \{"a":0,"b":0,"c":0\} \(run 1 of the walks\)$/);
  });

  it.each([
    [{ runs: 0 }, "bad value '0' for --runs; accepted: a whole number >= 1"],
    [{ depth: 1.5 }, "bad value '1.5' for --depth; accepted: a whole number >= 0"],
    [{ seed: -1 }, "bad value '-1' for --seed; accepted: a whole number from 0 to 9007199254740991"],
    [{ timeLimit: 0 }, "bad value '0' for --time-limit; accepted: a number of seconds > 0"],
    [{ properties: ['Nope'] }, "unknown property 'Nope'; accepted: NotSolved"],
  ])('rejects bad options before any walk: %j', async (options, message) => {
    await expect(simulate(dieHard, options)).rejects.toThrow(message);
  });
});

describe('cocomc simulate', () => {
  it('prints the violation with its run and seed, exit 1; --json, --itf and --html', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-simulate-'));
    const [html, itf] = [path.join(dir, 'walk.html'), path.join(dir, 'walk.itf.json')];
    const run = cocomc('simulate', 'diehard', '--seed', '3', '--html', html, '--itf', itf);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Invariant NotSolved is violated in run \d+ \(a walk of \d+ steps, 6 once the steps it does not need are dropped\); no behaviour is shorter \(a breadth-first search explored every shorter one\)\.$/m);
    expect(run.stdout).toContain('The same seed (--seed 3) gives the same walks.');
    expect(readFileSync(html, 'utf8')).toContain('Counterexample:</span> NotSolved');
    expect(JSON.parse(readFileSync(itf, 'utf8')).states).toHaveLength(7);
    // The trace a walk gives is a behaviour of the model.
    expect(cocomc('replay', itf).code).toBe(0);
    const json = JSON.parse(cocomc('simulate', 'diehard', '--seed', '3', '--json').stdout);
    expect(json).toMatchObject({ model: 'diehard', seed: 3, stopReason: 'violation', violation: { property: 'NotSolved', traceLength: 6, shortest: true } });
  });

  it('exit 0 when every run ends without a violation, never saying holds; exit 3 when cut short', () => {
    const ok = cocomc('simulate', 'peterson', '--runs', '10');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/MutualExclusion\s+always\s+not violated in 10 runs of at most 100 steps/);
    expect(ok.stdout).not.toContain('holds');
    const cut = cocomc('simulate', 'peterson', '--runs', '1000000000', '--time-limit', '0.2');
    expect(cut.code).toBe(3);
    expect(cut.stdout).toContain('The walks were cut short (time-limit)');
  });

  // Depth 0: walks that take no step must let Ctrl-C in too.
  it.each([['100'], ['0']])('Ctrl-C ends the walks between two steps with the partial summary, exit 3 (depth %s)', async (depth) => {
    const child = spawn(process.execPath, ['dist/src/cli.js', 'simulate', 'peterson', '--runs', '1000000000', '--depth', depth, '--progress'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // A simulation that never hears Ctrl-C must not outlive the test.
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk));
    // The first progress line says the walks have started, and with them the Ctrl-C handler.
    await new Promise((resolve) => child.stderr.once('data', resolve));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(3);
    expect(stdout).toMatch(/The walks were cut short \(interrupted\) after [\d,]+ whole runs?\./);
    expect(stdout).toMatch(new RegExp(`MutualExclusion\\s+always\\s+not violated in [\\d,]+ runs? of at most ${depth} steps`));
  }, 20_000);

  it.each([
    [['simulate', 'diehard', '--runs', '0'], "cocomc: bad value '0' for --runs; accepted: a whole number >= 1"],
    [['simulate', 'diehard', '--seed', 'x'], "cocomc: bad value 'x' for --seed; accepted: a whole number from 0 to 9007199254740991"],
    [['simulate', 'diehard', '--seed', '99999999999999999999'], "cocomc: bad value '99999999999999999999' for --seed; accepted: a whole number from 0 to 9007199254740991"],
    [['simulate', 'diehard', '--seed', '9007199254740992'], "cocomc: bad value '9007199254740992' for --seed; accepted: a whole number from 0 to 9007199254740991"],
    [['simulate', 'diehard', '--shorten-states', '-1'], "cocomc: bad value '-1' for --shorten-states; accepted: a whole number >= 0"],
  ])('2 for bad usage: %j', (args, message) => {
    expectUsageError(cocomc(...args), message);
  });

  it('documents every flag in help', () => {
    const help = cocomc('help', 'simulate', 'diehard').stdout;
    for (const flag of ['--runs', '--depth', '--seed', '--shorten-states', '--workers', '--property', '--time-limit', '--deadlock', '--progress', '--json', '--html', '--itf']) {
      expect(help).toContain(`  ${flag}`);
    }
    expect(cocomc('help').stdout).toContain('simulate [MODEL] [flags]');
    expect(existsSync('dist/src/cli/commands/simulate.js')).toBe(true);
  });
});
