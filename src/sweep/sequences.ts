/** The sequences an ordering sweep checks: every permutation of every subset of the base items. */

/**
 * Every sequence of distinct items drawn from `base`, the empty one included, shortest first and
 * then in the order of the items' positions in `base` (so `base` itself is the first of its
 * length): sum over k of n!/(n-k)! of them, 13,700 for seven items.
 */
export function allSequences<T>(base: readonly T[]): T[][] {
  const out: T[][] = [];
  const extend = (prefix: T[], remaining: T[], length: number): void => {
    if (prefix.length === length) {
      out.push(prefix);
      return;
    }
    remaining.forEach((item, i) => extend([...prefix, item], [...remaining.slice(0, i), ...remaining.slice(i + 1)], length));
  };
  for (let length = 0; length <= base.length; length++) extend([], [...base], length);
  return out;
}

/** The number of pairs two orderings of the same items disagree on (the Kendall tau distance). */
export function kendallDistance<T>(a: readonly T[], b: readonly T[]): number {
  const position = new Map(b.map((item, i) => [item, i]));
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) if (position.get(a[i]!)! > position.get(a[j]!)!) distance++;
  }
  return distance;
}
