/** `cocomc check [MODEL] [flags]`: checks a model and prints the report (or JSON). */
import type { Progress } from '../../bfs.js';
import { check, type CheckOptions } from '../../check.js';
import { ExitCode } from '../../errors.js';
import { defaultMaxMemoryMiB } from '../../limits.js';
import { FAIRNESS_CHOICES } from '../../liveness/fairness.js';
import { formatReport } from '../../report/text.js';
import { verdictOf, type CheckResult } from '../../result.js';
import { numberFromFlag, SECONDS, validateCheckOptions, wholeNumberFrom } from '../../checkOptions.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import { checkpointFlags, checkpointOptions } from '../checkpointFlags.js';
import { parseCommandLine } from '../commandLine.js';
import { searchProgress, type LiveLine } from '../progress.js';
import { reportFileFlags, writeReportFiles } from '../reportFiles.js';
import { STATE_GRAPH_LIMIT } from '../../stateGraph.js';

/** The engine's flags, shared by every command that runs checks. */
export const engineFlags: FlagSpec[] = [
  { flag: '--workers', key: 'workers', type: 'value', placeholder: 'N', doc: 'worker threads expanding large levels (1: none; the search thread expands every level); until a level has 8 full batches, levels stay in the search thread', default: 'the number of cores', accepted: wholeNumberFrom(1) },
  { flag: '--batch-size', key: 'batchSize', type: 'value', placeholder: 'N', doc: 'states per batch sent to a worker', default: '2048', accepted: wholeNumberFrom(1) },
  { flag: '--property', key: 'property', type: 'list', placeholder: 'NAME', doc: 'check only this property (repeatable)', default: 'all', accepted: 'a property of the model (cocomc list)' },
  { flag: '--max-states', key: 'maxStates', type: 'value', placeholder: 'N', doc: 'stop after N distinct states', default: 'no limit', accepted: wholeNumberFrom(1) },
  { flag: '--max-depth', key: 'maxDepth', type: 'value', placeholder: 'N', doc: 'explore at most N actions deep', default: 'no limit', accepted: wholeNumberFrom(0) },
  { flag: '--time-limit', key: 'timeLimit', type: 'value', placeholder: 'SECONDS', doc: 'stop after this many seconds', default: 'no limit', accepted: SECONDS },
  { flag: '--max-memory', key: 'maxMemory', type: 'value', placeholder: 'MiB', doc: "stop once cocomc's resident memory (every thread, the seen-set included) passes this many MiB", default: `half the machine's memory (${defaultMaxMemoryMiB()} MiB here)`, accepted: wholeNumberFrom(1) },
  { flag: '--stop-at-first', key: 'stopAtFirst', type: 'boolean', doc: 'stop at the first level with a violation (as TLC by default)', default: 'false' },
  { flag: '--continue', key: 'exhaustive', type: 'boolean', doc: 'explore the whole space even once every property is decided (TLC -continue)', default: 'false' },
  { flag: '--deadlock', key: 'deadlock', type: 'boolean', doc: 'report non-final states without successors (--no-deadlock: off)', default: 'on if the model declares final states' },
  { flag: '--symmetry', key: 'symmetry', type: 'boolean', doc: "reduce by the model's symmetry (its canonicalize, or its codec's canonicalBytes)", default: 'false' },
  { flag: '--progress', key: 'progress', type: 'boolean', doc: 'show progress on stderr, never stdout', default: 'on when stderr is a terminal' },
  { flag: '--json', key: 'json', type: 'boolean', doc: 'print the result as JSON on stdout', default: 'false' },
  { flag: '--fairness', key: 'fairness', type: 'value', placeholder: 'KIND', doc: "the fairness liveness properties assume, in place of the model's: none, or weak or strong fairness of every actor", default: "the model's declarations", accepted: FAIRNESS_CHOICES.join(', ') },
  { flag: '--witnesses', key: 'witnesses', type: 'boolean', doc: 'also print the witness of each sometimes property as counterexamples are printed (and draw it in --html)', default: 'false' },
];

/** The check options the engine flags ask for. */
export function engineOptions(values: ParsedArgs['values'], signal: AbortSignal, progress: LiveLine): CheckOptions {
  // Numbers pass as typed and are checked as the library checks them: the same errors, before any search.
  const options = {
    workers: numberFromFlag(values.workers),
    batchSize: numberFromFlag(values.batchSize),
    properties: values.property,
    maxStates: numberFromFlag(values.maxStates),
    maxDepth: numberFromFlag(values.maxDepth),
    timeLimit: numberFromFlag(values.timeLimit),
    maxMemory: numberFromFlag(values.maxMemory),
    stopAtFirst: values.stopAtFirst,
    exhaustive: values.exhaustive,
    deadlock: values.deadlock,
    symmetry: values.symmetry,
    fairness: values.fairness,
    signal,
    onProgress: (p: Progress) => progress.show(searchProgress(p)),
  };
  validateCheckOptions(options);
  return options;
}

export function exitCodeOf(result: CheckResult): number {
  return ExitCode[verdictOf(result)];
}

export async function checkCommand(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { model, params, values, progress } = await parseCommandLine(argv, [...engineFlags, ...checkpointFlags, ...reportFileFlags]);
  const options = { ...engineOptions(values, signal, progress), ...checkpointOptions(values) };
  // --dot's graph comes from this search, which refuses a model too large to draw at once.
  const result = await check(model, { ...options, params, stateGraphLimit: typeof values.dot === 'string' ? STATE_GRAPH_LIMIT : undefined });
  progress.done();
  const { stateGraph, ...report } = result;
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(result, { witnesses: values.witnesses === true }) + '\n');
  await writeReportFiles(values, result, stateGraph);
  return exitCodeOf(result);
}
