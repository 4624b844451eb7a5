/**
 * `cocomc explore [MODEL] [flags]`: serves a page on 127.0.0.1 to walk the model's state space by
 * hand, until Ctrl-C or SIGTERM (exit 0). Everything the command line asks is checked before the
 * server starts; a property's shortest counterexample comes from one `check` with the same model
 * and engine options, run when the page first asks. The server, and with it every line of the
 * model's code, runs in a thread of its own, which stopping terminates.
 */
import { spawn } from 'node:child_process';
import { ExitCode, UsageError } from '../../errors.js';
import { serveInThread } from '../../explore/serveInThread.js';
import { requireThreadsRebuild } from '../../modelRef.js';
import { resolveParams } from '../../params.js';
import { numberFromFlag, validateCheckOptions } from '../../checkOptions.js';
import type { FlagSpec } from '../args.js';
import { parseCommandLine } from '../commandLine.js';
import { engineFlags } from './check.js';

const PORT_ACCEPTED = 'a whole number from 0 to 65535 (0: any free port)';

export const exploreFlags: FlagSpec[] = [
  { flag: '--port', key: 'port', type: 'value', placeholder: 'N', doc: 'the port of 127.0.0.1 to serve the page on (never another address)', default: '0 (any free port)', accepted: PORT_ACCEPTED },
  { flag: '--open', key: 'open', type: 'boolean', doc: 'open the page in the default browser', default: 'false' },
  // The check behind "shortest counterexample" takes the engine's options as `check` does.
  ...engineFlags.filter((f) => ['workers', 'maxStates', 'timeLimit', 'maxMemory', 'deadlock'].includes(f.key)),
];

function portOf(raw: unknown): number {
  const port = numberFromFlag(raw as string | undefined) ?? 0;
  if (Number.isInteger(port) && (port as number) >= 0 && (port as number) <= 65535) return port as number;
  throw new UsageError(`bad value '${String(raw)}' for --port; accepted: ${PORT_ACCEPTED}`);
}

/** Opens `url` in the desktop's browser; says so on stderr if it cannot (the URL is printed anyway). */
function openInBrowser(url: string): void {
  const [program, ...args] = process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  const child = spawn(program!, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) => process.stderr.write(`cocomc explore: could not open a browser (${program}: ${error.message}); open the URL yourself\n`));
  child.unref();
}

const stopped = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));

export async function exploreCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, params, values } = await parseCommandLine(argv, exploreFlags);
  const port = portOf(values.port);
  // Numbers pass as typed and are checked as the library checks them, before the server starts.
  const options = {
    workers: numberFromFlag(values.workers),
    maxStates: numberFromFlag(values.maxStates),
    timeLimit: numberFromFlag(values.timeLimit),
    maxMemory: numberFromFlag(values.maxMemory),
    deadlock: values.deadlock,
  };
  validateCheckOptions(options);
  resolveParams(model.params, params, model.validate);
  requireThreadsRebuild(model);
  const serving = await serveInThread({ module: model.module, name: model.name, params, options, port }, signal);
  if (serving.url !== null) {
    process.stdout.write(`cocomc explore: ${serving.url} (Ctrl-C stops)\n`);
    if (values.open === true) openInBrowser(serving.url);
    await stopped(signal);
    await serving.stop();
  }
  return ExitCode.ok;
}
