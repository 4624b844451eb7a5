/**
 * Successors made on the bytes: what each action's recipe (or successor function, run the same
 * way) does to a state's layout words, learnt by running it on a recording view
 * (recipeRecorder.ts), kept so that later states need not run it. A model's code is a function of
 * the state, so a recipe that read the same leaves with the same codes along the way did the
 * same: it wrote the same codes into the same slots. What it
 * learnt is kept per action as a trie: a branch reads one leaf's code in the parent's words and
 * goes on by it, an end holds the words the recipe wrote. A state whose path ends in the trie gets
 * its successor as its own words with those slots rewritten: no draft refilled, no recipe run, no
 * state encoded.
 *
 * Each thing learnt is checked at once against the action run as the search runs it, on a draft,
 * and encoded: a recipe the view followed differently (a guard that wrote into the state, code that
 * is not a function of the state) is never learnt from again. An action whose recipe the view
 * cannot follow, or that misses too often to pay, runs on drafts from then on. What is learnt
 * changes how fast a successor is made, never which one: counts do not depend on it, nor on the
 * thread, each of which learns for itself.
 */
import { ByteReader, ByteWriter, sameContents, type Codec } from '../codec.js';
import type { Action } from '../model.js';
import { indexLayout, recordRecipe, type LayoutIndex, type Recording } from './recipeRecorder.js';
import { slotMask, wordBytes, type LeafNode, type StateLayout } from './stateLayout.js';

/** A node of an action's trie: a branch (`leaf` >= 0) or an end (`leaf` -1). */
class MemoNode {
  /** A branch's children, by the code its leaf holds. */
  readonly next: (MemoNode | undefined)[] = [];
  constructor(
    /** The leaf a branch reads, or -1. */
    readonly leaf: number,
    readonly word: number,
    readonly shift: number,
    readonly mask: number,
    /** An end's writes, as triples of word, bits kept, bits set; null when the successor does not fit the layout. */
    readonly writes: Int32Array | null,
  ) {}
}

/** Learning stops for an action once it has learnt this often and more than a quarter of its lookups missed. */
const LEARNINGS_BEFORE_GIVING_UP = 256;
/**
 * Nor do the tries grow past about this many nodes in all (some tens of MiB), shared out among the
 * actions, but never fewer than LEAST_NODES_PER_ACTION each. A recipe reads a few leaves: no
 * action's trie of the models in models/ passed 50 nodes in their largest benchmarked checks.
 */
const NODES_IN_ALL = 1 << 18;
const LEAST_NODES_PER_ACTION = 1 << 8;

interface ActionMemo {
  root: MemoNode | undefined;
  nodes: number;
  learnt: number;
  hits: number;
}

/** The writes of a recording as an end's triples (word, bits kept, bits set), null when it does not fit. */
function writesOf(recording: Recording): Int32Array | null {
  const { writes } = recording;
  if (!writes) return null;
  const triples: number[] = [];
  writes.mask.forEach((mask, w) => {
    if (mask !== 0) triples.push(w, ~mask, writes.bits[w]!);
  });
  return Int32Array.from(triples);
}

/**
 * A codec's `successorOnBytes` for states of `layout`, learnt from `actions`' recipes and successor functions.
 * @param codec the layout's codec, which runs an action as the search does, to check what is learnt.
 */
export function recipeMemo<S>(layout: StateLayout, actions: readonly Action<S>[], codec: Codec<S>): NonNullable<Codec<S>['successorOnBytes']> {
  let index: LayoutIndex | undefined;
  const maxNodes = Math.max(LEAST_NODES_PER_ACTION, Math.floor(NODES_IN_ALL / Math.max(1, actions.length)));
  const memos: (ActionMemo | undefined)[] = actions.map(() => ({ root: undefined, nodes: 0, learnt: 0, hits: 0 }));
  /**
   * Each action's effect as a recipe: what it returns, if anything, is the new state. A successor
   * function that returns nothing is a fault the search reports: here it is not learnt from.
   */
  const effects = actions.map((action): ((draft: never) => unknown) => ('recipe' in action ? action.recipe : (state) => {
    const made = action.next(state);
    if (made === undefined) throw new TypeError('a successor function returned undefined');
    return made;
  }));
  const lengths = Int32Array.from({ length: layout.words }, (_, w) => wordBytes(layout, w));
  const words = new Int32Array(Math.max(1, layout.words));
  /** The state whose words `words` holds. */
  let wordsOf: unknown;
  const checked = new ByteWriter();
  const made = new ByteWriter();

  const readWords = (bytes: Uint8Array, start: number): void => {
    for (let w = 0; w < layout.words; w++) {
      let word = 0;
      for (let k = 0; k < lengths[w]!; k++) word |= bytes[start + 4 * w + k]! << (8 * k);
      words[w] = word;
    }
  };

  /** Writes the parent's words with an end's writes applied, then the empty tail. */
  const size = layout.bytes;
  const apply = (writes: Int32Array, bytes: Uint8Array, start: number, out: ByteWriter): void => {
    out.reserve(size + 1);
    const b = out.bytes;
    const o = out.length;
    for (let i = 0; i < size; i++) b[o + i] = bytes[start + i]!;
    for (let k = 0; k < writes.length; k += 3) {
      const w = writes[k]!;
      const word = (words[w]! & writes[k + 1]!) | writes[k + 2]!;
      for (let i = 0, n = lengths[w]!; i < n; i++) b[o + 4 * w + i] = (word >>> (8 * i)) & 255;
    }
    b[o + size] = 0;
    out.length = o + size + 1;
  };

  /** The action as the search runs it without the memo, encoded into `checked`; false if it threw. */
  const runOnDraft = (effect: (draft: never) => unknown, bytes: Uint8Array, start: number): boolean => {
    checked.reset();
    try {
      const draft = codec.decode(new ByteReader(bytes, start));
      const replaced = effect(draft as never);
      codec.encode(replaced === undefined ? draft : (replaced as S), checked);
      return true;
    } catch {
      return false;
    }
  };

  /** Learns what action `a` does in this state: its end, or undefined if the action is not (or no longer) learnt from. */
  const learn = (a: number, memo: ActionMemo, bytes: Uint8Array, start: number, state: S): MemoNode | undefined => {
    const giveUp = (): undefined => void (memos[a] = undefined);
    if (memo.learnt >= LEARNINGS_BEFORE_GIVING_UP && memo.learnt * 4 > memo.learnt + memo.hits) return giveUp();
    index ??= indexLayout(layout);
    const recording = recordRecipe(index, effects[a]!, state, words);
    if (!recording) return giveUp();
    // A recipe that throws here is reported by the search, which runs it again on a draft.
    if (!runOnDraft(effects[a]!, bytes, start)) return undefined;
    const writes = writesOf(recording);
    made.reset();
    if (writes) apply(writes, bytes, start, made);
    const fits = checked.bytes[size] === 0 && checked.length === size + 1;
    const written = (out: ByteWriter): Uint8Array => out.bytes.subarray(0, out.length);
    if (writes ? !sameContents(written(made), written(checked)) : fits) return giveUp();
    memo.learnt++;
    // The path: it follows the trie as far as the trie goes (a function of the state reads the
    // same leaf first, and the same next one after the same code), then grows it.
    let parent: MemoNode | undefined;
    let code = 0;
    const child = (): MemoNode | undefined => (parent ? parent.next[code] : memo.root);
    const adopt = (node: MemoNode): MemoNode => {
      if (parent) parent.next[code] = node;
      else memo.root = node;
      memo.nodes++;
      return node;
    };
    for (let k = 0; k < recording.reads.length; k += 2) {
      const leaf = recording.reads[k]!;
      const at = index.nodes[leaf] as LeafNode;
      const node = child() ?? adopt(new MemoNode(leaf, at.word, at.shift, slotMask(at), null));
      if (node.leaf !== leaf || memo.nodes > maxNodes) return giveUp();
      parent = node;
      code = recording.reads[k + 1]!;
    }
    const end = child() ?? adopt(new MemoNode(-1, 0, 0, 0, writes));
    const same = end.writes === null || writes === null ? end.writes === writes : sameContents(end.writes, writes);
    return end.leaf < 0 && same ? end : giveUp();
  };

  return (a, bytes, start, state, out) => {
    const memo = memos[a];
    if (memo === undefined || bytes[start + size] !== 0) return false;
    if (wordsOf !== state) {
      readWords(bytes, start);
      wordsOf = state;
    }
    let node = memo.root;
    while (node !== undefined && node.leaf >= 0) node = node.next[(words[node.word]! >>> node.shift) & node.mask];
    if (node === undefined) node = learn(a, memo, bytes, start, state);
    else memo.hits++;
    if (node === undefined || node.writes === null) return false;
    apply(node.writes, bytes, start, out);
    return true;
  };
}
