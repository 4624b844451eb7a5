/** What the layout takes an object to be: the encoder and the recipe recorder must agree on it. */

/** A plain object: not an array, made by a literal (or with no prototype). */
export function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether a plain object holds `key` as the layout reads it: for a key that Object.prototype has too
 * (`constructor`, `toString`...) only an own one counts; for any other, a value that is not undefined.
 * The encoder writes this test inline, choosing its form by `inherited`.
 */
export const inherited = (key: string): boolean => key in Object.prototype;
export const holdsKey = (o: object, key: string): boolean =>
  inherited(key) ? Object.hasOwn(o, key) : (o as Record<string, unknown>)[key] !== undefined;

/** The number of an object's enumerable string keys, its own and inherited (a plain object has only its own). */
export function keyCount(o: object): number {
  let count = 0;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for (const _ in o) count++;
  return count;
}
