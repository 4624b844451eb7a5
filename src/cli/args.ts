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
  /** A file the command writes: checked writable (and not shared with another such flag) before any work starts. */
  output?: boolean;
  /** Flags that name the same choice (`output format`: --json, --tsv) exclude each other. */
  oneOf?: string;
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
      given(values, negated, word);
      values[negated.key] = false;
      continue;
    }
    const spec = byFlag.get(flag);
    if (!spec) {
      throw new UsageError(`unknown option ${flag}; accepted: ${specs.map((s) => s.flag).join(', ')}`);
    }
    if (spec.type === 'boolean') {
      given(values, spec, word);
      values[spec.key] = inline === undefined ? true : onOff(spec, inline);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value (${spec.placeholder ?? 'VALUE'})`);
    if (spec.type === 'list') {
      values[spec.key] = [...((values[spec.key] as string[] | undefined) ?? []), value];
      continue;
    }
    given(values, spec, `${flag} ${value}`);
    values[spec.key] = value;
  }
  excludeEachOther(specs, values);
  return { positional, values };
}

function excludeEachOther(specs: readonly FlagSpec[], values: ParsedArgs['values']): void {
  for (const choice of new Set(specs.map((s) => s.oneOf))) {
    if (choice === undefined) continue;
    const options = specs.filter((s) => s.oneOf === choice);
    const chosen = options.filter((s) => values[s.key] !== undefined && values[s.key] !== false);
    if (chosen.length > 1) {
      throw new UsageError(`${chosen.map((s) => s.flag).join(' and ')} cannot be given together: each chooses the ${choice}; give one of ${options.map((s) => s.flag).join(', ')}`);
    }
  }
}

/** A single-valued flag given twice is a contradiction the user must resolve, not a choice cocomc makes. */
function given(values: ParsedArgs['values'], spec: FlagSpec, word: string): void {
  const before = values[spec.key];
  if (before === undefined) return;
  const shown = typeof before === 'boolean' ? (before ? spec.flag : `--no-${spec.flag.slice(2)}`) : `${spec.flag} ${String(before)}`;
  throw new UsageError(`${spec.flag} given twice (${shown}, then ${word}); it takes one value`);
}

/** `--flag=true` and `--flag=false` spell a boolean flag out; any other value is a mistake. */
function onOff(spec: FlagSpec, value: string): boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  throw new UsageError(`bad value '${value}' for ${spec.flag}; accepted: ${spec.flag} or ${spec.flag}=true (on), --no-${spec.flag.slice(2)} or ${spec.flag}=false (off)`);
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
