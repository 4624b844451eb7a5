/**
 * A trace in the Informal Trace Format (ITF), the JSON that Apalache and Quint read and write
 * (Apalache ADR-015): `{"#meta", "vars", "states"}`, one state per trace step. Arrays become
 * lists, objects records, integers outside JavaScript's safe range `{"#bigint": "..."}`.
 * Each state's `#meta` says which action led to it; its values are strings (and the index), as
 * ITF readers such as the Rust `itf` crate expect.
 */
import type { CheckResult, PropertyResult } from '../result.js';
import { endsStuck } from './lasso.js';
import { formatParams } from './text.js';

export const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

/** An ITF value: what a cocomc state value becomes. */
export type ItfValue = boolean | number | string | ItfValue[] | { [key: string]: ItfValue };

export interface ItfState {
  '#meta': { index: number; action: string; actor: string; args: string; label: string };
  [variable: string]: ItfValue;
}

export interface ItfTrace {
  '#meta': Record<string, string>;
  vars: string[];
  states: ItfState[];
  /** A lasso's: the index of the state the last one goes back to (the last one itself when it has no successor). */
  loop?: number;
}

/**
 * Encodes one value. ITF has no null and no fractions: those become `{"#unserializable": ...}`,
 * the format's own escape for values it cannot express, rather than being dropped.
 */
export function itfValue(value: unknown): ItfValue {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return { '#bigint': value.toString() };
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    return Number.isInteger(value) ? { '#bigint': BigInt(value).toString() } : { '#unserializable': String(value) };
  }
  if (Array.isArray(value)) return value.map(itfValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, itfValue(item)]));
  }
  return { '#unserializable': String(value) };
}

/**
 * The variables of a state: its fields when it is a record, else one variable `state` holding
 * it whole (a model whose state is an array, such as Flip's ring).
 */
function variablesOf(state: unknown): Record<string, unknown> {
  const isRecord = typeof state === 'object' && state !== null && !Array.isArray(state);
  return isRecord ? (state as Record<string, unknown>) : { state };
}

/**
 * The trace of `property` (a counterexample or a witness) as ITF. A lasso's last step goes back to
 * the loop's first state: ITF says so with `loop`, the index of that state, and leaves the repeated
 * state out.
 */
export function toItf(result: Pick<CheckResult, 'model' | 'params'>, property: PropertyResult): ItfTrace {
  if (!property.trace) throw new Error(`property ${property.name} has no trace (status: ${property.status})`);
  const lasso = property.loopStart !== undefined;
  const trace = lasso && !endsStuck(property) ? property.trace.slice(0, -1) : property.trace;
  const vars = Object.keys(variablesOf(trace[0]!.state));
  const params = formatParams(result.params);
  const what = property.status === 'witnessed' ? 'witness of' : 'counterexample to';
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_FORMAT_DESCRIPTION,
      source: result.model,
      description: `cocomc: ${what} ${property.name} (${property.doc || property.kind}) in ${result.model}${params ? ` (${params})` : ''}`,
      property: property.name,
      status: property.status,
    },
    vars,
    states: trace.map((step) => {
      const variables = variablesOf(step.state);
      const meta = { index: step.index, action: step.action ?? 'init', actor: step.actor ?? '', args: step.args, label: step.label };
      return { '#meta': meta, ...Object.fromEntries(vars.map((v) => [v, itfValue(variables[v])])) } as ItfState;
    }),
    ...(lasso ? { loop: property.loopStart } : {}),
  };
}

/**
 * The trace `--itf` writes: that of the first property named (by `--property`) that has one,
 * else the first violated property's; undefined when there is none.
 */
export function traceToExport(result: Pick<CheckResult, 'properties'>, named: readonly string[] = []): PropertyResult | undefined {
  if (named.length > 0) return named.map((n) => result.properties.find((p) => p.name === n)).find((p) => p?.trace);
  return result.properties.find((p) => p.status === 'violated' && p.trace);
}
