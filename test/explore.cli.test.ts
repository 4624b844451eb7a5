/**
 * `cocomc explore` on the command line: it serves on 127.0.0.1, refuses bad flags in one line
 * (exit 2) before it serves, and Ctrl-C or SIGTERM stop it with exit 0.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expectUsageError } from './support/cocomc.js';
import { startExplorer } from '../scripts/explorer.js';

/** Runs `cocomc explore` expecting it to refuse: a command that serves instead is killed after 20 s, and fails the test. */
function explore(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['dist/src/cli.js', 'explore', ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cocomc explore', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves the page and its API on 127.0.0.1 until %s, then exits 0', async (signal) => {
    const explorer = await startExplorer('naivelock');
    const page = await fetch(explorer.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>cocomc explore: naivelock</title>');
    const view = (await (await fetch(`${explorer.url}api/state?path=0`)).json()) as { path: number[] };
    expect(view.path).toEqual([0]);
    const done = await explorer.stop(signal);
    expect(done).toEqual({ code: 0, stdout: `cocomc explore: ${explorer.url} (Ctrl-C stops)\n`, stderr: '' });
  }, 30_000);

  it('stops on Ctrl-C while model code it runs for the page never returns', async () => {
    const explorer = await startExplorer('test/fixtures/misbehavingModel.ts', '--fault', 'hang-action');
    // At a total of 6 the action of counter c never returns: asking which actions are enabled there runs it.
    const asked = fetch(`${explorer.url}api/state?path=0.0.0.0.0.0.0&fault=hang-action`).catch(() => 'dropped');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await explorer.stop('SIGINT')).code).toBe(0);
    expect(await asked).toBe('dropped');
  }, 30_000);

  it('refuses a model without an initial state, exit 4, before serving', () => {
    const run = explore('test/fixtures/misbehavingModel.ts', '--fault', 'no-initial-state');
    expect([run.code, run.stdout, run.stderr]).toEqual([4, '', "cocomc: model error: model 'misbehaving' has no initial states: there is nothing to explore\n"]);
  }, 30_000);

  it('refuses a port in use, in one line, exit 2', async () => {
    const explorer = await startExplorer('naivelock');
    const port = new URL(explorer.url).port;
    expectUsageError(explore('naivelock', '--port', port), `cocomc: bad value '${port}' for --port: in use; accepted: a free port, or 0 for any free one`);
    expect((await explorer.stop('SIGINT')).code).toBe(0);
  }, 30_000);

  it.each([
    [['naivelock', '--port', '65536'], "cocomc: bad value '65536' for --port; accepted: a whole number from 0 to 65535 (0: any free port)"],
    [['naivelock', '--port', 'http'], "cocomc: bad value 'http' for --port; accepted: a whole number from 0 to 65535"],
    [['coco', '--platform', 'sev'], "cocomc: unknown value 'sev' for --platform; accepted: tdx, snp, hyperv-vtom"],
    [['diehard', '--deadlock'], "cocomc: deadlock checking needs a model that declares final states; 'diehard' does not"],
    [['naivelock', '--host', '0.0.0.0'], 'cocomc: unknown option --host; accepted: --port, --open,'],
  ])('refuses %j in one line before serving', { timeout: 30_000 }, (args, message) => {
    expectUsageError(explore(...args), message);
  });
});
