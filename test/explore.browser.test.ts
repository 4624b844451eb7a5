/**
 * `cocomc explore` in headless Chromium, as a person would use it: clicking the action buttons of
 * the counterexample (seven-step without flushTlb on hyperv-vtom) one by one reaches the
 * state that breaks NoMismatchedAccess; Back, Forward, the browser's history, a link and the
 * counterexample button lead to the same states; keys work; no request leaves the server.
 *
 * Chromium is Debian's /usr/bin/chromium, driven by playwright-core, as in the report's browser
 * test: without it these tests are skipped with one line, or fail when CI requires them;
 * COCOMC_SKIP_BROWSER=1 skips them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coco } from '../models/coco/index.js';
import { check } from '../src/check.js';
import type { TraceStep } from '../src/result.js';
import { browserTestsSkipped, launchChromium, openPage, type Browser, type Page } from './support/chromium.js';
import { startExplorer, type RunningExplorer } from '../scripts/explorer.js';

const skipBrowser = browserTestsSkipped();

const params = { platform: 'hyperv-vtom', steps: 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent' };

describe.skipIf(skipBrowser)('cocomc explore in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let explorer: RunningExplorer;
  let trace: TraceStep[];
  let requests: string[];

  const pathOf = (steps: readonly TraceStep[]): string => steps.map((step) => step.actionIndex).join('.');
  /** Waits until the page shows `path` (the path text the page prints beside its link). */
  const shows = (path: string) => page.locator('#path-text').filter({ hasText: `(${path})` }).waitFor();

  beforeAll(async () => {
    // Without Chromium this throws, and every test below fails with its message.
    browser = await launchChromium();
    const result = await check(coco, { workers: 1, params, properties: ['NoMismatchedAccess'] });
    trace = result.properties[0]!.trace!;
    explorer = await startExplorer('coco', '--platform', params.platform, '--steps', params.steps, '--workers', '1');
    ({ page, requests } = await openPage(browser, explorer.url));
    await shows('0');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (explorer) expect((await explorer.stop('SIGINT')).code).toBe(0);
  });

  it('reaches the violating state by clicking the seven actions of the counterexample one by one', async () => {
    expect(trace).toHaveLength(8);
    expect(await page.locator('#broken').innerText()).toBe('No invariant is broken in this state.');
    for (const [k, step] of trace.slice(1).entries()) {
      const button = page.locator(`button.take[data-action="${step.actionIndex}"]`);
      // The button is in its actor's group and says what the trace says.
      expect(await button.locator('xpath=..').getAttribute('data-actor')).toBe(step.actor);
      expect(await button.locator('.label').innerText()).toBe(step.label);
      await button.click();
      await shows(pathOf(trace.slice(0, k + 2)));
      expect(await page.locator('table.swimlane tbody tr').count()).toBe(k + 2);
    }
    expect(await page.locator('#broken').innerText()).toContain('NoMismatchedAccess');
    expect(await page.locator('#status').getAttribute('class')).toContain('bad');
    expect(await page.locator('.action.hazard .label').innerText()).toBe(trace.at(-1)!.label);
    // The protocol steps carry their badges, as in the report.
    expect(await page.locator('table.swimlane .step-no').allInnerTexts()).toEqual(trace.filter((s) => s.step !== null).map((s) => s.step));
    // The state table highlights what the last action changed.
    const changed = await page.locator('table.state td.changed').evaluateAll((cells) => cells.map((cell) => cell.parentElement!.querySelector('th')!.textContent));
    expect(changed.sort()).toEqual(trace.at(-1)!.changes.map((c) => c.path).sort());
    expect(new URL(page.url()).searchParams.get('path')).toBe(pathOf(trace));
  }, 60_000);

  it("walks back and forward with its own buttons and the browser's", async () => {
    await page.locator('#back').click();
    await shows(pathOf(trace.slice(0, -1)));
    expect(await page.locator('#broken').innerText()).not.toContain('NoMismatchedAccess');
    expect(await page.locator('#forward').isDisabled()).toBe(false);
    // Back is a step along the page's history, which the browser walks too.
    await page.goBack();
    await shows(pathOf(trace));
    await page.goForward();
    await shows(pathOf(trace.slice(0, -1)));
    await page.locator('#forward').click();
    await shows(pathOf(trace));
    expect(await page.locator('#forward').isDisabled()).toBe(true);
  }, 60_000);

  it('reproduces the path from its link alone, in a new page', async () => {
    const link = await page.locator('#link').getAttribute('href');
    const path = await page.locator('#path-text').innerText();
    const other = await browser.newPage();
    await other.goto(new URL(link!, explorer.url).href, { waitUntil: 'load' });
    await other.locator('#path-text').filter({ hasText: path }).waitFor();
    expect(await other.locator('#broken').innerText()).toBe(await page.locator('#broken').innerText());
    expect(await other.locator('table.swimlane').innerText()).toBe(await page.locator('table.swimlane').innerText());
    await other.close();
  }, 60_000);

  it("jumps to a property's shortest counterexample, and says when a property holds", async () => {
    await page.locator('#starts button').first().click();
    await shows('0');
    const row = page.locator('#properties tr[data-property="NoMismatchedAccess"]');
    await row.locator('button').click();
    await shows(pathOf(trace));
    expect(await row.locator('.status').innerText()).toBe('violated (7 steps)');
    expect(await page.locator('#broken').innerText()).toContain('NoMismatchedAccess');
    expect(await page.locator('#properties tr[data-property="NoStaleWriteback"] .status').innerText()).toBe('holds');
    expect(await page.locator('#check-note').innerText()).toMatch(/^Checked: every reachable state/);
  }, 60_000);

  it('takes an action from the keyboard, and keeps the focus on the actions', async () => {
    await page.locator('#starts button').first().click();
    await shows('0');
    await page.locator('button.take').first().focus();
    const first = await page.locator('button.take').first().getAttribute('data-action');
    await page.keyboard.press('Enter');
    await shows(`0.${first}`);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('take'))).toBe(true);
  }, 60_000);

  it('makes no request but to its own server', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(explorer.url))).toEqual([]);
  });
});
