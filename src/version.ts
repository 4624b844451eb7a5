/** cocomc's own version, as its package.json says. */
import { existsSync, readFileSync } from 'node:fs';

let version: string | undefined;

/**
 * The version in the package.json of the cocomc this module belongs to: the nearest one above
 * it, whether it runs compiled (dist/src/) or from source (src/, under the tests).
 */
export function cocomcVersion(): string {
  if (version !== undefined) return version;
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) return (version = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version);
    if (dir.pathname === '/') throw new Error('cocomc has no package.json above its modules');
  }
}
