/** cocomc's own version, from its package.json, wherever this file runs from (src/ under tsx, dist/src/ once built). */
import { existsSync, readFileSync } from 'node:fs';

let known: string | undefined;

export function cocomcVersion(): string {
  if (known !== undefined) return known;
  // The nearest package.json above this file is cocomc's own, whether it was installed or checked out.
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) return (known = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version);
    if (dir.pathname === '/') throw new Error('cocomc has no package.json above its own files');
  }
}
