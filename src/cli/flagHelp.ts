/**
 * Flags as help prints them: the flag and its placeholder, its one-line doc, then its default
 * and what it accepts, so that no flag is documented without either.
 */
import type { FlagSpec } from './args.js';

/** Placeholders longer than this (a long list of choices) print as VALUE: the accepted line lists them. */
const LONGEST_PLACEHOLDER = 24;

/** What a flag accepts: its own words, or for a boolean flag its two spellings. */
function acceptedOf(spec: FlagSpec): string {
  if (spec.type === 'boolean') return `${spec.flag} (on) or --no-${spec.flag.slice(2)} (off)`;
  return spec.accepted ?? spec.placeholder ?? 'a value';
}

/** A flag's default; a parameter the model derives says so in its doc (`default: true on tdx`). */
function defaultOf(spec: FlagSpec): string {
  return spec.default ?? (/\bdefault:/.test(spec.doc) ? 'derived, as above' : 'unset');
}

function headOf(spec: FlagSpec): string {
  if (spec.type === 'boolean') return spec.flag;
  const placeholder = spec.placeholder ?? 'VALUE';
  if (placeholder.length <= LONGEST_PLACEHOLDER || spec.accepted === undefined) return `${spec.flag} ${placeholder}`;
  return `${spec.flag} ${placeholder.endsWith(',...') ? 'VALUE,...' : 'VALUE'}`;
}

/** The help lines of some flags, the docs aligned in one column. */
export function formatFlags(specs: readonly FlagSpec[], indent = '  '): string[] {
  const heads = specs.map(headOf);
  const width = Math.min(Math.max(0, ...heads.map((h) => h.length)) + 2, 34);
  const pad = ' '.repeat(indent.length + width);
  return specs.flatMap((spec, i) => {
    const head = heads[i]!;
    const first = head.length + 2 <= width ? `${indent}${head.padEnd(width)}${spec.doc}` : `${indent}${head}\n${pad}${spec.doc}`;
    return [first, `${pad}default: ${defaultOf(spec)}; accepted: ${acceptedOf(spec)}`];
  });
}
