/**
 * Reads a trace in the Informal Trace Format (Apalache ADR-015): what `--itf` writes, and what a
 * hand-written, Quint or Apalache trace holds, as far as it maps onto plain states. Lists and
 * tuples become arrays, records objects, `#bigint` a number when a double holds it exactly,
 * `#map` with string keys an object; `#unserializable` is read back as `toItf` writes it (null,
 * undefined, fractions, NaN, infinities). Anything else (a set, a map with other keys, a bigint
 * beyond 2^53) is one UsageError naming the state and the variable.
 */
import { UsageError } from '../errors.js';

/** One state of a trace: its variables as plain data, and what its `#meta` says led to it. */
export interface ReadState {
  variables: Record<string, unknown>;
  /** The action named by `#meta.action` (ours), or Quint's `mbt::actionTaken`; undefined when none. */
  action?: string;
  actor?: string;
  args?: string;
}

/** Quint's model-based-testing variables: what a step did, not part of the state. */
const QUINT_MBT = 'mbt::';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => {
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** The value `toItf` wrote as `{"#unserializable": text}`, or undefined when it is not one of those. */
function unserializable(text: string): { value: unknown } | undefined {
  if (text === 'null') return { value: null };
  if (text === 'undefined') return { value: undefined };
  const n = Number(text);
  return text.trim() !== '' && (!Number.isNaN(n) || text === 'NaN') ? { value: n } : undefined;
}

/** Converts one ITF value to plain data; `where` names it in the error. */
function plainValue(value: unknown, where: () => string): unknown {
  const refuse = (why: string): never => {
    throw new UsageError(`cannot read ${where()}: ${why}`);
  };
  if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item) => plainValue(item, where));
  if (!isRecord(value)) return refuse(`${describe(value)} is not an ITF value`);
  const keys = Object.keys(value);
  const tag = keys.length === 1 && keys[0]!.startsWith('#') ? keys[0]! : undefined;
  const body = tag === undefined ? undefined : value[tag];
  switch (tag) {
    case undefined:
      if (keys.some((k) => k.startsWith('#'))) return refuse(`${describe(value)} mixes ITF tags with record fields`);
      return Object.fromEntries(keys.map((k) => [k, plainValue(value[k], where)]));
    case '#bigint': {
      const n = typeof body === 'string' && /^-?\d+$/.test(body) ? Number(body) : NaN;
      return Number.isSafeInteger(n) ? n : refuse(`${describe(value)} is not an integer a state can hold (at most 2^53 in size)`);
    }
    case '#tup':
      return Array.isArray(body) ? body.map((item) => plainValue(item, where)) : refuse(`${describe(value)}: #tup takes a list`);
    case '#map': {
      const pairs = Array.isArray(body) && body.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string') ? (body as [string, unknown][]) : undefined;
      return pairs ? Object.fromEntries(pairs.map(([k, v]) => [k, plainValue(v, where)])) : refuse(`${describe(value)}: only maps with string keys become records`);
    }
    case '#unserializable': {
      const read = typeof body === 'string' ? unserializable(body) : undefined;
      return read ? read.value : refuse(`${describe(value)} is not a value cocomc writes as unserializable (null, undefined or a number)`);
    }
    case '#set':
      return refuse(`${describe(value)} is a set; cocomc states hold no sets`);
    default:
      return refuse(`${describe(value)}: unknown ITF tag ${tag}`);
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads a parsed ITF document; `source` names it in errors (a file name). */
export function readItf(document: unknown, source: string): ReadState[] {
  const states = isRecord(document) ? document.states : undefined;
  if (!Array.isArray(states) || states.length === 0) {
    throw new UsageError(`${source} is not an ITF trace: it needs a non-empty "states" list (Apalache ADR-015: {"#meta", "vars", "states"})`);
  }
  return states.map((state, index) => {
    if (!isRecord(state)) throw new UsageError(`cannot read state ${index} of ${source}: ${describe(state)} is not a record of variables`);
    const meta = isRecord(state['#meta']) ? state['#meta'] : {};
    const names = Object.keys(state).filter((k) => k !== '#meta' && !k.startsWith(QUINT_MBT));
    const variables = Object.fromEntries(names.map((name) => [name, plainValue(state[name], () => `variable '${name}' of state ${index} of ${source}`)]));
    return { variables, action: text(meta.action) ?? text(state[`${QUINT_MBT}actionTaken`]), actor: text(meta.actor), args: text(meta.args) };
  });
}
