/**
 * Command-line parsing against a table of flags. Each flag is known in advance (the engine's,
 * and one per model parameter), so a typo is a one-line error listing the accepted flags.
 */
import { UsageError } from '../errors.js';
import { acceptedValues, flagName, type ParamSpecs } from '../params.js';

/** One flag: its spelling, where its value goes, and its help line. */
export interface FlagSpec {
  /** `--workers` */
  flag: string;
  /** The key its value is stored under. */
  key: string;
  /** `boolean` flags take no value (`--no-X` sets false); `list` flags may repeat. */
  type: 'boolean' | 'value' | 'list';
  /** The placeholder in help: `N`, `FILE`, `NAME`. */
  placeholder?: string;
  /** One line for `cocomc help`. */
  doc: string;
  /** The default, as help prints it. */
  default?: string;
  /** What a value flag accepts, as help prints it (`a whole number >= 1`); boolean flags take `--no-X`. */
  accepted?: string;
}

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string | boolean | string[]>;
}

/** Parses argv: `--flag value`, `--flag=value`, `--bool`, `--no-bool`, and positional words. */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byFlag = new Map(specs.map((s) => [s.flag, s]));
  const positional: string[] = [];
  const values: ParsedArgs['values'] = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const flag = eq >= 0 ? word.slice(0, eq) : word;
    const inline = eq >= 0 ? word.slice(eq + 1) : undefined;
    const negated = flag.startsWith('--no-') ? byFlag.get('--' + flag.slice(5)) : undefined;
    if (negated?.type === 'boolean' && inline === undefined) {
      values[negated.key] = false;
      continue;
    }
    const spec = byFlag.get(flag);
    if (!spec) {
      throw new UsageError(`unknown option ${flag}; accepted: ${specs.map((s) => s.flag).join(', ')}`);
    }
    if (spec.type === 'boolean') {
      values[spec.key] = inline === undefined ? true : inline;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value (${spec.placeholder ?? 'VALUE'})`);
    if (spec.type === 'list') values[spec.key] = [...((values[spec.key] as string[] | undefined) ?? []), value];
    else values[spec.key] = value;
  }
  return { positional, values };
}

/** The flags of a model's parameters, with their types and defaults. */
export function paramFlags(specs: ParamSpecs): FlagSpec[] {
  return Object.entries(specs).map(([name, spec]) => {
    const accepted = spec.type === 'choice' || spec.type === 'list' ? spec.values.join('|') : spec.type === 'int' ? 'N' : undefined;
    const shown = spec.default === undefined ? undefined : Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
    return {
      flag: flagName(name),
      key: name,
      type: spec.type === 'boolean' ? 'boolean' : 'value',
      placeholder: spec.type === 'list' ? `${accepted},...` : accepted,
      doc: spec.doc,
      default: shown,
      accepted: spec.type === 'boolean' ? undefined : acceptedValues(spec),
    } satisfies FlagSpec;
  });
}

/** What a whole-number flag accepts, as help and errors say it. */
export const wholeNumberFrom = (min: number): string => `a whole number >= ${min}`;
/** What a seconds flag accepts. */
export const SECONDS = 'a number of seconds > 0';

/** Reads a whole-number flag value, or undefined when absent. */
export function intFlag(values: ParsedArgs['values'], key: string, flag: string, min: number): number | undefined {
  const raw = values[key];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min) throw new UsageError(`bad value '${String(raw)}' for ${flag}; accepted: ${wholeNumberFrom(min)}`);
  return n;
}

/** Reads a number flag value (seconds), or undefined when absent. */
export function numberFlag(values: ParsedArgs['values'], key: string, flag: string): number | undefined {
  const raw = values[key];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`bad value '${String(raw)}' for ${flag}; accepted: ${SECONDS}`);
  return n;
}
