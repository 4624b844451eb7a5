/**
 * The cocomc command line: dispatches to a command and turns every error into a one-line message
 * and a distinct exit code (see ExitCode). Ctrl-C or SIGTERM stops a search, which still prints what it found.
 */
import { constants } from 'node:os';
import type { Command } from './command.js';
import { checkCommand, engineFlags } from './commands/check.js';
import { exploreCommand, exploreFlags } from './commands/explore.js';
import { helpCommand } from './commands/help.js';
import { listCommand } from './commands/list.js';
import { matrixCommand, matrixFlags } from './commands/matrix.js';
import { mergeCommand, mergeFlags } from './commands/merge.js';
import { sweepCommand, sweepFlags } from './commands/sweep.js';
import { reportFileFlags } from './reportFiles.js';
import { checkpointFlags } from './checkpointFlags.js';
import { replayCommand, replayFlags } from './commands/replay.js';
import { simulateCommand, simulateFileFlags, simulateFlags } from './commands/simulate.js';
import { ExitCode, ModelError, UsageError } from '../errors.js';
import { cocomcVersion } from '../version.js';

const commands: Record<string, Command> = {
  check: {
    usage: 'check [MODEL] [flags]',
    summary: "checks a model's properties by exhaustive breadth-first search and prints the report",
    run: checkCommand,
    takesModel: true,
    flagGroups: [{ title: 'Search and output', flags: engineFlags }, { title: 'Checkpoints', flags: checkpointFlags }, { title: 'Report files (the report on stdout stays as it is)', flags: reportFileFlags }],
  },
  simulate: {
    usage: 'simulate [MODEL] [flags]',
    summary: "runs seeded random walks through a model, checking its properties on every state visited, for scopes too large to exhaust",
    run: simulateCommand,
    takesModel: true,
    flagGroups: [{ title: 'Walks and output', flags: simulateFlags }, { title: 'Report files (the report on stdout stays as it is)', flags: simulateFileFlags }],
  },
  replay: {
    usage: 'replay TRACE.itf.json [MODEL] [flags]',
    summary: "re-executes a trace in the Informal Trace Format against a model: each step's action and broken properties, or the first step that is not a transition (exit 1)",
    run: replayCommand,
    takesModel: true,
    modelAt: 1,
    flagGroups: [{ title: 'Flags', flags: replayFlags }],
  },
  sweep: {
    usage: 'sweep [MODEL] [flags]',
    summary: "checks every ordering of the model's steps: which are safe, the forced order, and why each step and edge is needed",
    run: sweepCommand,
    takesModel: true,
    flagGroups: [{ title: 'Flags', flags: sweepFlags }],
  },
  matrix: {
    usage: 'matrix [MODEL] [flags]',
    summary: 'checks the model at every combination of the values of its matrix axes and prints the table',
    run: matrixCommand,
    takesModel: true,
    flagGroups: [{ title: 'Flags', flags: matrixFlags }],
  },
  merge: {
    usage: 'merge PART.json ... [flags]',
    summary: "combines the --json of every shard of a sweep or matrix (--shard K/N) into the whole study's result, printed as one unsharded run prints it",
    run: mergeCommand,
    flagGroups: [{ title: 'Flags', flags: mergeFlags }],
  },
  explore: {
    usage: 'explore [MODEL] [flags]',
    summary: "serves a page on 127.0.0.1 to walk a model's states by hand, and jump to any property's shortest counterexample (Ctrl-C stops)",
    run: exploreCommand,
    takesModel: true,
    flagGroups: [{ title: 'Flags', flags: exploreFlags }],
  },
  list: { usage: 'list [MODEL]', summary: 'lists the built-in models with their parameters and properties', run: listCommand },
  help: { usage: 'help [COMMAND [MODEL]]', summary: "prints the commands, or a command's usage and flags", run: (argv) => helpCommand(argv, commands) },
};

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
  if (command !== undefined && asksForHelp(command)) return helpCommand([], commands);
  if (command === '--version') {
    process.stdout.write(`cocomc ${cocomcVersion()}\n`);
    return ExitCode.ok;
  }
  if (command !== undefined && commands[command] && rest.some(asksForHelp)) {
    const named = rest[commands[command].modelAt ?? 0];
    const model = commands[command].takesModel && named && !named.startsWith('-') ? [named] : [];
    return helpCommand([command, ...model], commands);
  }
  const run = command === undefined ? undefined : commands[command]?.run;
  if (!run) {
    throw new UsageError(`${command === undefined ? 'no command' : `unknown command '${command}'`}; accepted: ${Object.keys(commands).join(', ')} (cocomc help)`);
  }
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
