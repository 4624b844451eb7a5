/** A command of the command line, as `cocomc help` lists it and `cocomc` dispatches to it. */
import type { FlagSpec } from './args.js';

/** Flags that help prints under one heading. */
export interface FlagGroup {
  title: string;
  flags: readonly FlagSpec[];
}

export interface Command {
  /** What follows `cocomc`: `check [MODEL] [flags]`. */
  usage: string;
  /** One line saying what it does. */
  summary: string;
  /** Whether its first word may name a model; `help COMMAND MODEL` then lists that model's parameter flags too. */
  takesModel?: boolean;
  /** Where among its words the model may be named: 0 (the first) unless another word comes first. */
  modelAt?: number;
  /** Loads its code: a command line loads only the command it runs. */
  load: () => Promise<CommandCode>;
}

/** A command's code. */
export interface CommandCode {
  /** Runs it on the words after the command's name; resolves to the exit code. */
  run: (argv: readonly string[], signal: AbortSignal) => Promise<number>;
  /** Its own flags, by heading, for `cocomc help COMMAND`. */
  flagGroups?: readonly FlagGroup[];
}
