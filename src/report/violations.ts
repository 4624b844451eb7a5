/** Short forms of a check's failures, shared by the sweep and matrix reports. */
import type { StudyVerdict, Violation } from '../manyChecks.js';

/** `NoMismatchedAccess (7), CanComplete` — each failure with its shortest trace's length. */
export function formatViolations(violated: readonly Violation[], name: (p: string) => string = (p) => p): string {
  if (violated.length === 0) return 'safe';
  return violated.map((v) => (v.traceLength === null ? name(v.name) : `${name(v.name)} (${v.traceLength})`)).join(', ');
}

/** What a study says of one check: its failures, `safe`, or `not checked` when it did not run to the end. */
export function formatOutcome(outcome: { verdict: StudyVerdict; violated: readonly Violation[] }, name?: (p: string) => string): string {
  return outcome.verdict === 'not checked' ? 'not checked' : formatViolations(outcome.violated, name);
}

/**
 * Short, unique abbreviations of property names: their capitals (`NoMismatchedAccess` -> `NMA`),
 * lengthened from the last word where two would collide (`CCo`, `CCa`).
 */
export function abbreviations(names: readonly string[]): Map<string, string> {
  const initials = (n: string): string => n.replace(/[^A-Z]/g, '') || n.slice(0, 3);
  const out = new Map<string, string>();
  for (const name of names) {
    const base = initials(name);
    const clashes = names.filter((other) => other !== name && initials(other) === base);
    const lastWord = name.match(/[A-Z][a-z]*$/)?.[0] ?? name;
    out.set(name, clashes.length === 0 ? base : base + lastWord.slice(1, 2));
  }
  return out;
}
