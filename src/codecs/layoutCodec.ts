/**
 * Encodes states by a fixed layout (stateLayout.ts): the codes of the leaves packed into the
 * layout's words, then a tail for whatever does not fit the layout.
 *
 * The tail is the number of positions written apart, then for each, in position order, its id
 * and its value in the generic encoding. A position is written apart exactly when its value does
 * not fit the layout there (an object with other keys, an array of another length, a value
 * outside the leaf's domain), and nothing below it is then looked at: its slots stay 0. So the
 * bytes are a function of the state alone (equal states, equal bytes, whatever order their keys
 * were set in), and two different states never share them: either the same positions are
 * written apart, with different values there or different codes elsewhere, or the tails differ.
 *
 * The encoder and the decoder are generated once per layout as straight-line JavaScript: a
 * decoder that builds each object from a literal of its keys gives every decoded state the same
 * hidden class, so the model's guards and recipes read it at full speed, and neither walks tags.
 */
import { ByteReader, ByteWriter, type Codec } from '../codec.js';
import { ModelError } from '../errors.js';
import { unstorableValue } from '../stateValues.js';
import { inherited, isPlainObject, keyCount } from './plainData.js';
import { slotMask, wordBytes, type Domain, type LayoutNode, type LeafNode, type StateLayout } from './stateLayout.js';

/** A value as JavaScript source: only leaf values (null, booleans, finite numbers, strings) are ever written. */
const literal = (value: unknown): string => JSON.stringify(value);

/** The bits of word `word` that hold a slot, as an expression of the decoder's word variables. */
const slotCode = (node: { domain: Domain; word: number; shift: number }): string =>
  `((w${node.word} >>> ${node.shift}) & ${slotMask(node)})`;

/** An expression for the code of `v` in `domain` (-1 when it has none), given its table `table`. */
function codeOf(domain: Domain, v: string, table: string): string {
  const { values, intLo, intCount } = domain;
  const ints = intCount > 0 ? `(typeof ${v} === 'number' && (t = ${v} - ${intLo}) >= 0 && t < ${intCount} && (t | 0) === t ? ${values.length} + t : -1)` : '-1';
  const named = values.length > 8
    ? `((t = ${table}.get(${v})) !== undefined ? t : ${ints})`
    : values.reduceRight<string>((rest, value, code) => `${v} === ${literal(value)} ? ${code} : ${rest}`, ints);
  // -0 equals 0 here and in a Map: it must reach the generic encoder, which refuses it.
  const zero = intCount > 0 || values.includes(0);
  return zero ? `(${v} === 0 && 1 / ${v} < 0 ? -1 : ${named})` : `(${named})`;
}

/** The code of a value in `domain`, -1 when it has none: the encoder's own expression, as a function. */
export function leafCoder(domain: Domain): (value: unknown) => number {
  const table = new Map(domain.values.map((value, code) => [value, code]));
  return new Function('M', `return function code(v) { let t = 0; return ${codeOf(domain, 'v', 'M')}; };`)(table) as (value: unknown) => number;
}

const isBoolean = ({ values, intCount }: Domain): boolean => intCount === 0 && values.length === 2 && values[0] === false && values[1] === true;
/** Whether the decoder looks a slot's value up in the domain's table of values (`D<id>`). */
const readsTable = (domain: Domain): boolean => domain.bits > 0 && domain.values.length > 0 && !isBoolean(domain);

/** The value a leaf's slot holds, as an expression of the decoder's words. */
function valueOf(node: { id: number; domain: Domain; word: number; shift: number }): string {
  const { values, intLo, intCount, bits } = node.domain;
  if (bits === 0) return literal(values[0] ?? (intCount > 0 ? intLo : null));
  const code = slotCode(node);
  if (isBoolean(node.domain)) return `(${code} === 1)`;
  if (intCount === 0) return `D${node.id}[${code}]`;
  if (values.length === 0) return `(${code} + ${intLo})`;
  return `((c = ${code}) < ${values.length} ? D${node.id}[c] : c - ${values.length} + ${intLo})`;
}

/** Statements that encode the value in variable `v`, the value at `node`. */
function encodeStatements(node: LayoutNode, v: string, lines: string[]): void {
  const apart = `{ ids[n] = ${node.id}; values[n++] = ${v}; }`;
  switch (node.kind) {
    case 'varying':
      lines.push(`${apart}`);
      return;
    case 'leaf': {
      lines.push(`c = ${codeOf(node.domain, v, `M${node.id}`)};`);
      lines.push(node.domain.bits === 0 ? `if (c < 0) ${apart}` : `if (c < 0) ${apart} else w${node.word} |= c << ${node.shift};`);
      return;
    }
    case 'object': {
      // holdsKey (plainData.ts), written inline.
      const present = node.keys.map((key) => (inherited(key) ? `Object.hasOwn(${v}, ${literal(key)})` : `${v}[${literal(key)}] !== undefined`));
      lines.push(`if (isPlainObject(${v}) && keyCount(${v}) === ${node.keys.length}${present.map((p) => ` && ${p}`).join('')}) {`);
      node.fields.forEach((field, i) => {
        lines.push(`const v${field.id} = ${v}[${literal(node.keys[i]!)}];`);
        encodeStatements(field, `v${field.id}`, lines);
      });
      lines.push(`} else ${apart}`);
      return;
    }
    case 'array': {
      lines.push(`if (Array.isArray(${v}) && ${v}.length === ${node.items.length}) {`);
      node.items.forEach((item, i) => {
        lines.push(`const v${item.id} = ${v}[${i}];`);
        encodeStatements(item, `v${item.id}`, lines);
      });
      lines.push(`} else ${apart}`);
      return;
    }
  }
}

/**
 * An expression that builds the value at `node` from the decoder's words (a placeholder where it
 * is written apart); with `keep`, each object and array is also kept in `O[id]`, to be refilled.
 */
function decodeExpression(node: LayoutNode, keep: boolean): string {
  const kept = (built: string): string => (keep ? `(O[${node.id}] = ${built})` : built);
  switch (node.kind) {
    case 'varying': return 'null';
    case 'leaf': return valueOf(node);
    case 'object': return kept(`{ ${node.fields.map((field, i) => `${literal(node.keys[i]!)}: ${decodeExpression(field, keep)}`).join(', ')} }`);
    case 'array': return kept(`[${node.items.map((item) => decodeExpression(item, keep)).join(', ')}]`);
  }
}

/**
 * Statements that refill the kept draft (`O`) from the decoder's words: first that each kept
 * object and array is still where it was (else it answers undefined), then every leaf.
 */
function refillStatements(node: LayoutNode): { checks: string[]; stores: string[] } {
  const checks: string[] = [];
  const stores: string[] = [];
  const visit = (n: LayoutNode): void => {
    const children = n.kind === 'object' ? n.fields.map((f, i) => [f, literal(n.keys[i]!)] as const) : n.kind === 'array' ? n.items.map((item, i) => [item, String(i)] as const) : [];
    for (const [child, key] of children) {
      if (child.kind === 'leaf') stores.push(`O[${n.id}][${key}] = ${valueOf(child)};`);
      else if (child.kind !== 'varying') {
        checks.push(`O[${n.id}][${key}] !== O[${child.id}]`);
        visit(child);
      }
    }
  };
  visit(node);
  return { checks: checks.length > 0 ? [`if (${checks.join(' || ')}) return undefined;`] : [], stores };
}

const leaves = (node: LayoutNode): LeafNode[] => {
  switch (node.kind) {
    case 'leaf': return [node];
    case 'object': return node.fields.flatMap(leaves);
    case 'array': return node.items.flatMap(leaves);
    case 'varying': return [];
  }
};

const wordNames = (words: number): string[] => Array.from({ length: words }, (_, w) => `w${w}`);

/** The encoder's source: a function (state, out) that returns how many positions it wrote apart, left in `ids` and `values`. */
function encoderSource(layout: StateLayout): string {
  const lines: string[] = [];
  encodeStatements(layout.root, 'state', lines);
  const store = wordNames(layout.words).flatMap((name, w) =>
    Array.from({ length: wordBytes(layout, w) }, (_, k) => `b[o + ${4 * w + k}] = (${name} >>> ${8 * k}) & 255;`));
  return [
    ...leaves(layout.root).filter((leaf) => leaf.domain.values.length > 8).map((leaf) => `const M${leaf.id} = new Map([${leaf.domain.values.map((value, code) => `[${literal(value)}, ${code}]`).join(', ')}]);`),
    'return function encode(state, out) {',
    `let n = 0, c = 0, t = 0${wordNames(layout.words).map((name) => `, ${name} = 0`).join('')};`,
    ...lines,
    `out.reserve(${layout.bytes + 1});`,
    'const b = out.bytes, o = out.length;',
    ...store,
    `out.length = o + ${layout.bytes};`,
    'return n;',
    '};',
  ].join('\n');
}

/**
 * The decoders' source: `decode(input)` returns the state, with placeholders where positions
 * were written apart; `decodeDraft(input)` does the same and keeps its objects and arrays;
 * `refill(input)` writes another state's leaves into the draft `decodeDraft` made last, or
 * answers undefined if an action moved one of its objects or arrays away.
 */
function decoderSource(layout: StateLayout): string {
  const tables = leaves(layout.root).filter((leaf) => readsTable(leaf.domain));
  const { checks, stores } = refillStatements(layout.root);
  const words = [
    'const b = input.bytes, o = input.offset;',
    'let c = 0;',
    ...wordNames(layout.words).map((name, w) =>
      `const ${name} = ${Array.from({ length: wordBytes(layout, w) }, (_, k) => `(b[o + ${4 * w + k}] << ${8 * k})`).join(' | ')};`),
    `input.offset = o + ${layout.bytes};`,
  ];
  return [
    ...tables.map((leaf) => `const D${leaf.id} = [${leaf.domain.values.map(literal).join(', ')}];`),
    'const O = [];',
    'return {',
    'decode(input) {', ...words, `return ${decodeExpression(layout.root, false)};`, '},',
    'decodeDraft(input) {', ...words, `return ${decodeExpression(layout.root, true)};`, '},',
    'refill(input) {', ...checks, ...words, ...stores, 'return O[0];', '},',
    '};',
  ].join('\n');
}

/** Sets the value at `path` under `root` (decoded, so fresh), or returns the value when the path is the root's. */
function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let parent = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) parent = parent[path[i]!] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return root;
}

interface Decoders {
  decode(input: ByteReader): unknown;
  decodeDraft(input: ByteReader): unknown;
  refill(input: ByteReader): unknown;
}

/**
 * The codec of a layout. `generic` writes and reads the positions written apart (any plain
 * value); a value no state may hold (-0, NaN...) reaches it there and is refused, with the path
 * of the whole state, as the generic encoding refuses it.
 */
export function layoutCodec<S>(layout: StateLayout, generic: Codec<unknown>): Codec<S> {
  const ids: number[] = [];
  const values: unknown[] = [];
  // Generated from the layout's keys and values, each written as a JSON literal: a string in the
  // source is interned, so the model's comparisons with its own literals are pointer compares.
  const encodeWords = new Function('ids', 'values', 'isPlainObject', 'keyCount', encoderSource(layout))(
    ids, values, isPlainObject, keyCount) as (state: unknown, out: ByteWriter) => number;
  const decoders = new Function(decoderSource(layout))() as Decoders;
  /** The draft `decodeDraft` made last, and whether the state an action made of it was encoded whole. */
  let kept: unknown;
  let refillable = false;

  const writeTail = (apart: number, out: ByteWriter): void => {
    out.uint(apart);
    for (let i = 0; i < apart; i++) {
      out.uint(ids[i]!);
      generic.encode(values[i], out);
      values[i] = undefined;
    }
  };

  /** Reads the tail after the words, and puts what it holds in place. */
  const readTail = (decoded: unknown, input: ByteReader): S => {
    let state = decoded;
    if (input.bytes[input.offset] === 0) {
      input.offset++;
      return state as S;
    }
    const apart = input.uint();
    for (let i = 0; i < apart; i++) {
      const id = input.uint();
      state = setAt(state, layout.paths[id]!, generic.decode(input));
    }
    return state as S;
  };

  return {
    encode(state, out) {
      try {
        const apart = encodeWords(state, out);
        if (state === kept) refillable = apart === 0;
        if (apart === 0) out.bytes[out.length++] = 0; // room reserved by encodeWords
        else writeTail(apart, out);
      } catch (error) {
        refillable = false;
        values.fill(undefined);
        const refusal = unstorableValue(state);
        throw refusal ? new ModelError(refusal) : error;
      }
    },
    decode: (input) => readTail(decoders.decode(input), input),
    // Refilled when the action that changed the last draft left every object and array of it in
    // place and the state it made was encoded whole (so it gained no key, no element, no other
    // value). What no state holds is not looked for: a named property an action set on an array
    // (which no encoding stores) stays on the refilled draft.
    draft(input) {
      const whole = input.bytes[input.offset + layout.bytes] === 0;
      const refilled = whole && refillable ? decoders.refill(input) : undefined;
      refillable = false;
      if (refilled !== undefined) {
        input.offset++;
        return refilled as S;
      }
      if (!whole) {
        kept = undefined;
        return readTail(decoders.decode(input), input);
      }
      kept = decoders.decodeDraft(input);
      input.offset++;
      return kept as S;
    },
  };
}
