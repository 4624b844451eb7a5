/**
 * Runs an action's recipe on a recording view of a state whose bytes fit a layout, to learn what
 * the recipe did there in the layout's terms: which leaves it read, in order, with their codes,
 * and which slots it wrote, with their new codes (see recipeMemo.ts, which keeps what it learns).
 *
 * The view is a Proxy per object and array of the decoded state, standing for the draft's object
 * there. Reading a leaf records it (the first time: a model's code is a function of the state, so
 * a second read gives the same value); writing one records the value, which later reads through
 * that view see. An object or an array written whole is taken apart into its leaves once the
 * recipe has returned, reading through any views it holds: so what it copied from the state
 * counts as read, and what it changed through a view it kept counts as the draft's object would.
 * A view whose place was written over stands, as the draft's object would, for an object the
 * state no longer holds there: what is written through it counts only where it is still held. The
 * layout fixes every object's keys and every array's length in a state that fits it, so what the
 * recipe learns of its structure (keys, lengths, `in`) depends on no leaf and is not recorded.
 *
 * Anything the view cannot follow exactly ends the run as unknown, never with a guess: a key or
 * an element the layout has no slot for, `delete`, `defineProperty`, a prototype changed, a recipe
 * that threw (or caught what the view threw).
 */
import { leafCoder } from './layoutCodec.js';
import { holdsKey, isPlainObject, keyCount } from './plainData.js';
import { slotMask, type LayoutNode, type LeafNode, type StateLayout } from './stateLayout.js';

/** A layout, indexed for the recorder and the memo. */
export interface LayoutIndex {
  readonly layout: StateLayout;
  /** Per node id, the node. */
  readonly nodes: readonly LayoutNode[];
  /** The code of a value in a leaf's domain, -1 when it has none (as the encoder codes it). */
  codeOf(leaf: LeafNode, value: unknown): number;
}

/** The layout indexed for the recorder and the memo. */
export function indexLayout(layout: StateLayout): LayoutIndex {
  const nodes: LayoutNode[] = [];
  const visit = (node: LayoutNode): void => {
    nodes[node.id] = node;
    if (node.kind === 'object') node.fields.forEach(visit);
    if (node.kind === 'array') node.items.forEach(visit);
  };
  visit(layout.root);
  // Made as leaves are first written: each is a function compiled from source.
  const coders: ((value: unknown) => number)[] = [];
  const codeOf = (leaf: LeafNode, value: unknown): number => (coders[leaf.id] ??= leafCoder(leaf.domain))(value);
  return { layout, nodes, codeOf };
}

/** What one run of a recipe did. */
export interface Recording {
  /** The leaves read, as pairs of leaf id and code. */
  readonly reads: readonly number[];
  /** The slots written: per word of the layout, the bits written and their new value; undefined when some value written has no code there. */
  readonly writes: { readonly mask: Int32Array; readonly bits: Int32Array } | undefined;
}

/** Thrown through the recipe when the view cannot follow it. */
class Unfollowable extends Error {}

/** The code in `words` of leaf `leaf`. */
const codeIn = (words: Int32Array, leaf: LeafNode): number => (words[leaf.word]! >>> leaf.shift) & slotMask(leaf);

/** The child of `node` at property `key`, if the layout has one there. */
function childAt(node: LayoutNode, key: string): LayoutNode | undefined {
  if (node.kind === 'object') {
    const i = node.keys.indexOf(key);
    return i < 0 ? undefined : node.fields[i];
  }
  if (node.kind !== 'array') return undefined;
  const index = Number(key);
  return String(index) === key ? node.items[index] : undefined;
}

/**
 * Runs `recipe` on a view of `state` (decoded from bytes whose layout words are `words`, with no
 * tail); undefined when the run cannot be recorded.
 */
export function recordRecipe(index: LayoutIndex, recipe: (draft: never) => unknown, state: unknown, words: Int32Array): Recording | undefined {
  const { nodes, layout } = index;
  const reads: number[] = [];
  const read = new Uint8Array(nodes.length);
  /** Node id -> the value last written there: into the draft's object at its parent. */
  const written = new Map<number, unknown>();
  /** Node id -> the view of the draft's object there. */
  const views = new Map<number, object>();
  const viewed = new WeakMap<object, LayoutNode>();
  let followed = true;
  const unfollowable = (): never => {
    followed = false;
    throw new Unfollowable();
  };

  const viewOf = (node: LayoutNode, target: object): object => {
    const known = views.get(node.id);
    if (known) return known;
    const get = (t: object, key: string | symbol, receiver: unknown): unknown => {
      const child = typeof key === 'string' ? childAt(node, key) : undefined;
      if (!child) return Reflect.get(t, key, receiver);
      if (written.has(child.id)) return written.get(child.id);
      const value = (t as Record<string, unknown>)[key as string];
      if (child.kind === 'leaf') {
        if (read[child.id] === 0) {
          read[child.id] = 1;
          reads.push(child.id, codeIn(words, child));
        }
        return value;
      }
      if (child.kind === 'varying') return unfollowable();
      return viewOf(child, value as object);
    };
    const view = new Proxy(target, {
      get,
      set(t, key, value, receiver) {
        const child = typeof key === 'string' && receiver === view ? childAt(node, key) : undefined;
        if (child) written.set(child.id, value);
        // An array's length set to what it is changes nothing; any other new property is outside the layout.
        else if (!(key === 'length' && Array.isArray(t) && value === t.length)) unfollowable();
        return true;
      },
      getOwnPropertyDescriptor(t, key) {
        const own = Reflect.getOwnPropertyDescriptor(t, key);
        if (own && 'value' in own && typeof key === 'string' && childAt(node, key)) own.value = get(t, key, undefined);
        return own;
      },
      has: (t, key) => Reflect.has(t, key),
      ownKeys: (t) => Reflect.ownKeys(t),
      defineProperty: unfollowable,
      deleteProperty: unfollowable,
      setPrototypeOf: unfollowable,
      preventExtensions: unfollowable,
    });
    views.set(node.id, view);
    viewed.set(view, node);
    return view;
  };

  const mask = new Int32Array(layout.words);
  const bits = new Int32Array(layout.words);
  /** Puts the codes of `value`, now at `node`, into mask and bits; false when some leaf of it has no code. */
  const place = (node: LayoutNode, value: unknown): boolean => {
    // The draft's own object, still in its place: only what was written into it, at any depth, changed.
    if (value !== undefined && value === views.get(node.id)) return placeWrites(node);
    switch (node.kind) {
      case 'leaf': {
        const code = index.codeOf(node, value);
        if (code < 0) return false;
        const slot = slotMask(node) << node.shift;
        mask[node.word]! |= slot;
        bits[node.word] = (bits[node.word]! & ~slot) | (code << node.shift);
        return true;
      }
      case 'varying':
        return false;
      case 'object': {
        const shown = typeof value === 'object' && value !== null ? viewed.get(value) : undefined;
        const fits = shown
          ? shown.kind === 'object' && shown.keys.length === node.keys.length && shown.keys.every((key, i) => key === node.keys[i])
          : isPlainObject(value) && keyCount(value as object) === node.keys.length && node.keys.every((key) => holdsKey(value as object, key));
        return fits && node.fields.every((field, i) => place(field, (value as Record<string, unknown>)[node.keys[i]!]));
      }
      case 'array': {
        const fits = Array.isArray(value) && value.length === node.items.length;
        return fits && node.items.every((item, i) => place(item, (value as unknown[])[i]));
      }
    }
  };
  /** Places what was written into the draft's object at `node` and into those it still holds. */
  const placeWrites = (node: LayoutNode): boolean => {
    const children = node.kind === 'object' ? node.fields : node.kind === 'array' ? node.items : [];
    return children.every((child) => (written.has(child.id) ? place(child, written.get(child.id)) : placeWrites(child)));
  };

  const root = viewOf(layout.root, state as object);
  let fits: boolean;
  try {
    const replaced = recipe(root as never);
    // From the root down: a place written over holds what was written there, read through the
    // views it holds; what was written below it went into an object the state no longer holds there.
    fits = place(layout.root, replaced === undefined ? root : replaced);
  } catch {
    return undefined;
  }
  if (!followed) return undefined;
  return { reads, writes: fits ? { mask, bits } : undefined };
}
