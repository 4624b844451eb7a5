/**
 * A fixed layout derived from the shape of a model's states: each leaf position gets a slot of a
 * few bits, in a run of 32-bit words, holding the code of its value in the leaf's domain. A
 * boolean takes one bit, a string one of a handful a few bits, a leaf that never changed none.
 *
 * A domain is what the sample showed, widened where the sample is likely to have stopped short:
 * a boolean seen once as false may still become true, and a counter seen from 0 to 5 may go on
 * (its range is doubled). Anything else a state holds there is written apart (layoutCodec.ts).
 */
import type { Primitive, Shape } from './stateShape.js';

/** The values one slot can hold: code i < values.length is values[i], code values.length + k is intLo + k. */
export interface Domain {
  readonly values: readonly Primitive[];
  readonly intLo: number;
  readonly intCount: number;
  /** The slot's width: 0 for a domain of one value. */
  readonly bits: number;
}

export type LayoutNode =
  | { readonly kind: 'leaf'; readonly id: number; readonly domain: Domain; readonly word: number; readonly shift: number }
  | { readonly kind: 'object'; readonly id: number; readonly keys: readonly string[]; readonly fields: readonly LayoutNode[] }
  | { readonly kind: 'array'; readonly id: number; readonly items: readonly LayoutNode[] }
  | { readonly kind: 'varying'; readonly id: number };

export interface StateLayout {
  readonly root: LayoutNode;
  /** The 32-bit words the slots fill. */
  readonly words: number;
  /** The bytes those words take: all four of each but the last, which takes only what its slots need. */
  readonly bytes: number;
  /** Per node id, the keys and indices that lead to it from the root. */
  readonly paths: readonly (readonly (string | number)[])[];
}

export type LeafNode = Extract<LayoutNode, { kind: 'leaf' }>;

/** The bits of a leaf's slot, at shift 0. */
export const slotMask = (leaf: { readonly domain: Domain }): number => 2 ** leaf.domain.bits - 1;

/** The bytes of word `w`, little-endian: four, or for the last only those its slots use. */
export const wordBytes = (layout: StateLayout, w: number): number => Math.min(4, layout.bytes - 4 * w);

/** The widest slot: a word must hold it at any shift left over. */
const MAX_SLOT_BITS = 24;

/**
 * The most positions a layout has. The encoder and decoder are generated as straight-line code,
 * one line a position: a state larger than this keeps the generic encoding.
 */
const MAX_LAYOUT_NODES = 4096;

const bitsFor = (codes: number): number => (codes <= 1 ? 0 : 32 - Math.clz32(codes - 1));

/** The domain of a leaf seen holding `seen` (distinct, sorted), or undefined when no slot is wide enough. */
function domainOf(seen: readonly Primitive[]): Domain | undefined {
  const booleans = seen.some((v) => typeof v === 'boolean') ? [false, true] : [];
  const others = [...seen.filter((v) => v === null), ...booleans, ...seen.filter((v) => typeof v === 'string' || (typeof v === 'number' && !Number.isInteger(v)))];
  const ints = seen.filter((v): v is number => typeof v === 'number' && Number.isInteger(v));
  if (ints.length > 0) {
    const lo = Math.min(...ints);
    const bits = bitsFor(others.length + 2 * (Math.max(...ints) - lo + 1));
    if (bits <= MAX_SLOT_BITS) return { values: others, intLo: lo, intCount: 2 ** bits - others.length, bits };
  }
  const values = [...others, ...ints];
  const bits = bitsFor(values.length);
  return bits <= MAX_SLOT_BITS ? { values, intLo: 0, intCount: 0, bits } : undefined;
}

/** The layout of states of this shape, or undefined when it would not pay (too large, or no structure at all). */
export function layoutOf(shape: Shape): StateLayout | undefined {
  if (shape.kind === 'varying') return undefined;
  const paths: (string | number)[][] = [];
  let word = 0;
  let used = 0;
  const place = (s: Shape, path: (string | number)[]): LayoutNode => {
    const id = paths.length;
    paths.push(path);
    if (paths.length > MAX_LAYOUT_NODES) throw new TooLarge();
    switch (s.kind) {
      case 'object':
        return { kind: 'object', id, keys: s.keys, fields: s.fields.map((field, i) => place(field, [...path, s.keys[i]!])) };
      case 'array':
        return { kind: 'array', id, items: s.items.map((item, i) => place(item, [...path, i])) };
      case 'varying':
        return { kind: 'varying', id };
      case 'leaf': {
        const domain = domainOf(s.values);
        if (!domain) return { kind: 'varying', id };
        if (used + domain.bits > 32) {
          word++;
          used = 0;
        }
        const node: LayoutNode = { kind: 'leaf', id, domain, word, shift: used };
        used += domain.bits;
        return node;
      }
    }
  };
  try {
    const root = place(shape, []);
    // Slots only move to a new word to place bits, so no bits placed means no word at all.
    return used === 0 ? { root, words: 0, bytes: 0, paths } : { root, words: word + 1, bytes: 4 * word + Math.ceil(used / 8), paths };
  } catch (error) {
    if (error instanceof TooLarge) return undefined;
    throw error;
  }
}

class TooLarge extends Error {}
