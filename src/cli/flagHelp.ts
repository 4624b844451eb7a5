/**
 * Flags as help prints them: the flag and its placeholder, its one-line doc, then its default
 * and what it accepts, so that no flag is documented without either.
 */
import type { FlagSpec } from './args.js';

/** What a flag accepts: its own words, or for a boolean flag its two spellings. */
function acceptedOf(spec: FlagSpec): string {
  if (spec.type === 'boolean') return `${spec.flag} (on) or --no-${spec.flag.slice(2)} (off)`;
  return spec.accepted ?? spec.placeholder ?? 'a value';
}

/** The help lines of some flags, the docs aligned in one column. */
export function formatFlags(specs: readonly FlagSpec[], indent = '  '): string[] {
  const heads = specs.map((s) => (s.type === 'boolean' ? s.flag : `${s.flag} ${s.placeholder ?? 'VALUE'}`));
  const width = Math.min(Math.max(0, ...heads.map((h) => h.length)) + 2, 34);
  const pad = ' '.repeat(indent.length + width);
  return specs.flatMap((spec, i) => {
    const head = heads[i]!;
    const first = head.length + 2 <= width ? `${indent}${head.padEnd(width)}${spec.doc}` : `${indent}${head}\n${pad}${spec.doc}`;
    return [first, `${pad}default: ${spec.default ?? 'unset'}; accepted: ${acceptedOf(spec)}`];
  });
}
