/** Headless Chromium for the browser tests: Debian's, driven by playwright-core (loaded only when asked). */
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { runsWith } from './externalProgram.js';

export type Browser = import('playwright-core').Browser;
export type Page = import('playwright-core').Page;

/** Launches Chromium; throws why it cannot, the error every browser test then fails with. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium)`);
  const driver = await import('playwright-core').catch(() => undefined);
  if (!driver) throw new Error('playwright-core is not installed: it is a devDependency (npm install)');
  return driver.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Whether a file's browser tests are skipped: with COCOMC_SKIP_BROWSER=1, or without Chromium, which
 * prints one line saying how to install it (and fails instead where CI requires the programs).
 */
export function browserTestsSkipped(): boolean {
  return process.env.COCOMC_SKIP_BROWSER === '1' || !runsWith('Chromium', existsSync(CHROMIUM), `Debian: apt-get install chromium, for ${CHROMIUM}`);
}

/** A page of `browser` at `url`, 1280 px wide, loaded, with the address of every request it makes from then on. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests };
}
