/**
 * What a checkpoint must have been written by for a check to resume from it: the same model,
 * parameters and options that change what the search finds, and the same cocomc and checkpoint
 * format. Limits (time, memory, --max-states) and how the search runs (workers, batch size) may
 * differ: they change where a search stops, never what a whole level holds.
 */
import type { CheckOptions } from '../check.js';
import { checkRules } from '../checkOptions.js';
import { UsageError } from '../errors.js';
import { describeParams } from '../params.js';
import { cocomcVersion } from '../version.js';
import { FORMAT } from './format.js';

/**
 * The options that change the states a search reaches, the order it reaches them or what it
 * reports, and the encoding, which changes every state's bytes and so its fingerprint.
 */
const RESULT_OPTIONS = ['properties', 'deadlock', 'symmetry', 'maxDepth', 'exhaustive', 'stopAtFirst', 'stateEncoding'] as const;

export interface CheckpointIdentity {
  cocomc: string;
  format: number;
  model: string;
  params: Record<string, unknown>;
  /** Each result-changing option as given, null where the default applies. */
  options: Record<(typeof RESULT_OPTIONS)[number], unknown>;
}

export function identityOf(model: { name: string }, params: unknown, options: CheckOptions): CheckpointIdentity {
  return {
    cocomc: cocomcVersion(),
    format: FORMAT,
    model: model.name,
    params: describeParams(params as Record<string, unknown>),
    options: Object.fromEntries(RESULT_OPTIONS.map((key) => [key, options[key] ?? null])) as CheckpointIdentity['options'],
  };
}

/** Each part of an identity, by the name a user knows it by. */
function parts(identity: CheckpointIdentity, paramNames: readonly string[]): [string, unknown][] {
  return [
    ['cocomc', identity.cocomc],
    ['checkpoint format', identity.format],
    ['model', identity.model],
    ...paramNames.map((name): [string, unknown] => [`parameter ${name}`, identity.params[name]]),
    ...RESULT_OPTIONS.map((key): [string, unknown] => [checkRules[key].name, identity.options[key]]),
  ];
}

const shown = (value: unknown): string => (value === null || value === undefined ? 'its default' : JSON.stringify(value));

/** Throws a UsageError naming the first part of the saved identity that differs from the wanted one. */
export function requireSameIdentity(dir: string, saved: CheckpointIdentity, wanted: CheckpointIdentity): void {
  const names = [...new Set([...Object.keys(saved.params ?? {}), ...Object.keys(wanted.params)])];
  const theirs = new Map(parts(saved, names));
  for (const [name, value] of parts(wanted, names)) {
    if (JSON.stringify(theirs.get(name)) === JSON.stringify(value)) continue;
    throw new UsageError(
      `bad checkpoint '${dir}' for --resume: it was written with ${name} ${shown(theirs.get(name))}, this check has ${shown(value)}; ` +
        'accepted: a checkpoint of the same model, parameters, cocomc version and options that change results ' +
        `(${RESULT_OPTIONS.map((key) => checkRules[key].name).join(', ')})`,
    );
  }
}
