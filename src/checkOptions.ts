/**
 * The validation of the options of `check()`, `sweep()` and `matrix()`, which the command line's
 * flags go through too: one rule per option, so that a bad value is the same one-line UsageError
 * from the library and from the CLI (exit 2), naming the value and what is accepted, before any
 * search starts.
 */
import type { CheckOptions } from './check.js';
import { STATE_ENCODINGS } from './codecs/stateEncoding.js';
import { UsageError } from './errors.js';
import { FAIRNESS_CHOICES } from './liveness/fairness.js';
import type { ManyChecksOptions } from './manyChecks.js';
import { parseShard, SHARD_ACCEPTED, type ShardOption } from './sweep/shard.js';

/** What a whole-number option accepts, as help and errors say it. */
export const wholeNumberFrom = (min: number): string => `a whole number >= ${min}`;
/** What a seconds option accepts. */
export const SECONDS = 'a number of seconds > 0';

/** How one option is checked: the name errors use and what it accepts. */
export interface Rule {
  /** The name errors use: the option's flag where it has one (`--batch-size`), else its key. */
  name: string;
  accepted: string;
  accepts: (value: unknown) => boolean;
}

export const wholeNumber = (name: string, min: number): Rule => ({
  name,
  accepted: wholeNumberFrom(min),
  accepts: (v) => Number.isSafeInteger(v) && (v as number) >= min,
});
const seconds = (name: string): Rule => ({ name, accepted: SECONDS, accepts: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 });
const onOff = (name: string): Rule => ({ name, accepted: 'true or false', accepts: (v) => typeof v === 'boolean' });
const callback = (name: string): Rule => ({ name, accepted: 'a function', accepts: (v) => typeof v === 'function' });
const names = (name: string): Rule => ({
  name,
  accepted: 'a list of property names',
  accepts: (v) => Array.isArray(v) && v.every((item) => typeof item === 'string'),
});
const directory = (name: string): Rule => ({ name, accepted: 'a directory path', accepts: (v) => typeof v === 'string' && v !== '' });
/** What a minutes option accepts. */
export const MINUTES = 'a number of minutes >= 0';
const oneOf = (name: string, choices: readonly string[]): Rule => ({ name, accepted: choices.join(', '), accepts: (v) => choices.includes(v as string) });
const abortSignal: Rule = { name: 'signal', accepted: 'an AbortSignal', accepts: (v) => v instanceof AbortSignal };

/** One rule per field of CheckOptions: a field added there without a rule does not compile. */
export const checkRules: Record<keyof CheckOptions, Rule> = {
  params: { name: 'params', accepted: 'an object of parameter values by name', accepts: (v) => typeof v === 'object' && v !== null && !Array.isArray(v) },
  workers: wholeNumber('--workers', 1),
  properties: names('--property'),
  traces: onOff('traces'),
  stopAtFirst: onOff('--stop-at-first'),
  exhaustive: onOff('--continue'),
  deadlock: onOff('--deadlock'),
  symmetry: onOff('--symmetry'),
  maxStates: wholeNumber('--max-states', 1),
  maxDepth: wholeNumber('--max-depth', 0),
  timeLimit: seconds('--time-limit'),
  batchSize: wholeNumber('--batch-size', 1),
  minBatchesForWorkers: wholeNumber('minBatchesForWorkers', 1),
  maxMemory: wholeNumber('--max-memory', 1),
  stateEncoding: { name: 'stateEncoding', accepted: STATE_ENCODINGS.join(' or '), accepts: (v) => STATE_ENCODINGS.includes(v as never) },
  signal: abortSignal,
  onProgress: callback('onProgress'),
  onState: callback('onState'),
  onEdge: callback('onEdge'),
  checkpoint: directory('--checkpoint'),
  checkpointEvery: { name: '--checkpoint-every', accepted: MINUTES, accepts: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 },
  resume: directory('--resume'),
  fairness: oneOf('--fairness', FAIRNESS_CHOICES),
  stateGraphLimit: wholeNumber('stateGraphLimit', 1),
};

export type ManyChecksOptionsInput = ManyChecksOptions & ShardOption & { unsafeSample?: number };

/** confirm()'s options, checked by the same rules as check()'s where they share a field. */
const confirmRules: Record<keyof Omit<ManyChecksOptionsInput, 'shard'>, Rule> = {
  workers: checkRules.workers,
  properties: checkRules.properties,
  signal: abortSignal,
  onProgress: callback('onProgress'),
  unsafeSample: wholeNumber('unsafeSample', 0),
};

/** The sweep's and the matrix's options: confirm()'s, and a shard, since only a whole study is confirmed. */
const manyChecksRules: Record<keyof ManyChecksOptionsInput, Rule> = {
  ...confirmRules,
  shard: { name: '--shard', accepted: SHARD_ACCEPTED, accepts: (v) => typeof v === 'string' && parseShard(v) !== undefined },
};

/** What a value looks like in an error: a string as given, anything else as JSON where it can be. */
function shown(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'function') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Throws a UsageError for the first option that has no rule or that its rule refuses. */
export function validateOptions(options: unknown, rules: Readonly<Record<string, Rule>>, what: string): void {
  if (typeof options !== 'object' || options === null) throw new UsageError(`bad ${what} options '${shown(options)}'; accepted: an object`);
  for (const [key, value] of Object.entries(options)) {
    const rule = rules[key];
    if (!rule) throw new UsageError(`unknown ${what} option '${key}'; accepted: ${Object.keys(rules).join(', ')}`);
    if (value !== undefined && !rule.accepts(value)) throw new UsageError(`bad value '${shown(value)}' for ${rule.name}; accepted: ${rule.accepted}`);
  }
}

/** Throws a UsageError for the first option of check() that is unknown, out of range or in contradiction with another. */
export function validateCheckOptions(options: unknown): asserts options is CheckOptions {
  validateOptions(options, checkRules, 'check');
  const { stopAtFirst, exhaustive, checkpoint, checkpointEvery, resume, onState, onEdge } = options as CheckOptions;
  if (stopAtFirst === true && exhaustive === true) {
    throw new UsageError(`${checkRules.stopAtFirst.name} and ${checkRules.exhaustive.name} contradict each other: one stops at the first violation, the other explores the whole space; give one`);
  }
  if (checkpointEvery !== undefined && checkpoint === undefined) throw new UsageError(`${checkRules.checkpointEvery.name} needs ${checkRules.checkpoint.name} DIR`);
  // The states a resumed search found before were never shown to the callbacks.
  if (resume !== undefined && (onState || onEdge)) throw new UsageError(`${checkRules.resume.name} cannot give every state to ${onState ? 'onState' : 'onEdge'}: those found before the checkpoint are not visited again; give one`);
}

/** Throws a UsageError for the first option of sweep() or matrix() that is unknown or out of range. */
export function validateManyChecksOptions(options: unknown): asserts options is ManyChecksOptionsInput {
  validateOptions(options, manyChecksRules, 'sweep and matrix');
}

/** Throws a UsageError for the first option of confirm() that is unknown or out of range (a shard among them). */
export function validateConfirmOptions(options: unknown): asserts options is Omit<ManyChecksOptionsInput, 'shard'> {
  validateOptions(options, confirmRules, 'confirm');
}

/**
 * A number flag's value as the library takes it: a decimal number becomes a number, anything
 * else (and a number too large to hold exactly: Infinity, or a whole number past 2^53) stays the
 * text given, so that the error names what was typed.
 */
export function numberFromFlag(raw: string | boolean | string[] | undefined): unknown {
  if (typeof raw !== 'string' || !/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw)) return raw;
  const n = Number(raw);
  return Number.isFinite(n) && !(Number.isInteger(n) && !Number.isSafeInteger(n)) ? n : raw;
}
