/**
 * Full traces for the sweep's witnesses: each sequence that shows why a step or an edge is
 * needed is checked again in the sweep's configuration, this time keeping its counterexamples.
 */
import { check } from '../check.js';
import type { AnyModel } from '../model.js';
import type { RawValue } from '../params.js';
import type { CheckResult } from '../result.js';
import type { SweepResult, Witness } from './sweep.js';

export interface WitnessTrace extends Witness {
  /** What the step or edge is: `step` (left out) or `edge` (broken). */
  why: 'step' | 'edge';
  result: CheckResult;
}

/** Re-checks every failing witness of a sweep with traces (they are few: one per step and edge), on the sweep's properties. */
export async function witnessTraces(model: AnyModel, sweep: SweepResult, properties?: readonly string[]): Promise<WitnessTrace[]> {
  const param = model.sweep!.param;
  const witnesses = [
    ...sweep.whyStep.map((w) => ({ ...w, why: 'step' as const })),
    ...sweep.whyEdge.map((w) => ({ ...w, why: 'edge' as const })),
  ].filter((w) => w.violated.length > 0);
  const traced: WitnessTrace[] = [];
  for (const w of witnesses) {
    const params = { ...(sweep.params as Record<string, RawValue>), [param]: w.steps };
    traced.push({ ...w, result: await check(model, { workers: 1, params, properties }) });
  }
  return traced;
}
