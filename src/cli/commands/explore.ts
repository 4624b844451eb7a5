/**
 * `cocomc explore [MODEL] [flags]`: serves a page on 127.0.0.1 to walk the model's state space by
 * hand, until Ctrl-C or SIGTERM (exit 0). Everything the command line asks is checked before the
 * server starts; a property's shortest counterexample comes from one `check` with the same model
 * and engine options, run when the page first asks.
 */
import { spawn } from 'node:child_process';
import { actorsOf, check, checksDeadlock } from '../../check.js';
import { ExitCode, ModelError, UsageError } from '../../errors.js';
import { linkParams } from '../../explore/link.js';
import { startExploreServer } from '../../explore/server.js';
import { once, verdictsOf } from '../../explore/verdicts.js';
import { buildInstance } from '../../modelInstance.js';
import { describeParams, resolveParams } from '../../params.js';
import { numberFromFlag } from '../../checkOptions.js';
import type { FlagSpec } from '../args.js';
import { parseCommandLine } from '../commandLine.js';
import { engineFlags, engineOptions } from './check.js';

const PORT_ACCEPTED = 'a whole number from 0 to 65535 (0: any free port)';

export const exploreFlags: FlagSpec[] = [
  { flag: '--port', key: 'port', type: 'value', placeholder: 'N', doc: 'the port of 127.0.0.1 to serve the page on (never another address)', default: '0 (any free port)', accepted: PORT_ACCEPTED },
  { flag: '--open', key: 'open', type: 'boolean', doc: 'open the page in the default browser', default: 'false' },
  // The check behind "shortest counterexample" takes the engine's options as `check` does.
  ...engineFlags.filter((f) => ['workers', 'maxStates', 'timeLimit', 'maxMemory', 'deadlock', 'progress'].includes(f.key)),
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
  const { model, params, values, progress } = await parseCommandLine(argv, exploreFlags);
  const port = portOf(values.port);
  const options = engineOptions(values, signal, progress);
  const resolved = resolveParams(model.params, params, model.validate);
  const instance = buildInstance(model, resolved);
  if (instance.initialStates.length === 0) throw new ModelError(`model '${model.name}' has no initial states: there is nothing to explore`);
  const site = {
    model,
    subject: { instance, actors: actorsOf(instance), deadlock: checksDeadlock(model, instance, options.deadlock) },
    configuration: instance.configuration ?? describeParams(resolved as Record<string, unknown>),
    params: linkParams(params),
    verdicts: once(async () => {
      const result = await check(model, { ...options, params });
      progress.done();
      return verdictsOf(result);
    }),
  };
  const server = await startExploreServer(site, port);
  process.stdout.write(`cocomc explore: ${server.url} (Ctrl-C stops)\n`);
  if (values.open === true) openInBrowser(server.url);
  await stopped(signal);
  await server.close();
  return ExitCode.ok;
}
