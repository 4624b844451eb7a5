/**
 * The shape of a model's states, as a sample of them shows it: which positions hold objects with
 * a fixed set of keys, which hold arrays of a fixed length, and which values each leaf position
 * was seen holding. A position whose structure varies between the sampled states is `varying`.
 *
 * The elements of an array share one shape when they have one (`pc: ['idle', 'cs']`): a value
 * seen at one element then counts for all of them, which a sample of the first levels of a
 * search would otherwise miss for the elements that moved last.
 */

/** A value a leaf of a state holds. */
export type Primitive = null | boolean | number | string;

export type Shape =
  | { readonly kind: 'leaf'; readonly values: readonly Primitive[] }
  | { readonly kind: 'object'; readonly keys: readonly string[]; readonly fields: readonly Shape[] }
  | { readonly kind: 'array'; readonly items: readonly Shape[] }
  | { readonly kind: 'varying' };

const VARYING: Shape = { kind: 'varying' };

const isPrimitive = (v: unknown): v is Primitive => v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string';
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a value sorts among leaf values: by type (null, booleans, numbers, strings), then by value. */
const typeRank = (v: Primitive): number => (v === null ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : 3);
function comparePrimitives(a: Primitive, b: Primitive): number {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0) return byType;
  return a! < b! ? -1 : a! > b! ? 1 : 0;
}

/** The distinct values, in an order that depends on the values only (never on the order they were sampled in). */
const distinctSorted = (values: readonly Primitive[]): Primitive[] => [...new Set(values)].sort(comparePrimitives);

/** The shape of the values one position holds across a sample (storable plain data). */
export function shapeOf(values: readonly unknown[]): Shape {
  if (values.every(isPrimitive)) return { kind: 'leaf', values: distinctSorted(values) };
  if (values.every(Array.isArray)) return arrayShape(values);
  if (values.every(isPlainObject)) return objectShape(values);
  return VARYING;
}

function arrayShape(arrays: readonly unknown[][]): Shape {
  const length = arrays[0]!.length;
  if (arrays.some((a) => a.length !== length)) return VARYING;
  const shared = shapeOf(arrays.flat());
  if (shared.kind !== 'varying') return { kind: 'array', items: new Array<Shape>(length).fill(shared) };
  // Elements of different kinds (a tuple): each position has its own shape.
  return { kind: 'array', items: Array.from({ length }, (_, i) => shapeOf(arrays.map((a) => a[i]))) };
}

function objectShape(objects: readonly Record<string, unknown>[]): Shape {
  const keys = Object.keys(objects[0]!).sort();
  const sameKeys = (o: Record<string, unknown>): boolean => {
    const own = Object.keys(o);
    return own.length === keys.length && own.every((key) => Object.hasOwn(objects[0]!, key));
  };
  // An own key `__proto__` is read and written as the prototype by plain property access: such
  // an object is left to the generic encoding.
  if (!objects.every(sameKeys) || keys.includes('__proto__')) return VARYING;
  return { kind: 'object', keys, fields: keys.map((key) => shapeOf(objects.map((o) => o[key]))) };
}
