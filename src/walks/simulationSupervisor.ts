/**
 * The supervisor of a simulation: runs it on a thread of its own (simulationThread.ts) and holds
 * it to its limits whatever the model does, as a check's supervisor does its search. A few times
 * a second it reports progress from the shared status; Ctrl-C raises the stop flag, and the time
 * limit the thread keeps itself. A thread that has not answered a while after either is in model
 * code that does not return: it is terminated, and the report is made from the progress it left,
 * naming the code it was stuck in.
 */
import { Worker } from 'node:worker_threads';
import { ModelError } from '../errors.js';
import { describeWhere } from '../expand.js';
import type { AnyModel } from '../model.js';
import { Where, whereKind } from '../parallel/liveStatus.js';
import { describeParams } from '../params.js';
import { threadExecArgv, threadScript } from '../parallel/workerPool.js';
import { errorOf } from '../threadFailure.js';
import { SIMULATE_DEFAULTS, type SimulateOptions, type SimulationFrame } from './simulate.js';
import type { SimulationResult } from './simulationResult.js';
import type { SimulationJob, SimulationMessage } from './simulationThread.js';
import type { WalkProgress, WalksStopReason } from './walk.js';
import { WalkStatus } from './walkStatus.js';

/**
 * How long the thread may take to answer a stop before it is terminated: more than a check's
 * second of grace, as the search that shortens a violation is a check, and stops in its own time.
 */
const GRACE_MS = 2000;
/** How often limits are checked and progress is reported. */
const TICK_MS = 100;

/** Runs the simulation of `model`, with resolved `params`, on a thread and supervises it. */
export function superviseSimulation(model: AnyModel, params: unknown, options: SimulateOptions, started: number): Promise<SimulationResult> {
  const { signal, onProgress, ...threadOptions } = options;
  const status = WalkStatus.create();
  const job: SimulationJob = { module: model.module, name: model.name, options: threadOptions, status: status.buffer, started };
  const thread = new Worker(threadScript('../walks/simulationThread'), { execArgv: threadExecArgv() });
  thread.postMessage(job);
  const deadline = options.timeLimit === undefined ? Infinity : started + options.timeLimit * 1000;

  return new Promise<SimulationResult>((resolve, reject) => {
    let frame: SimulationFrame | undefined;
    let grace: NodeJS.Timeout | undefined;
    let forced: { reason: WalksStopReason; stuckIn: string | null } | undefined;
    let settled = false;

    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearInterval(tick);
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      void thread.terminate();
      return true;
    };
    const stop = (reason: WalksStopReason): void => {
      if (reason === 'interrupted') status.requestStop();
      grace ??= setTimeout(() => {
        forced = { reason, stuckIn: stuckIn(status.where(), frame) };
        void thread.terminate();
      }, GRACE_MS);
    };
    const onAbort = (): void => stop('interrupted');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();

    const watch = (): void => {
      if (Date.now() > deadline) stop('time-limit');
      onProgress?.(status.progress());
    };
    const tick = setInterval(watch, TICK_MS);

    const onMessage = (message: SimulationMessage): void => {
      if (message.kind === 'frame') frame = message.frame;
      else if (message.kind === 'result') {
        if (settle()) resolve(message.result);
      } else if (settle()) {
        reject(errorOf(message));
      }
    };
    const onError = (error: Error): void => {
      if (settle()) reject(error);
    };
    const onExit = (code: number): void => {
      if (!forced) {
        if (settle()) reject(new ModelError(`the simulation thread ended (exit code ${code})`));
        return;
      }
      const { reason, stuckIn } = forced;
      if (settle()) resolve(forcedSimulation(model, params, options, frame, status.progress(), { reason, stuckIn, started }));
    };
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/** The model code the walks are in, as a report names it; null outside model code (or in an action not yet known). */
function stuckIn(code: number | undefined, frame: SimulationFrame | undefined): string | null {
  if (code === undefined) return null;
  if (frame) return describeWhere({ actions: frame.actions, properties: frame.modelProperties }, code);
  return whereKind(code) === Where.build ? describeWhere({ actions: [], properties: [] }, code) : null;
}

/** The report of walks stopped by force: the progress they left, every property unknown (what they witnessed is lost with its walk). */
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
    properties: (frame?.properties ?? []).map((p) => ({ ...p, status: 'unknown', traceLength: null, trace: null })),
    coverage: [],
    actors: frame?.actors ?? [],
    seconds: (Date.now() - how.started) / 1000,
    stuckIn: how.stuckIn,
  };
}
