/**
 * The explorer's links: the page's URL holds the path walked (`?path=0.3.5`) and the model's
 * parameters the server was started with, so that a link reproduces the walk, and the browser's
 * back and forward buttons walk it too.
 */
import type { RawValue } from '../params.js';

/** What a bad path is refused with, as a usage error says it. */
const PATH_ACCEPTED = 'action indices joined by dots, the initial state first (0.3.5)';

/** The path a URL's `path` names ([0], the first initial state, when absent); a string saying why when it names none. */
export function parsePath(text: string | null): number[] | string {
  if (text === null || text === '') return [0];
  const parts = text.split('.');
  if (parts.every((part) => /^\d{1,9}$/.test(part))) return parts.map(Number);
  return `bad path '${text}'; accepted: ${PATH_ACCEPTED}`;
}

/** How a link spells a path. */
export const pathText = (path: readonly number[]): string => path.join('.');

/** The model's parameters as a link spells them, by name: the values given on the command line, as text. */
export function linkParams(params: Readonly<Record<string, RawValue>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]));
}

/**
 * Why a link does not fit this server (it names other parameters than the server explores with),
 * or undefined when it fits. A link without parameters fits: the page adds the server's own.
 */
export function linkMismatch(query: URLSearchParams, served: Readonly<Record<string, string>>): string | undefined {
  const named = [...query.keys()].filter((key) => key !== 'path');
  if (named.length === 0) return undefined;
  const wanted = new Map(named.map((key) => [key, query.get(key)!]));
  const same = wanted.size === Object.keys(served).length && [...wanted].every(([key, value]) => served[key] === value);
  if (same) return undefined;
  const spell = (entries: [string, string][]): string => (entries.length === 0 ? 'the defaults' : entries.map(([k, v]) => `${k}=${v}`).join(' '));
  return `this link is for ${spell([...wanted])}, but this server explores ${spell(Object.entries(served))}: start cocomc explore with the link's parameters to follow it`;
}
