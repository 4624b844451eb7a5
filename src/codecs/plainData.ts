/** What the layout takes an object to be: the encoder and the recipe recorder must agree on it. */

/** A plain object: not an array, made by a literal (or with no prototype). */
export function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The number of an object's enumerable string keys, its own and inherited (a plain object has only its own). */
export function keyCount(o: object): number {
  let count = 0;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for (const _ in o) count++;
  return count;
}
