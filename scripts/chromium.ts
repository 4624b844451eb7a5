/** The headless Chromium that draws HTML reports into pictures: Debian's, driven by playwright-core. */

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and nothing that would reach the network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
