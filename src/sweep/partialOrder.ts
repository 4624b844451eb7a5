/**
 * The partial order a set of safe sequences forces: a before b is forced when some safe sequence
 * holds both and every safe sequence that holds both has a first. Found from the results, not
 * stated by a reviewer.
 */

export type Pair<T> = [before: T, after: T];

/**
 * Every forced pair, in the order of `items` (before, then after). A sequence not yet known to be
 * safe or unsafe (`unknown`) might be safe: a pair it breaks is not forced, as far as one can tell.
 */
export function forcedPairs<T>(items: readonly T[], safe: readonly (readonly T[])[], unknown: readonly (readonly T[])[] = []): Pair<T>[] {
  const holdsBoth = (a: T, b: T) => (s: readonly T[]): boolean => s.includes(a) && s.includes(b);
  const pairs: Pair<T>[] = [];
  for (const a of items) {
    for (const b of items) {
      if (a === b) continue;
      const both = safe.filter(holdsBoth(a, b));
      const mightBeSafe = [...both, ...unknown.filter(holdsBoth(a, b))];
      if (both.length > 0 && mightBeSafe.every((s) => s.indexOf(a) < s.indexOf(b))) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** The smallest set of edges that implies the others (the transitive reduction, or Hasse diagram). */
export function reducedEdges<T>(pairs: readonly Pair<T>[]): Pair<T>[] {
  const forced = (a: T, b: T): boolean => pairs.some(([x, y]) => x === a && y === b);
  const middles = [...new Set(pairs.flat())];
  return pairs.filter(([a, b]) => !middles.some((c) => c !== a && c !== b && forced(a, c) && forced(c, b)));
}

/** Whether a sequence puts `before` ahead of `after` wherever it holds both. */
export function respects<T>(sequence: readonly T[], [before, after]: Pair<T>): boolean {
  const i = sequence.indexOf(before);
  const j = sequence.indexOf(after);
  return i < 0 || j < 0 || i < j;
}
