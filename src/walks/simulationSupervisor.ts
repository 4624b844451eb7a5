/**
 * The supervisor of a simulation: runs it on a thread of its own (simulationThread.ts) and holds
 * it to its limits whatever the model does, as a check's supervisor does its search
 * (threadSupervisor.ts). Ctrl-C raises the shared status's stop flag; the time limit the thread
 * keeps itself. Walks stopped by force are reported from the progress they left.
 */
import { Worker } from 'node:worker_threads';
import type { AnyModel } from '../model.js';
import { describeWhere, Where, whereKind } from '../parallel/liveStatus.js';
import { describeParams } from '../params.js';
import { superviseThread } from '../parallel/threadSupervisor.js';
import { threadExecArgv, threadScript } from '../parallel/threadScript.js';
import { SIMULATE_DEFAULTS, type SimulateOptions, type SimulationFrame } from './simulate.js';
import type { SimulationResult } from './simulationResult.js';
import type { SimulationJob } from './simulationThread.js';
import type { WalkProgress, WalksStopReason } from './walk.js';
import { WalkStatus } from './walkStatus.js';

/**
 * How long the thread may take to answer a stop before it is terminated: more than a check's
 * second of grace, as the search that shortens a violation is a check, and stops in its own time.
 */
const GRACE_MS = 2000;

/** Runs the simulation of `model`, with resolved `params`, on a thread and supervises it. */
export function superviseSimulation(model: AnyModel, params: unknown, options: SimulateOptions, started: number): Promise<SimulationResult> {
  const { signal, onProgress, ...threadOptions } = options;
  const status = WalkStatus.create();
  const job: SimulationJob = { module: model.module, name: model.name, options: threadOptions, status: status.buffer, started };
  const thread = new Worker(threadScript('../walks/simulationThread'), { execArgv: threadExecArgv() });
  thread.postMessage(job);
  const deadline = options.timeLimit === undefined ? Infinity : started + options.timeLimit * 1000;

  return superviseThread<SimulationFrame, SimulationResult, 'time-limit'>({
    thread,
    name: 'simulation',
    graceMs: GRACE_MS,
    signal,
    limitReached: () => (Date.now() > deadline ? 'time-limit' : undefined),
    // The thread keeps the time limit itself; only Ctrl-C is news to it.
    requestStop: (reason) => {
      if (reason === 'interrupted') status.requestStop();
    },
    progress: () => onProgress?.(status.progress()),
    stuckIn: (frame) => stuckIn(status.where(), frame),
    forcedResult: (frame, forced) => forcedSimulation(model, params, options, frame, status.progress(), { ...forced, started }),
  });
}

/** The model code the walks are in, as a report names it; null outside model code (or in an action not yet known). */
function stuckIn(code: number | undefined, frame: SimulationFrame | undefined): string | null {
  if (code === undefined) return null;
  if (frame) return describeWhere({ actions: frame.actions, properties: frame.modelProperties }, code);
  return whereKind(code) === Where.build ? describeWhere({ actions: [], properties: [] }, code) : null;
}

/**
 * The report of walks stopped by force: the progress they left; the violation they found, if the
 * thread was shortening its walk, without its trace; every other property unknown (what they
 * witnessed is lost with its walk).
 */
function forcedSimulation(
  model: AnyModel,
  params: unknown,
  options: SimulateOptions,
  frame: SimulationFrame | undefined,
  progress: WalkProgress,
  how: { reason: WalksStopReason; stuckIn: string | null; started: number },
): SimulationResult {
  return {
    model: frame?.model ?? model.name,
    params: frame?.params ?? describeParams(params as Record<string, unknown>),
    seed: options.seed ?? SIMULATE_DEFAULTS.seed,
    runs: options.runs ?? SIMULATE_DEFAULTS.runs,
    depth: options.depth ?? SIMULATE_DEFAULTS.depth,
    stopReason: how.reason,
    runsDone: progress.runsDone,
    steps: progress.steps,
    distinctStates: progress.distinct,
    endedAtDepth: progress.endedAtDepth,
    endedWithoutSuccessor: progress.endedWithoutSuccessor,
    violation: null,
    untracedViolation: frame?.found ?? null,
    properties: (frame?.properties ?? []).map((p) => ({ ...p, status: p.name === frame?.found?.property ? 'violated' : 'unknown', traceLength: null, trace: null })),
    coverage: [],
    actors: frame?.actors ?? [],
    seconds: (Date.now() - how.started) / 1000,
    stuckIn: how.stuckIn,
  };
}
