#!/usr/bin/env node
/**
 * The cocomc command line: dispatches to a command and turns every error into a one-line message
 * and a distinct exit code (see ExitCode). Ctrl-C stops a search, which still prints what it found.
 */
import { checkCommand } from './cli/commands/check.js';
import { ExitCode, ModelError, UsageError } from './errors.js';

const commands: Record<string, (argv: readonly string[], signal: AbortSignal) => Promise<number>> = {
  check: checkCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : commands[command];
  if (!run) {
    throw new UsageError(`${command === undefined ? 'no command' : `unknown command '${command}'`}; accepted: ${Object.keys(commands).join(', ')}`);
  }
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  return run(rest, interrupt.signal);
}

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
