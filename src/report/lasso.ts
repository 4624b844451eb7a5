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

/**
 * What the lasso does after its last step, naming the state where the loop starts as the text
 * report numbers states (`Back to state 3: ...`, from 1) or as the HTML swimlane numbers steps
 * (`Back to step 2: ...`, the actions taken so far).
 */
export function loopSentence(p: Pick<PropertyResult, 'loopStart' | 'traceLength'>, numbering: 'state' | 'step'): string {
  const where = numbering === 'state' ? `state ${p.loopStart! + 1}` : `step ${p.loopStart!}`;
  return endsStuck(p)
    ? `No action is enabled at ${where}: the behavior stays there forever.`
    : `Back to ${where}: the loop of ${p.traceLength! - p.loopStart!} steps repeats forever.`;
}
