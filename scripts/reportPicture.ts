/**
 * `npm run docs`: draws the README's picture, docs/report.png, from the HTML report of the CoCo
 * counterexample the README shows (seven-step without flushTlb on hyperv-vtom). Needs Debian's
 * chromium. Only the counterexample is drawn: the statistics hold timings, which would change the
 * committed picture on every run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { coco } from '../models/coco/index.js';
import { check } from '../src/check.js';
import { renderHtml } from '../src/report/html.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

const PICTURE = 'docs/report.png';

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`npm run docs: Chromium not found at ${CHROMIUM}; install Debian's chromium (apt-get install chromium)\n`);
  process.exit(1);
}
const result = await check(coco, {
  workers: 1,
  params: { platform: 'hyperv-vtom', steps: 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent' },
  properties: ['NoMismatchedAccess'],
});
const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-docs-'));
const page = path.join(dir, 'report.html');
writeFileSync(page, renderHtml(result));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  mkdirSync(path.dirname(PICTURE), { recursive: true });
  await tab.locator('section.trace').first().screenshot({ path: PICTURE });
  process.stderr.write(`npm run docs: wrote ${PICTURE}\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
