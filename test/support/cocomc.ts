/** Runs the built command line (`dist/src/cli.js`, so `npm test` builds first) and returns what it did. */
import { spawnSync } from 'node:child_process';

export function cocomc(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['dist/src/cli.js', ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The text report without its timing lines, which differ from run to run. */
export function untimed(report: string): string {
  return report.replace(/^.* states\/s, peak memory .*$/m, '').replace(/^.*distinct states.*$/m, '');
}
