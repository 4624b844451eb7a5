/**
 * Model parameters: their typed specifications, and their resolution from user input
 * (CLI strings or library values) into a fully filled, validated object.
 */
import { ModelError, UsageError } from './errors.js';

interface ParamBase {
  /** One line for `cocomc help check`, saying what the parameter means. */
  readonly doc: string;
  /** True when the parameter may stay unset: the model then derives it (say so in `doc`). */
  readonly optional?: boolean;
}
/** A whole number in [min, max]. */
export interface IntParam extends ParamBase { readonly type: 'int'; readonly default?: number; readonly min?: number; readonly max?: number }
/** A flag: `--name` sets it, `--no-name` clears it. */
export interface BoolParam extends ParamBase { readonly type: 'boolean'; readonly default?: boolean }
/** One of a fixed set of names. */
export interface ChoiceParam<V extends string = string> extends ParamBase { readonly type: 'choice'; readonly values: readonly V[]; readonly default?: V }
/** A comma-separated list of names from a fixed set (repeats allowed). */
export interface ListParam<V extends string = string> extends ParamBase { readonly type: 'list'; readonly values: readonly V[]; readonly default?: readonly V[] }

export type ParamSpec = IntParam | BoolParam | ChoiceParam | ListParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<P extends ParamSpec> =
  P extends IntParam ? number :
  P extends BoolParam ? boolean :
  P extends ChoiceParam<infer V> ? V :
  P extends ListParam<infer V> ? readonly V[] : never;

/** The resolved parameters of a model: optional ones may be undefined, the rest are filled. */
export type ParamsOf<Specs extends ParamSpecs> = {
  readonly [K in keyof Specs]: Specs[K] extends { optional: true } ? ValueOf<Specs[K]> | undefined : ValueOf<Specs[K]>;
};

/** Constructors that keep each spec's literal types, so `ParamsOf` can infer them. */
export const param = {
  int: (doc: string, defaultValue: number, bounds: { min?: number; max?: number } = {}): IntParam =>
    ({ type: 'int', doc, default: defaultValue, ...bounds }),
  bool: (doc: string, defaultValue: boolean): BoolParam => ({ type: 'boolean', doc, default: defaultValue }),
  /** A boolean the model derives from other parameters unless the user sets it. */
  derivedBool: (doc: string): BoolParam & { optional: true } => ({ type: 'boolean', doc, optional: true }),
  choice: <const V extends string>(doc: string, values: readonly V[], defaultValue: V): ChoiceParam<V> =>
    ({ type: 'choice', doc, values, default: defaultValue }),
  /** A choice the model derives from other parameters unless the user sets it. */
  derivedChoice: <const V extends string>(doc: string, values: readonly V[]): ChoiceParam<V> & { optional: true } =>
    ({ type: 'choice', doc, values, optional: true }),
  /** A list that is unset unless given. */
  list: <const V extends string>(doc: string, values: readonly V[]): ListParam<V> & { optional: true } =>
    ({ type: 'list', doc, values, optional: true }),
};

const KINDS = 'int, boolean, choice, list (made by param.int, param.bool, param.choice, param.list)';

/** What is wrong with one parameter's spec, or undefined when nothing is. */
function specProblem(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null) return `is ${String(spec)}, not a parameter spec; accepted kinds: ${KINDS}`;
  const { type, doc, values, default: byDefault, optional, min, max } = spec as Record<string, unknown>;
  if (type !== 'int' && type !== 'boolean' && type !== 'choice' && type !== 'list') return `has type '${String(type)}'; accepted: ${KINDS}`;
  if (typeof doc !== 'string') return 'has no doc: the one line that help prints for it';
  if (byDefault === undefined && optional !== true) return 'has no default: give one, or make it optional (param.derivedBool, param.derivedChoice, param.list)';
  switch (type) {
    case 'int': {
      const bound = (n: unknown): boolean => n === undefined || Number.isSafeInteger(n);
      if (!bound(min) || !bound(max)) return `has bounds ${String(min)}..${String(max)}; they must be whole numbers`;
      const inBounds = (n: number): boolean => n >= ((min as number | undefined) ?? -Infinity) && n <= ((max as number | undefined) ?? Infinity);
      if (byDefault !== undefined && !(Number.isSafeInteger(byDefault) && inBounds(byDefault as number))) {
        return `has default ${String(byDefault)}; accepted: ${acceptedValues(spec as IntParam)}`;
      }
      return undefined;
    }
    case 'boolean':
      return byDefault === undefined || typeof byDefault === 'boolean' ? undefined : `has default ${String(byDefault)}; accepted: true, false`;
    case 'choice':
    case 'list': {
      if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) return 'has no values: a non-empty array of names';
      const defaults = byDefault === undefined ? [] : type === 'list' && Array.isArray(byDefault) ? byDefault : [byDefault];
      const stray = defaults.find((d) => !values.includes(d));
      return stray === undefined ? undefined : `has default '${String(stray)}', which is not one of its values: ${values.join(', ')}`;
    }
  }
}

/**
 * Checks a model's parameter specs, so that an author's mistake in one is a ModelError naming the
 * parameter rather than a failure somewhere later (or a parameter that silently takes no value).
 */
export function checkParamSpecs(specs: unknown): asserts specs is ParamSpecs {
  if (typeof specs !== 'object' || specs === null) throw new ModelError(`a model's params must be an object of parameter specs, not ${String(specs)}`);
  for (const [name, spec] of Object.entries(specs)) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(name)) throw new ModelError(`parameter '${name}' cannot be a flag: name parameters in camelCase (hostFailures is --host-failures)`);
    const problem = specProblem(spec);
    if (problem) throw new ModelError(`parameter '${name}' ${problem}`);
  }
}

/** Turns a camelCase parameter name into its CLI flag: `hostFailures` -> `--host-failures`. */
export function flagName(name: string): string {
  return '--' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** A raw value as given by a user: a CLI string, or a value from the library API. */
export type RawValue = string | number | boolean | readonly string[];

/** What a parameter accepts, as help and error messages say it: `a whole number from 3 to 64`. */
export function acceptedValues(spec: ParamSpec): string {
  switch (spec.type) {
    case 'int':
      if (spec.max === undefined) return spec.min === undefined ? 'a whole number' : `a whole number >= ${spec.min}`;
      return spec.min === undefined ? `a whole number <= ${spec.max}` : `a whole number from ${spec.min} to ${spec.max}`;
    case 'boolean':
      return 'true, false';
    case 'choice':
      return spec.values.join(', ');
    case 'list':
      return `a comma-separated list of ${spec.values.join(', ')}`;
  }
}

function parseOne(name: string, spec: ParamSpec, raw: RawValue): unknown {
  const flag = flagName(name);
  switch (spec.type) {
    case 'int': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < (spec.min ?? -Infinity) || n > (spec.max ?? Infinity)) {
        throw new UsageError(`bad value '${String(raw)}' for ${flag}; accepted: ${acceptedValues(spec)}`);
      }
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw new UsageError(`bad value '${String(raw)}' for ${flag}; accepted: ${acceptedValues(spec)}`);
    }
    case 'choice': {
      if (typeof raw === 'string' && spec.values.includes(raw)) return raw;
      throw new UsageError(`unknown value '${String(raw)}' for ${flag}; accepted: ${acceptedValues(spec)}`);
    }
    case 'list': {
      const items = typeof raw === 'string' ? (raw.trim() === '' ? [] : raw.split(',').map((s) => s.trim())) : raw;
      if (!Array.isArray(items)) throw new UsageError(`bad value '${String(raw)}' for ${flag}; accepted: ${acceptedValues(spec)}`);
      for (const item of items) {
        if (!spec.values.includes(item)) throw new UsageError(`unknown value '${item}' in ${flag}; accepted: ${spec.values.join(', ')}`);
      }
      return items;
    }
  }
}

/**
 * Resolves user input against the specs: unknown names, bad values and failed validation each
 * throw a one-line UsageError that names the value and what is accepted.
 */
export function resolveParams<Specs extends ParamSpecs>(
  specs: Specs,
  raw: Readonly<Record<string, RawValue | undefined>>,
  validate?: (params: ParamsOf<Specs>) => string | undefined,
): ParamsOf<Specs> {
  checkParamSpecs(specs);
  for (const name of Object.keys(raw)) {
    if (!(name in specs)) {
      const known = Object.keys(specs).map(flagName).join(', ') || 'none';
      throw new UsageError(`unknown option ${flagName(name)}; this model's options: ${known}`);
    }
  }
  const resolved: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const given = raw[name];
    resolved[name] = given === undefined ? spec.default : parseOne(name, spec, given);
  }
  const params = resolved as ParamsOf<Specs>;
  const problem = validate?.(params);
  if (problem) throw new UsageError(problem);
  return params;
}

/** The parameters as JSON-friendly values (unset optional ones left out), for reports. */
export function describeParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}
