/**
 * The words reports use for liveness: the fairness a check assumed, and what a lasso's loop does
 * (the text, HTML and ITF reports all say it the same way).
 */
import type { FairnessResult, PropertyResult } from '../result.js';

/** `weak fairness of P0, P1`, `weak fairness of P0; strong fairness of enter`, or `no fairness`. */
export function fairnessPhrase(fairness: readonly FairnessResult[]): string {
  if (fairness.length === 0) return 'no fairness';
  return (['weak', 'strong'] as const)
    .map((kind) => fairness.filter((f) => f.kind === kind).map((f) => f.group))
    .map((groups, k) => (groups.length === 0 ? '' : `${k === 0 ? 'weak' : 'strong'} fairness of ${groups.join(', ')}`))
    .filter(Boolean)
    .join('; ');
}

/** Whether a lasso ends in a state with no action enabled, where the behaviour stays forever, rather than in a loop. */
export function endsStuck(p: Pick<PropertyResult, 'loopStart' | 'traceLength'>): boolean {
  return p.loopStart === p.traceLength;
}

/** What the lasso does after its last step: `Back to state 3: the loop repeats forever.` (states numbered from 1). */
export function loopSentence(p: Pick<PropertyResult, 'loopStart' | 'traceLength'>): string {
  const state = p.loopStart! + 1;
  return endsStuck(p)
    ? `No action is enabled in state ${state}: the behavior stays there forever.`
    : `Back to state ${state}: the loop of ${p.traceLength! - p.loopStart!} steps repeats forever.`;
}
