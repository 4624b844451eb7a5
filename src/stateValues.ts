/**
 * Which values a state may hold, and why the others are refused. A state is what the engine
 * fingerprints, what immer replays a trace on, and what the text report, `--json` and ITF print:
 * a value that any of these would store or print differently from the others is refused with one
 * line naming where it is (`state.counters[2]`), rather than accepted and later misreported.
 *
 * Accepted: null, booleans, strings, whole numbers within ±(2^53-1) but -0, fractions (JSON prints
 * the shortest text that reads back as the same double; ITF, which has no fractions, its own
 * escape `#unserializable`), arrays without holes, and objects whose prototype is Object's or null,
 * nested as a tree (shared subtrees are fine).
 */

const PLAIN = 'states hold plain data: null, booleans, strings, finite numbers, arrays and plain objects';

/** Why a number cannot be stored, or undefined when it can. */
export function numberRefusal(n: number): string | undefined {
  // NaN equals nothing, not even itself, so a property cannot test it, and JSON prints it as null.
  // It is almost always arithmetic on a missing value.
  if (Number.isNaN(n)) return 'NaN, which equals nothing (not even itself) and which JSON prints as null; states hold finite numbers';
  // JSON prints ±Infinity as null, so --json and ITF traces would show a value the state never held.
  if (!Number.isFinite(n)) return `${n}, which JSON prints as null; states hold finite numbers (use a large number, or null)`;
  // immer's produce keeps 0 when -0 is written over 0, so a trace replayed with produce would not
  // reach the state the search found: the sign cannot be kept, and merging it into 0 would hide it.
  if (Object.is(n, -0)) return '-0, which immer cannot store apart from 0 (a trace could not be replayed); store 0 (for example `x || 0`)';
  // Beyond 2^53 whole numbers are no longer exact (x + 1 === x), and JSON prints 2^60 as
  // 1152921504606847000, another integer for any reader that is not JavaScript.
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return `${BigInt(n)}, beyond 2^53-1, where whole numbers are not exact (x + 1 === x) and JSON prints them rounded; use a string`;
  return undefined;
}

/** Why a value that is not an array or an object cannot be stored, or undefined when it can. */
function leafRefusal(value: unknown): string | undefined {
  switch (typeof value) {
    case 'number':
      return numberRefusal(value);
    case 'boolean':
    case 'string':
      return undefined;
    case 'undefined':
      // JSON drops a key holding undefined and prints an array's as null: reports would lie about
      // a state that the fingerprint tells apart from one without the key.
      return 'undefined, which JSON drops (or prints as null in an array); use null, or delete the key';
    default:
      return `a ${typeof value}; ${PLAIN}`;
  }
}

/** Why an object cannot be stored as such (its prototype), or undefined when it can. */
function objectRefusal(value: object): string | undefined {
  if (Array.isArray(value)) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return undefined;
  const name = (proto as { constructor?: { name?: string } }).constructor?.name;
  return `${name ? `a ${name}` : 'a non-plain'} object; ${PLAIN}`;
}

/**
 * The first value in `state` that cannot be stored, as one line naming its path, or undefined
 * when the whole state can be. An iterative walk: it must also answer for a state so deep or so
 * cyclic that a recursive encoder ran out of stack.
 */
export function unstorableValue(state: unknown, root = 'state'): string | undefined {
  const stack: { value: unknown; path: string; ancestors: readonly { value: object; path: string }[] }[] = [{ value: state, path: root, ancestors: [] }];
  while (stack.length > 0) {
    const { value, path, ancestors } = stack.pop()!;
    if (typeof value !== 'object' || value === null) {
      const refusal = value === null ? undefined : leafRefusal(value);
      if (refusal) return `${path} is ${refusal}`;
      continue;
    }
    const refusal = objectRefusal(value);
    if (refusal) return `${path} is ${refusal}`;
    const enclosing = ancestors.find((a) => a.value === value);
    if (enclosing) return `${path} is ${enclosing.path} again (a cycle); states must be trees of plain data`;
    const inside = [...ancestors, { value, path }];
    const children: [string, unknown][] = Array.isArray(value)
      ? Array.from(value, (item, i) => [`${path}[${i}]`, item])
      : Object.keys(value).map((key) => [/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, (value as Record<string, unknown>)[key]]);
    for (const [childPath, child] of children.reverse()) stack.push({ value: child, path: childPath, ancestors: inside });
  }
  return undefined;
}
