/**
 * The HTML report, opened in headless Chromium as a person would: one lane per actor, one box per
 * step in its actor's lane, the changed cells highlighted, no request leaving the page, and a
 * layout that fits 1280 px and prints. The counterexample is the issue's own (the CoCo model's
 * seven-step protocol without flushTlb on hyperv-vtom) once `coco` is registered, else naivelock's.
 *
 * Chromium is Debian's /usr/bin/chromium, driven by playwright-core. Without it the browser tests
 * are skipped with one line saying so, or fail when CI requires them; COCOMC_SKIP_BROWSER=1 skips
 * them. They write only to a temporary directory: the README's picture is `npm run docs`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtInModel } from '../models/index.js';
import { naiveLock } from '../models/peterson.js';
import { check } from '../src/check.js';
import { hazardSentence } from '../src/report/hazard.js';
import { renderHtml } from '../src/report/html.js';
import { covers, stateTableHtml } from '../src/report/html/stateTable.js';
import { swimlaneHtml } from '../src/report/html/swimlane.js';
import type { CheckResult, PropertyResult } from '../src/result.js';
import { browserTestsSkipped, launchChromium, openPage, type Browser, type Page } from './support/chromium.js';
import { cocomc, untimed } from './support/cocomc.js';

const skipBrowser = browserTestsSkipped();

/** The scenario when the CoCo model is registered, else the classic naive lock. */
async function scenario() {
  const coco = await builtInModel('coco');
  if (coco) {
    return {
      model: coco,
      params: { platform: 'hyperv-vtom', steps: 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent' },
      properties: ['NoMismatchedAccess'],
    };
  }
  return { model: naiveLock, params: {}, properties: ['MutualExclusion'] };
}

describe('HTML report pieces', () => {
  it("badges an action with the protocol step its trace step carries, whatever its label says", () => {
    const initial = { index: 0, action: null, actor: null, args: '', step: null, label: 'initial state', actionIndex: 0, state: {}, changes: [] };
    const numbered = { ...initial, index: 1, action: 'clearPresent', actor: 'CPU0', step: '3/7', label: 'CPU0 clearPresent' };
    const unnumbered = { ...initial, index: 2, action: 'zeropadLoad', actor: 'CPU1', step: null, label: 'CPU1 step 6 of a label' };
    const html = swimlaneHtml([initial, numbered, unnumbered], ['CPU0', 'CPU1']);
    expect(html.match(/<span class="step-no"[^>]*>[^<]*<\/span>/g)).toEqual(['<span class="step-no" title="protocol step 3/7">3/7</span>']);
  });

  it('highlights every field under a change whose path is a whole array or object', () => {
    const change = { path: 'queue', before: [], after: [1] };
    expect(covers(change, 'queue[0]')).toBe(true);
    expect(covers(change, 'queue.head')).toBe(true);
    expect(covers(change, 'queues[0]')).toBe(false);
  });

  it('escapes model text, so a label cannot inject markup', async () => {
    const result = await check(naiveLock, { workers: 1 });
    const hostile = structuredClone(result);
    const trace = hostile.properties[0]!.trace!;
    trace[1]!.label = '<img src="http://example.invalid/x.png">';
    trace[1]!.state = { ...(trace[1]!.state as object), note: '<script>alert(1)</script>' };
    const html = renderHtml(hostile);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;img src=&quot;http://example.invalid/x.png&quot;&gt;');
  });

  it('says in one sentence which step broke which property, with its doc', async () => {
    const result = await check(naiveLock, { workers: 1 });
    const [mutex] = result.properties;
    expect(hazardSentence(mutex!)).toBe(`Step 4 (${mutex!.trace![4]!.label}) breaks MutualExclusion: never both processes in the critical section.`);
  });

  it('marks the rows no step changes, so that the page can hide them', async () => {
    const result = await check(naiveLock, { workers: 1 });
    const table = stateTableHtml(result.properties[0]!.trace!);
    expect(table).toMatch(/<tr class="static"><th scope="row">turn<\/th>/);
    expect(table).not.toMatch(/<tr class="static"><th scope="row">pc\[0\]/);
  });

  it('leaves the stdout report unchanged when --html writes the page, and says where on stderr', () => {
    const file = path.resolve('test-artifacts', 'cli-report.html');
    mkdirSync(path.dirname(file), { recursive: true });
    const plain = cocomc('check', 'naivelock', '--workers', '1');
    const withHtml = cocomc('check', 'naivelock', '--workers', '1', '--html', file);
    expect(withHtml.code).toBe(1);
    expect(untimed(withHtml.stdout)).toBe(untimed(plain.stdout));
    expect(withHtml.stderr).toBe(`cocomc: wrote the HTML report to ${file}\n`);
    expect(existsSync(file)).toBe(true);
  });
});

describe.skipIf(skipBrowser)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let pageUrl: string;
  let artifacts: string;
  let result: CheckResult;
  let property: PropertyResult;
  let requests: string[];
  // A missing browser fails every test below with this message, rather than skipping them.
  let missing: Error | undefined;

  beforeAll(async () => {
    try {
      browser = await launchChromium();
    } catch (error) {
      missing = error as Error;
      return;
    }
    const { model, params, properties } = await scenario();
    result = await check(model, { workers: 1, params, properties });
    property = result.properties.find((p) => p.status === 'violated')!;
    artifacts = mkdtempSync(path.join(tmpdir(), 'cocomc-browser-'));
    const file = path.join(artifacts, 'report.html');
    writeFileSync(file, renderHtml(result));
    pageUrl = pathToFileURL(file).href;
    ({ page, requests } = await openPage(browser, pageUrl));
  }, 120_000);

  beforeEach(() => {
    if (missing) throw missing;
  });

  afterAll(async () => {
    await browser?.close();
    if (artifacts) rmSync(artifacts, { recursive: true, force: true });
  });

  it('draws the counterexample of the violated property', () => {
    expect(property).toBeDefined();
    expect(property.traceLength).toBeGreaterThan(0);
  });

  it('shows the verdict and the run statistics at the top', async () => {
    const header = await page.locator('header.verdict').innerText();
    expect(header.toLowerCase()).toContain('violated');
    expect(header).toContain(property.name);
    const stats = await page.locator('dl.stats').innerText();
    for (const label of ['parameters', 'distinct states', 'transitions', 'depth', 'time', 'workers']) expect(stats).toContain(label);
    expect(stats).toContain(result.distinctStates.toLocaleString('en-US'));
    const row = await page.locator('table.properties tr', { hasText: property.name }).innerText();
    expect(row).toContain('violated');
    expect(row).toContain(`${property.traceLength} steps`);
  });

  it('draws one lane per actor, in the model order', async () => {
    const lanes = await page.locator('section.trace').first().locator('th.lane-head').allInnerTexts();
    expect(lanes).toEqual(result.actors);
  });

  it('puts each step, in order, in its own row inside its actor\'s lane', async () => {
    const section = page.locator('section.trace').first();
    const boxes = section.locator('.action');
    expect(await boxes.count()).toBe(property.traceLength);
    expect(await section.locator('table.swimlane tbody tr').count()).toBe(property.trace!.length);
    const lanes = section.locator('th.lane-head');
    const laneBoxes = await Promise.all(result.actors.map(async (_, i) => (await lanes.nth(i).boundingBox())!));
    let previousTop = -Infinity;
    for (const [k, step] of property.trace!.slice(1).entries()) {
      const box = boxes.nth(k);
      expect(await box.getAttribute('data-actor')).toBe(step.actor);
      expect((await box.innerText()).replace(/\s+/g, ' ')).toContain(step.label.replace(/\s+/g, ' '));
      const rect = (await box.boundingBox())!;
      const center = rect.x + rect.width / 2;
      const lane = laneBoxes.findIndex((l) => center >= l.x && center <= l.x + l.width);
      expect(result.actors[lane]).toBe(step.actor);
      expect(rect.y).toBeGreaterThan(previousTop);
      previousTop = rect.y;
    }
  });

  it('numbers protocol steps as their labels do', async () => {
    const boxes = page.locator('section.trace').first().locator('.action');
    for (const [k, step] of property.trace!.slice(1).entries()) {
      const number = /\bstep (\d+)/.exec(step.label)?.[1];
      const badge = boxes.nth(k).locator('.step-no');
      if (number === undefined) expect(await badge.count()).toBe(0);
      else expect(await badge.innerText()).toBe(number);
    }
  });

  it('shows the state at every step, highlighting exactly the cells each step changed', async () => {
    const table = page.locator('section.trace').first().locator('table.state');
    expect(await table.locator('thead th[data-step]').count()).toBe(property.trace!.length);
    for (const step of property.trace!.slice(1)) {
      const changed = await table.locator(`td.changed[data-step="${step.index}"]`).evaluateAll((cells) =>
        cells.map((cell) => cell.parentElement!.querySelector('th')!.textContent));
      expect(changed.sort()).toEqual(step.changes.map((c) => c.path).sort());
    }
    const colours = await table.evaluate((t) => ({
      changed: getComputedStyle(t.querySelector('td.changed')!).backgroundColor,
      plain: getComputedStyle(t.querySelector('td:not(.changed)')!).backgroundColor,
    }));
    expect(colours.changed).not.toBe(colours.plain);
  });

  it('explains the hazard in one sentence from the last label and the property doc', async () => {
    const sentence = await page.locator('section.trace').first().locator('.hazard-sentence').innerText();
    expect(sentence).toContain(property.trace!.at(-1)!.label);
    expect(sentence).toContain(property.doc);
  });

  it('makes no network request: the only request is the page itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:'))).toEqual([]);
  });

  it('fits a 1280 px window (wide tables scroll inside their pane)', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  it('prints without its controls and with the panes stacked', async () => {
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      controls: getComputedStyle(document.querySelector('.controls')!).display,
      panes: getComputedStyle(document.querySelector('.panes')!).display,
    }));
    expect(print).toEqual({ controls: 'none', panes: 'block' });
    const pdf = await page.pdf({ path: path.join(artifacts, 'report.pdf'), landscape: true, printBackground: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('takes screenshots of the whole page and of the counterexample', async () => {
    await page.screenshot({ path: path.join(artifacts, 'report.png'), fullPage: true });
    const shot = await page.locator('section.trace').first().screenshot({ path: path.join(artifacts, 'trace.png') });
    expect(shot.length).toBeGreaterThan(10_000);
  }, 60_000);
});
