/**
 * A model of one's own, exactly as the README shows it: its example is a real file, TypeScript
 * loads directly (in the worker threads too), and a module's top-level code never runs again in
 * the workers.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cocomc } from './support/cocomc.js';

/** Tests that start node with tsx and worker threads: slow on a loaded machine (no test asserts time). */
const SPAWNS = { timeout: 60_000 };

const readme = readFileSync('README.md', 'utf8');

/** The fenced block of `language` that follows the first mention of `after` in the README. */
function readmeBlock(after: string, language: string): string {
  const from = readme.indexOf(after);
  expect(from).toBeGreaterThanOrEqual(0);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme.slice(from));
  return match![1]!;
}

describe("the README's model example", () => {
  it('is the files examples/counter.ts and examples/checkCounter.ts, as they are', () => {
    expect(readmeBlock('This one is `examples/counter.ts`', 'ts')).toBe(readFileSync('examples/counter.ts', 'utf8'));
    expect(readmeBlock('`examples/checkCounter.ts`:', 'ts')).toBe(readFileSync('examples/checkCounter.ts', 'utf8'));
  });

  it('prints what the README says when its script runs as the README shows', SPAWNS, () => {
    const [command, ...output] = readmeBlock('`examples/checkCounter.ts`:\n\n```ts', 'text').trimEnd().split('\n');
    expect(command).toBe('$ node --import tsx examples/checkCounter.ts');
    const run = spawnSync(process.execPath, command!.split(' ').slice(2), { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual(output);
  });

  it('is checked from TypeScript by the command line, on 2 worker threads, with valid --json', SPAWNS, () => {
    expect(readme).toContain('npx cocomc check examples/counter.ts --threads 3\n');
    const run = cocomc('check', 'examples/counter.ts', '--threads', '3', '--workers', '2', '--batch-size', '1', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ model: 'counter', params: { threads: 3 }, workers: 2, complete: true });
    expect(result.properties[0]).toMatchObject({ name: 'NoLostUpdate', status: 'violated', traceLength: 6 });
  });
});

describe('a model module loaded by the command line', () => {
  it("runs its guarded top-level code once, never in the worker threads, and --json stays valid", SPAWNS, () => {
    const run = cocomc('check', 'dist/test/fixtures/sideEffectModel.js', '--workers', '2', '--batch-size', '1', '--json');
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines.filter((line) => line === 'sideEffectModel: loaded')).toHaveLength(1);
    // The search thread and each worker thread print once, into stderr.
    expect(lines.filter((line) => line === 'sideEffectModel: printed in a thread').length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ model: 'sideEffect', distinctStates: 243, workers: 2 });
  });

  it('that fails while loading is a model error (exit 4, one line); a path to nothing is a usage error (exit 2)', SPAWNS, () => {
    const failing = cocomc('check', 'test/fixtures/failingModule.ts');
    expect([failing.code, failing.stderr]).toEqual([4, "cocomc: model error: loading model module 'test/fixtures/failingModule.ts' failed: the model module failed while loading\n"]);
    const missing = cocomc('check', './no-such-model.ts');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cocomc: no model module at '\.\/no-such-model\.ts'; accepted: coco, .*, or a path to a model module\n$/);
  });
});
