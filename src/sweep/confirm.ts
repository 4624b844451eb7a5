/**
 * Confirmation of the sweep's small-scope verdicts: every safe sequence, and an even sample of the
 * unsafe ones, checked again in a larger configuration. A verdict that changes is evidence that
 * the small scope missed something; none changing is evidence (not proof) that it did not.
 */
import { checkMany, type ManyChecksOptions } from '../manyChecks.js';
import type { AnyModel } from '../model.js';
import { UsageError } from '../errors.js';
import type { RawValue } from '../params.js';
import type { SequenceResult, SweepResult } from './sweep.js';

export interface ConfirmResult {
  /** The parameters changed for the confirmation (`pages=2,readers=2`). */
  larger: Record<string, string>;
  checked: number;
  safeChecked: number;
  unsafeChecked: number;
  /** Sequences whose set of failing properties differs in the larger configuration. */
  changed: { steps: string[]; small: string[]; large: string[] }[];
  seconds: number;
}

/** Parses `pages=2,readers=2`. */
export function parseAssignments(text: string): Record<string, string> {
  const pairs = text.split(',').map((part) => part.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1])) {
    throw new UsageError(`bad value '${text}' for --confirm; accepted: NAME=VALUE pairs separated by commas, e.g. pages=2,readers=2`);
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

export async function confirm(
  model: AnyModel,
  small: SweepResult,
  larger: Record<string, string>,
  options: ManyChecksOptions & { unsafeSample?: number } = {},
): Promise<ConfirmResult> {
  const started = Date.now();
  const param = model.sweep!.param;
  const safe = small.results.filter((r) => r.violated.length === 0);
  const unsafe = evenSample(small.results.filter((r) => r.violated.length > 0), options.unsafeSample ?? 100);
  const chosen = [...safe, ...unsafe];
  const params: Record<string, RawValue> = { ...(small.params as Record<string, RawValue>), ...larger };
  const summaries = await checkMany(model, chosen.map((r) => ({ ...params, [param]: r.steps })), options);
  const changed = summaries
    .map((summary, i) => ({ steps: chosen[i]!.steps, small: names(chosen[i]!), large: names(summary) }))
    .filter((c) => c.small.join() !== c.large.join());
  return { larger, checked: summaries.length, safeChecked: safe.length, unsafeChecked: unsafe.length, changed, seconds: (Date.now() - started) / 1000 };
}
