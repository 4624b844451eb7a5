/**
 * `npm run docs`, second picture: docs/explore.png, the explorer at the state that breaks
 * NoMismatchedAccess in the README's scenario (seven-step without flushTlb on hyperv-vtom), reached
 * by its "shortest counterexample" button. Needs Debian's chromium and the built command line.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { startExplorer } from './explorer.js';

const PICTURE = 'docs/explore.png';

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`npm run docs: Chromium not found at ${CHROMIUM}; install Debian's chromium (apt-get install chromium)\n`);
  process.exit(1);
}
const explorer = await startExplorer('coco', '--platform', 'hyperv-vtom', '--steps', 'unmapAliases,flushCache,clearPresent,setEnc,notify,setPresent', '--workers', '1');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(explorer.url, { waitUntil: 'load' });
  await tab.locator('button.take').first().waitFor();
  await tab.locator('#properties tr[data-property="NoMismatchedAccess"] button').click();
  await tab.locator('#broken').filter({ hasText: 'NoMismatchedAccess' }).waitFor();
  mkdirSync(path.dirname(PICTURE), { recursive: true });
  await tab.screenshot({ path: PICTURE, fullPage: true });
  process.stderr.write(`npm run docs: wrote ${PICTURE}\n`);
} finally {
  await browser.close();
  await explorer.stop('SIGINT');
}
