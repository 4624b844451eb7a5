/**
 * Reader symmetry (used only with `--symmetry`): CPUs 1..readers run the same actions and differ
 * only in their TLB rows, so permuting them maps reachable states to reachable states with the
 * same verdicts. CPU 0 (the converting CPU and the owner) is not permuted.
 */
import type { CocoState, Enc, View } from './state.js';

const entryKey = (e: Enc | null): string => (e === null ? '0' : e === 'private' ? '1' : '2');

/** The representative of a state's class: the readers' TLB rows in sorted order. */
export function sortReaders(s: View): CocoState {
  const readers = s.tlb.slice(1).map((row, i) => ({
    tlb: row,
    aliasTlb: s.aliasTlb[i + 1]!,
    key: row.map(entryKey).join('') + s.aliasTlb[i + 1]!.map(entryKey).join(''),
  }));
  readers.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // The engine only encodes the result, so it may share the unchanged parts with `s`.
  return {
    ...(s as CocoState),
    tlb: [s.tlb[0]!, ...readers.map((r) => r.tlb)] as CocoState['tlb'],
    aliasTlb: [s.aliasTlb[0]!, ...readers.map((r) => r.aliasTlb)] as CocoState['aliasTlb'],
  };
}
