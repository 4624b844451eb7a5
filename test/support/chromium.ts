/** Headless Chromium for the browser tests: Debian's, driven by playwright-core (loaded only when asked). */
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { runsWith } from './externalProgram.js';

type Browser = import('playwright-core').Browser;

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
