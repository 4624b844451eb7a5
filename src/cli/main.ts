/**
 * The cocomc command line: dispatches to a command and turns every error into a one-line message
 * and a distinct exit code (see ExitCode). Ctrl-C or SIGTERM stops a search, which still prints what it found.
 */
import { constants } from 'node:os';
import type { FlagSpec } from './args.js';
import type { Command, CommandCode } from './command.js';
import { ExitCode, ModelError, UsageError } from '../errors.js';
import { cocomcVersion } from '../version.js';

const REPORT_FILES = 'Report files (the report on stdout stays as it is)';

/** A command's code whose flags help lists under one heading. */
const withFlags = (run: CommandCode['run'], flags: readonly FlagSpec[]): CommandCode => ({ run, flagGroups: [{ title: 'Flags', flags }] });

/** The commands; each one's code is loaded only when it runs, or when help describes its flags. */
const commands: Record<string, Command> = {
  check: {
    usage: 'check [MODEL] [flags]',
    summary: "checks a model's properties by exhaustive breadth-first search and prints the report",
    takesModel: true,
    load: async () => {
      const [{ checkCommand, engineFlags }, { checkpointFlags }, { reportFileFlags }] = await Promise.all([import('./commands/check.js'), import('./checkpointFlags.js'), import('./reportFiles.js')]);
      return { run: checkCommand, flagGroups: [{ title: 'Search and output', flags: engineFlags }, { title: 'Checkpoints', flags: checkpointFlags }, { title: REPORT_FILES, flags: reportFileFlags }] };
    },
  },
  simulate: {
    usage: 'simulate [MODEL] [flags]',
    summary: "runs seeded random walks through a model, checking its properties on every state visited, for scopes too large to exhaust",
    takesModel: true,
    load: async () => {
      const { simulateCommand, simulateFileFlags, simulateFlags } = await import('./commands/simulate.js');
      return { run: simulateCommand, flagGroups: [{ title: 'Walks and output', flags: simulateFlags }, { title: REPORT_FILES, flags: simulateFileFlags }] };
    },
  },
  replay: {
    usage: 'replay TRACE.itf.json [MODEL] [flags]',
    summary: "re-executes a trace in the Informal Trace Format against a model: each step's action and broken properties, or the first step that is not a transition (exit 1)",
    takesModel: true,
    modelAt: 1,
    load: async () => {
      const { replayCommand, replayFlags } = await import('./commands/replay.js');
      return withFlags(replayCommand, replayFlags);
    },
  },
  sweep: {
    usage: 'sweep [MODEL] [flags]',
    summary: "checks every ordering of the model's steps: which are safe, the forced order, and why each step and edge is needed",
    takesModel: true,
    load: async () => {
      const { sweepCommand, sweepFlags } = await import('./commands/sweep.js');
      return withFlags(sweepCommand, sweepFlags);
    },
  },
  matrix: {
    usage: 'matrix [MODEL] [flags]',
    summary: 'checks the model at every combination of the values of its matrix axes and prints the table',
    takesModel: true,
    load: async () => {
      const { matrixCommand, matrixFlags } = await import('./commands/matrix.js');
      return withFlags(matrixCommand, matrixFlags);
    },
  },
  merge: {
    usage: 'merge PART.json ... [flags]',
    summary: "combines the --json of every shard of a sweep or matrix (--shard K/N) into the whole study's result, printed as one unsharded run prints it",
    load: async () => {
      const { mergeCommand, mergeFlags } = await import('./commands/merge.js');
      return withFlags(mergeCommand, mergeFlags);
    },
  },
  explore: {
    usage: 'explore [MODEL] [flags]',
    summary: "serves a page on 127.0.0.1 to walk a model's states by hand, and jump to any property's shortest counterexample (Ctrl-C stops)",
    takesModel: true,
    load: async () => {
      const { exploreCommand, exploreFlags } = await import('./commands/explore.js');
      return withFlags(exploreCommand, exploreFlags);
    },
  },
  list: {
    usage: 'list [MODEL]',
    summary: 'lists the built-in models with their parameters and properties',
    load: async () => ({ run: (await import('./commands/list.js')).listCommand }),
  },
  help: {
    usage: 'help [COMMAND [MODEL]]',
    summary: "prints the commands, or a command's usage and flags",
    load: async () => ({ run: (argv) => help(argv) }),
  },
};

/** `cocomc help` on `argv`'s topic. */
async function help(argv: readonly string[]): Promise<number> {
  return (await import('./commands/help.js')).helpCommand(argv, commands);
}

/**
 * Ctrl-C and SIGTERM stop a search, which still prints what it found (within about a second,
 * whatever the model does). A second signal ends cocomc at once, as shells expect.
 */
function interruptSignal(): AbortSignal {
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!interrupt.signal.aborted) interrupt.abort();
    else process.exit(128 + constants.signals[signal]);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return interrupt.signal;
}

const asksForHelp = (word: string): boolean => word === '--help' || word === '-h';

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `cocomc --help`, and `cocomc check [MODEL] ... --help`: help on that command (and model).
  if (command !== undefined && asksForHelp(command)) return help([]);
  if (command === '--version') {
    process.stdout.write(`cocomc ${cocomcVersion()}\n`);
    return ExitCode.ok;
  }
  if (command !== undefined && commands[command] && rest.some(asksForHelp)) {
    const named = rest[commands[command].modelAt ?? 0];
    const model = commands[command].takesModel && named && !named.startsWith('-') ? [named] : [];
    return help([command, ...model]);
  }
  const chosen = command === undefined ? undefined : commands[command];
  if (!chosen) {
    throw new UsageError(`${command === undefined ? 'no command' : `unknown command '${command}'`}; accepted: ${Object.keys(commands).join(', ')} (cocomc help)`);
  }
  const { run } = await chosen.load();
  return run(rest, interruptSignal());
}

// A reader that stops early (`cocomc sweep --tsv | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`cocomc: ${error.message}\n`);
      process.exitCode = ExitCode.usage;
    } else if (error instanceof ModelError) {
      process.stderr.write(`cocomc: model error: ${error.message}\n`);
      process.exitCode = ExitCode.internal;
    } else {
      const detail = process.env.COCOMC_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
      process.stderr.write(`cocomc: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
      process.exitCode = ExitCode.internal;
    }
  },
);
