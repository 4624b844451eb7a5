/** `cocomc simulate [MODEL] [flags]`: seeded random walks, for scopes too large to exhaust. */
import { ExitCode } from '../../errors.js';
import { renderSimulationHtml } from '../../report/simulationHtml.js';
import { formatSimulation } from '../../report/simulationText.js';
import { count } from '../../report/text.js';
import { SEED_ACCEPTED } from '../../walks/random.js';
import { simulate, SIMULATE_DEFAULTS } from '../../walks/simulate.js';
import { simulationVerdict } from '../../walks/simulationResult.js';
import { numberFromFlag, wholeNumberFrom } from '../../checkOptions.js';
import type { FlagSpec } from '../args.js';
import { parseCommandLine } from '../commandLine.js';
import { reportFileFlags, writeItfFile, writeTextFile } from '../reportFiles.js';
import { engineFlags } from './check.js';

const shared = (flags: readonly FlagSpec[], keys: readonly string[]): FlagSpec[] => flags.filter((f) => keys.includes(f.key));

export const simulateFlags: FlagSpec[] = [
  { flag: '--runs', key: 'runs', type: 'value', placeholder: 'N', doc: 'walks to run; they stop at the first violation', default: String(SIMULATE_DEFAULTS.runs), accepted: wholeNumberFrom(1) },
  { flag: '--depth', key: 'depth', type: 'value', placeholder: 'N', doc: 'the most actions a walk takes (it ends sooner where no action is enabled)', default: String(SIMULATE_DEFAULTS.depth), accepted: wholeNumberFrom(0) },
  { flag: '--seed', key: 'seed', type: 'value', placeholder: 'N', doc: 'the seed: the same seed gives the same walks on every machine', default: String(SIMULATE_DEFAULTS.seed), accepted: SEED_ACCEPTED },
  { flag: '--shorten-states', key: 'shortenStates', type: 'value', placeholder: 'N', doc: "bound, in distinct states, of the breadth-first search that shortens a violation's walk (0: keep the walk)", default: count(SIMULATE_DEFAULTS.shortenStates), accepted: wholeNumberFrom(0) },
  { flag: '--workers', key: 'workers', type: 'value', placeholder: 'N', doc: 'worker threads of that search (the walks run in one thread of their own)', default: 'the number of cores', accepted: wholeNumberFrom(1) },
  ...shared(engineFlags, ['property', 'timeLimit', 'deadlock', 'progress', 'json']),
];

export const simulateFileFlags: FlagSpec[] = shared(reportFileFlags, ['html', 'itf']);

export async function simulateCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, params, values, progress } = await parseCommandLine(argv, [...simulateFlags, ...simulateFileFlags]);
  const started = Date.now();
  const result = await simulate(model, {
    params,
    runs: numberFromFlag(values.runs) as number | undefined,
    depth: numberFromFlag(values.depth) as number | undefined,
    seed: numberFromFlag(values.seed) as number | undefined,
    shortenStates: numberFromFlag(values.shortenStates) as number | undefined,
    workers: numberFromFlag(values.workers) as number | undefined,
    properties: values.property as string[] | undefined,
    deadlock: values.deadlock as boolean | undefined,
    timeLimit: numberFromFlag(values.timeLimit) as number | undefined,
    signal,
    onProgress: (p) => progress.show(`runs ${count(p.runsDone)}  steps ${count(p.steps)}  states ${count(p.distinct)}  ${((Date.now() - started) / 1000).toFixed(1)} s`),
  });
  progress.done();
  process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : formatSimulation(result) + '\n');
  if (typeof values.html === 'string') {
    writeTextFile('--html', values.html, renderSimulationHtml(result));
    process.stderr.write(`cocomc: wrote the HTML report to ${values.html}\n`);
  }
  writeItfFile(values, result);
  return ExitCode[simulationVerdict(result)];
}
