/** Runs the built command line (`dist/src/cli.js`, so `npm test` builds first) and returns what it did. */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

export function cocomc(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['dist/src/cli.js', ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The text report without its timing lines, which differ from run to run. */
export function untimed(report: string): string {
  return report.replace(/^.* states\/s, peak memory .*$/m, '').replace(/^.*distinct states.*$/m, '');
}

/** Expects what a user mistake ends in: exit 2, nothing on stdout, and one line on stderr that starts with `message`. */
export function expectUsageError(run: ReturnType<typeof cocomc>, message: string): void {
  expect([run.code, run.stdout]).toEqual([2, '']);
  expect(run.stderr.startsWith(message)).toBe(true);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}
