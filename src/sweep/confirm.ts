/**
 * Confirmation of the sweep's small-scope verdicts: every safe sequence, and an even sample of the
 * unsafe ones, checked again in a larger configuration. A verdict that changes is evidence that
 * the small scope missed something; none changing is evidence (not proof) that it did not.
 */
import { validateConfirmOptions } from '../checkOptions.js';
import { UsageError } from '../errors.js';
import { checkMany, type ManyChecksOptions } from '../manyChecks.js';
import type { AnyModel } from '../model.js';
import { flagName, resolveParams, type RawValue } from '../params.js';
import { sweepSpecOf, type SequenceResult, type SweepResult } from './sweep.js';

export interface ConfirmResult {
  /** The parameters changed for the confirmation, by name. */
  larger: Record<string, string>;
  /** Sequences re-checked to the end in the larger configuration. */
  checked: number;
  /** Sequences chosen but not re-checked to the end (after Ctrl-C): no verdict of theirs is compared. */
  notChecked: number;
  /** The safe sequences chosen (all of them), and the unsafe ones sampled. */
  safeChecked: number;
  unsafeChecked: number;
  /** Sequences re-checked whose set of failing properties differs in the larger configuration. */
  changed: { steps: string[]; small: string[]; large: string[] }[];
  seconds: number;
}

/** Parses `NAME=VALUE,...` (kebab-case names as the flags spell them, or camelCase). */
export function parseAssignments(text: string): Record<string, string> {
  const pairs = text.split(',').map((part) => part.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1])) {
    throw new UsageError(`bad value '${text}' for --confirm; accepted: NAME=VALUE pairs of model parameters separated by commas`);
  }
  return Object.fromEntries(pairs.map(([name, value]) => [name!.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value!.trim()]));
}

/** Every n-th item, so that at most `size` are taken, spread over the whole list. */
export function evenSample<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)]!);
}

const names = (r: Pick<SequenceResult, 'violated'>): string[] => r.violated.map((v) => v.name).sort();

/**
 * The configuration of the confirmation: the sweep's, changed by `larger`. Resolved here, so that
 * a bad name or value is refused before any check rather than by the first check that runs.
 */
export function confirmParams(model: AnyModel, sweepParams: Readonly<Record<string, unknown>>, larger: Readonly<Record<string, string>>): Record<string, RawValue> {
  const spec = sweepSpecOf(model);
  if (larger[spec.param] !== undefined) {
    throw new UsageError(`${flagName(spec.param)} cannot be given to --confirm: the confirmation re-checks the sweep's own sequences`);
  }
  const params = { ...(sweepParams as Record<string, RawValue>), ...larger };
  try {
    resolveParams(model.params, { ...params, [spec.param]: [...spec.base] }, model.validate);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`--confirm: ${error.message}`);
    throw error;
  }
  return params;
}

export async function confirm(
  model: AnyModel,
  small: SweepResult,
  larger: Record<string, string>,
  options: ManyChecksOptions & { unsafeSample?: number } = {},
): Promise<ConfirmResult> {
  const started = Date.now();
  validateConfirmOptions(options);
  const params = confirmParams(model, small.params, larger);
  const param = sweepSpecOf(model).param;
  const safe = small.results.filter((r) => r.verdict === 'safe');
  const unsafe = evenSample(small.results.filter((r) => r.verdict === 'unsafe'), options.unsafeSample ?? 100);
  const chosen = [...safe, ...unsafe];
  const summaries = await checkMany(model, chosen.map((r) => ({ ...params, [param]: r.steps })), options);
  const compared = chosen.flatMap((r, i) => {
    const large = summaries[i];
    return large && large.verdict !== 'not checked' ? [{ steps: r.steps, small: names(r), large: names(large) }] : [];
  });
  return {
    larger,
    checked: compared.length,
    notChecked: chosen.length - compared.length,
    safeChecked: safe.length,
    unsafeChecked: unsafe.length,
    changed: compared.filter((c) => c.small.join() !== c.large.join()),
    seconds: (Date.now() - started) / 1000,
  };
}
