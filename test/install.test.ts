/**
 * Installing outside the repository, as the README shows: the packed tarball installed into a
 * project of one's own gives the `cocomc` command (npx cocomc), `import ... from 'cocomc'`, and
 * TypeScript models checked on worker threads. Installs from npm's cache where it can.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const root = mkdtempSync(path.join(tmpdir(), 'cocomc-install-'));
const project = path.join(root, 'my-models');
/** What npx cocomc runs there, without npx's own start-up each time. */
const cocomcBin = path.join(project, 'node_modules', '.bin', 'cocomc');

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { cwd: project, encoding: 'utf8', ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('cocomc installed into another project from its packed tarball', () => {
  beforeAll(() => {
    // npm test has built dist/ already: packing need not build it again.
    const pack = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], { cwd: process.cwd() });
    expect(pack.code, pack.stderr).toBe(0);
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'my-models', private: true, type: 'module' }));
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(root, pack.stdout.trim())]);
    expect(install.code, install.stderr).toBe(0);
  }, 180_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // Generous timeouts: npm and worker start-ups are slow on a loaded machine (no test asserts time).
  it('runs as npx cocomc, and says its version', { timeout: 60_000 }, () => {
    expect(run('npx', ['cocomc', '--version'])).toMatchObject({ code: 0, stdout: `cocomc ${version}\n` });
    const diehard = run(cocomcBin, ['check', 'diehard', '--workers', '1']);
    expect([diehard.code, diehard.stderr]).toEqual([1, '']);
    expect(diehard.stdout).toContain('Invariant NotSolved is violated.');
  });

  it("is imported as 'cocomc'", { timeout: 60_000 }, () => {
    const script = "import { check, defineModel, always } from 'cocomc'; console.log(typeof check, typeof defineModel, typeof always);";
    expect(run(process.execPath, ['--input-type=module', '-e', script])).toMatchObject({ code: 0, stdout: 'function function function\n', stderr: '' });
  });

  it("checks the README's TypeScript model there, on 2 worker threads", { timeout: 60_000 }, () => {
    copyFileSync(path.join(project, 'node_modules', 'cocomc', 'examples', 'counter.ts'), path.join(project, 'counter.ts'));
    const check = run(cocomcBin, ['check', 'counter.ts', '--threads', '3', '--workers', '2', '--batch-size', '1', '--json']);
    expect([check.code, check.stderr]).toEqual([1, '']);
    expect(JSON.parse(check.stdout)).toMatchObject({ model: 'counter', workers: 2, params: { threads: 3 } });
  });
});
