/**
 * The forced order computed independently of src/sweep: by brute force over every pair of steps
 * and every sequence's verdict. A pair is forced when a safe sequence has it in order and every
 * sequence that has it the other way round is known to be unsafe.
 */
import type { SequenceResult } from '../../src/sweep/sweep.js';

export function bruteForceForcedOrder(base: readonly string[], results: readonly SequenceResult[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const a of base) {
    for (const b of base) {
      const both = results.filter((r) => a !== b && r.steps.includes(a) && r.steps.includes(b));
      const inOrder = (r: SequenceResult): boolean => r.steps.indexOf(a) < r.steps.indexOf(b);
      if (both.some((r) => r.verdict === 'safe' && inOrder(r)) && both.every((r) => inOrder(r) || r.verdict === 'unsafe')) pairs.push([a, b]);
    }
  }
  return pairs;
}
