/**
 * Every limit holds whatever a model does, and a model's mistakes are model errors: run against
 * the build in dist/ with a model whose code misbehaves at a level wide enough for worker threads.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { simulate } from '../src/walks/simulate.js';
import { simulationVerdict } from '../src/walks/simulationResult.js';
import { coco } from '../models/coco/index.js';
import { misbehaving } from './fixtures/misbehavingModel.js';
import { cocomc } from './support/cocomc.js';

const MODEL = 'dist/test/fixtures/misbehavingModel.js';
const misbehave = (fault: string, workers: string, ...flags: string[]) =>
  cocomc('check', MODEL, '--fault', fault, '--workers', workers, '--batch-size', '1', ...flags);

/**
 * Runs the CLI and sends it `signal` once the model says it is in code that never returns;
 * resolves with its exit code and output. Waiting for that line rather than for a fixed time: on
 * a busy machine the CLI may not have reached the model code in two seconds.
 */
function interrupted(signal: NodeJS.Signals, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/src/cli.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // Once: a second signal ends cocomc at once, without its report.
      if (sent || !stderr.includes('in model code that never returns')) return;
      sent = true;
      child.kill(signal);
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a limit stops model code that never returns, with the partial summary and exit 3', () => {
  it.each([
    ['hang-action', '1', "action 'increment' of counter c"],
    ['hang-guard', '2', "the guard of action 'increment' of counter b"],
    ['hang-build', '2', "the model's build (its initial states)"],
    ['hang-codec', '1', "the state made by action 'increment' of counter a"],
  ])('--time-limit: %s with %s workers', (fault, workers, where) => {
    // 2.5 s: on a machine loaded four times over, the CLI, its search thread and the pool's took
    // 1.6 s to reach a depth of 3, and the limit fell before the code that never returns.
    const run = misbehave(fault, workers, '--time-limit', '2.5');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`The search is incomplete (time-limit). It was stopped by force in ${where}, which did not return.`);
  });

  it.each([['SIGINT' as const, '1'], ['SIGTERM' as const, '2']])('%s with %s workers', async (signal, workers) => {
    const run = await interrupted(signal, ['check', MODEL, '--fault', 'hang-property', '--workers', workers, '--batch-size', '1']);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/Small +always +unknown/);
    expect(run.stdout).toContain("84 distinct states, 168 transitions (169 states generated), depth 6. The search is incomplete (interrupted). It was stopped by force in property 'Small'");
  });

  it('a model error is reported while a later batch of the level is stuck in the model', () => {
    // No limit is given: the report must not wait for the stuck batch, which never ends.
    const run = misbehave('throw-then-hang', '2');
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("action 'increment' of counter c threw: counter overflow");
  });

  it('--max-memory stops model code that allocates without end, instead of a crash', () => {
    const run = misbehave('allocate', '1', '--max-memory', '300');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('The search is incomplete (max-memory).');
  });

  it('the library honours the time limit as the CLI does, and says where the search was stuck', async () => {
    const result = await check(misbehaving, { params: { fault: 'hang-action' }, workers: 1, timeLimit: 1.5 });
    expect([result.complete, result.stopReason, result.stuckIn]).toEqual([false, 'time-limit', "action 'increment' of counter c"]);
    expect(result.properties.map((p) => p.status)).toEqual(['unknown']);
    // The counts come from the live status the search left: states, transitions and the seen-set's size.
    expect([result.distinctStates, result.transitions]).toEqual([84, 168]);
    expect(result.bytesPerState).toBeGreaterThan(0);
  });
});

describe('simulate: a limit stops model code that never returns, with the partial summary and exit 3', () => {
  // Seed 0's first walk reaches a total of 6 in 6 steps, where the guard of b never returns.
  const hanging = ['simulate', MODEL, '--fault', 'hang-guard'];
  const summary = (reason: string): string =>
    `0 runs, 6 steps, 7 distinct states seen; 0 ended at the depth bound, 0 where no action was enabled. The walks were cut short (${reason}) after 0 whole runs. ` +
    "They were stopped by force in the guard of action 'increment' of counter b, which did not return.";

  it('--time-limit', () => {
    // 2.5 s, as above: on a busy machine the walks may take a second or more to reach the guard.
    const run = cocomc(...hanging, '--time-limit', '2.5');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(summary('time-limit'));
  });

  it('SIGINT', async () => {
    const run = await interrupted('SIGINT', hanging);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(summary('interrupted'));
  });

  it('--time-limit, in a codec of the model\'s own', () => {
    // Seed 0's first walk takes b at a total of 5: encoding the state it made never returns.
    const run = cocomc('simulate', MODEL, '--fault', 'hang-codec', '--time-limit', '2.5');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("They were stopped by force in the state made by action 'increment' of counter b, which did not return.");
  });

  // Seed 0's first walk breaks Small in 12 steps; shortening it reaches the guard of c where b is 0
  // at a total of 7, which the walk never visited, and which never returns.
  const whileShortening = "the guard of action 'increment' of counter c";

  // The violation was found before the shortening hung: it is reported, without the trace the
  // thread took with it, never as "not violated".
  it('--time-limit, while a violation is shortened', () => {
    const run = cocomc('simulate', MODEL, '--fault', 'hang-off-walk', '--time-limit', '2.5');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Small                    always    violated in run 1 (a walk of 12 steps; its trace was lost, see below)');
    expect(run.stdout).toContain(
      '1 run, 12 steps, 13 distinct states seen; 0 ended at the depth bound, 0 where no action was enabled. The walks were cut short (time-limit) after 1 whole run. ' +
        `They were stopped by force in ${whileShortening}, which did not return. ` +
        'Run 1 had violated Small in a walk of 12 steps, whose trace was lost with the thread that was shortening it; the same seed (--seed 0) walks it again.',
    );
  });

  it('the library says where it was stuck while a violation was shortened, and which violation it was', async () => {
    // 2.5 s, as above: on a busy machine the walk may take a second or more to reach its finding.
    const result = await simulate(misbehaving, { params: { fault: 'hang-off-walk' }, timeLimit: 2.5 });
    expect([result.stopReason, result.stuckIn, result.runsDone]).toEqual(['time-limit', whileShortening, 1]);
    expect(result.untracedViolation).toEqual({ property: 'Small', run: 1, walkLength: 12 });
    expect(result.properties.map((p) => [p.name, p.status, p.trace])).toEqual([['Small', 'violated', null]]);
    expect(simulationVerdict(result)).toBe('violated');
  });

  it('process.exit while a violation is shortened is a model error naming the code', () => {
    const run = cocomc('simulate', MODEL, '--fault', 'exit-off-walk');
    expect([run.code, run.stderr.trim(), run.stdout]).toEqual([4, `cocomc: model error: ${whileShortening} called process.exit(42) (while a walk was being shortened)`, '']);
  });
});

describe('replay: Ctrl-C stops model code that never returns, with exit 3', () => {
  it('SIGINT', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-limits-'));
    try {
      // Small's counterexample reaches a total of 12, through 6, where the action of c never returns.
      const trace = path.join(dir, 'small.itf.json');
      expect(misbehave('none', '1', '--itf', trace).code).toBe(1);
      const run = await interrupted('SIGINT', ['replay', trace, MODEL, '--fault', 'hang-action']);
      expect([run.code, run.stdout]).toEqual([3, '']);
      expect(run.stderr).toContain('cocomc: the replay was interrupted before it reached the end of the trace');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--max-states stops within a level of states with thousands of successors each', () => {
  it('expands only about as many states as the budget needs, whatever the number of workers', async () => {
    // The second level of coco at its largest has about 900 states of about 600 successors each:
    // expanding a whole batch of it before merging made 437,618 transitions (6 s) for 1,000 states.
    const options = { params: { pages: 16, readers: 16 }, maxStates: 1000 };
    const one = await check(coco, { ...options, workers: 1 });
    expect([one.distinctStates, one.stopReason]).toEqual([1000, 'max-states']);
    expect(one.transitions).toBeLessThan(5000);
    const two = await check(coco, { ...options, workers: 2 });
    expect([two.distinctStates, two.transitions]).toEqual([one.distinctStates, one.transitions]);
  });
});

describe("a model's mistakes are model errors (exit 4) naming the code", () => {
  it.each([
    ['exit', '1', `action 'increment' of counter c called process.exit(42); in state {"a":6,"b":0,"c":0}`],
    ['exit', '2', `action 'increment' of counter c called process.exit(42); in state {"a":6,"b":0,"c":0}`],
    ['undefined-property', '2', `property 'Small' returned undefined, not a boolean; in state {"a":6,"b":0,"c":0}`],
    ['number-guard', '1', `the guard of action 'increment' of counter b returned 1, not a boolean; in state {"a":6,"b":0,"c":0}`],
    ['no-initial-state', '1', "model 'misbehaving' has no initial states: there is nothing to search"],
  ])('%s with %s workers', (fault, workers, message) => {
    const run = misbehave(fault, workers);
    expect([run.code, run.stderr.trim(), run.stdout]).toEqual([4, `cocomc: model error: ${message}`, '']);
  });
});

describe('the worker count is the number of threads that expanded states', () => {
  it('none when every level stayed in the search thread, however many were asked for', () => {
    const result = JSON.parse(cocomc('check', 'diehard', '--workers', '1000', '--json').stdout);
    expect([result.workers, result.workersUsed]).toEqual([1000, 0]);
    expect(cocomc('check', 'diehard', '--workers', '1000').stdout).toContain('no worker thread used (1000 asked for; every level stayed in the search thread)');
  });

  it('those that expanded batches when levels went to the pool', () => {
    const result = JSON.parse(misbehave('none', '2', '--json').stdout);
    expect([result.workers, result.workersUsed]).toEqual([2, 2]);
  });
});
