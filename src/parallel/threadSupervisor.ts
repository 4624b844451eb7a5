/**
 * The supervision of a thread that runs model code (a check's search, a simulation's walks),
 * which holds it to its limits whatever that code does. A few times a second it asks whether a
 * limit is reached and reports progress; Ctrl-C or a limit asks the thread to stop, through the
 * shared status the thread polls, and the thread ends with its report. A thread that has not
 * answered a grace period later is in model code that does not return (or a build that takes too
 * long): it is terminated, and the report is made from what it left in the shared status, naming
 * the code it was stuck in. What the thread is, its status and its reports are the caller's
 * (supervisor.ts, simulationSupervisor.ts).
 */
import type { Worker } from 'node:worker_threads';
import { ModelError } from '../errors.js';
import { errorOf, type ThreadFailure, type ThreadMessage } from '../threadFailure.js';

/** How often limits are checked and progress is reported. */
const TICK_MS = 100;

/** Why a thread was stopped by force, and the model code it was in (null: none). */
export interface ForcedStop<Reason> {
  reason: Reason;
  stuckIn: string | null;
}

/** What one supervised thread is: everything that differs between a search and a simulation. */
export interface SupervisedThread<Frame, Result, Reason extends string> {
  /** The thread, its job posted: it answers with a frame once the model is built, then its result or its failure. */
  thread: Worker;
  /** What the thread runs, as an error names it: "the search thread ended ...". */
  name: string;
  /** How long the thread may take to answer a stop before it is terminated. */
  graceMs: number;
  /** Ctrl-C or SIGTERM: the thread is stopped as 'interrupted'. */
  signal?: AbortSignal;
  /** The limit the thread has reached, if any: asked at the start and at every tick. */
  limitReached: () => Reason | undefined;
  /** Tells the thread to stop, through the shared status it polls (a limit it keeps itself needs nothing). */
  requestStop: (reason: Reason | 'interrupted') => void;
  /** Reports the progress the shared status shows, at every tick. */
  progress: () => void;
  /** The model code the thread is in, as a report names it, from the shared status and the frame; null outside model code. */
  stuckIn: (frame: Frame | undefined) => string | null;
  /** The report of the thread stopped by force, from what it left in the shared status. */
  forcedResult: (frame: Frame | undefined, forced: ForcedStop<Reason | 'interrupted'>) => Result;
  /** What a heap exhausted in the thread stands for, when the thread was given a heap limit; without it, an error. */
  heapExhausted?: Reason;
  /** Whether a failure the thread sends once it was asked to stop is the stop's doing, which ends it as the stop would have. */
  failureIsStop?: (failure: ThreadFailure) => boolean;
  /** Keeps a thread that answered for the next job; without it, every thread is terminated at the end. */
  keep?: (thread: Worker) => void;
}

/** Supervises `supervised.thread` until it answers, fails or is stopped by force. */
export function superviseThread<Frame, Result, Reason extends string>(supervised: SupervisedThread<Frame, Result, Reason>): Promise<Result> {
  type Stop = Reason | 'interrupted';
  const { thread, signal } = supervised;
  return new Promise<Result>((resolve, reject) => {
    let frame: Frame | undefined;
    let stopping: Stop | undefined;
    let grace: NodeJS.Timeout | undefined;
    let forced: ForcedStop<Stop> | undefined;
    let settled = false;

    /** Ends the supervision once: the timers and listeners go, and a thread that `answered` is kept when it may be. */
    const settle = (answered: boolean): boolean => {
      if (settled) return false;
      settled = true;
      clearInterval(tick);
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (answered && !forced && supervised.keep) supervised.keep(thread);
      else void thread.terminate();
      return true;
    };
    const finish = (outcome: () => Result, answered: boolean): void => {
      if (!settle(answered)) return;
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    const fail = (error: Error, answered = false): void => {
      if (settle(answered)) reject(error);
    };
    const stopByForce = (reason: Stop): void => {
      forced = { reason, stuckIn: supervised.stuckIn(frame) };
      // The report is made when the thread has ended, so that nothing it writes comes after it.
      void thread.terminate();
    };
    /** Asks the thread to stop; the first reason is the one reported. */
    const stop = (reason: Stop): void => {
      supervised.requestStop(reason);
      stopping ??= reason;
      grace ??= setTimeout(() => stopByForce(reason), supervised.graceMs);
    };
    const onAbort = (): void => stop('interrupted');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();

    const checkLimits = (): void => {
      const reason = supervised.limitReached();
      if (reason) stop(reason);
    };
    checkLimits();
    const tick = setInterval(() => {
      checkLimits();
      supervised.progress();
    }, TICK_MS);

    const onMessage = (message: ThreadMessage<Frame, Result>): void => {
      if (message.kind === 'frame') frame = message.frame;
      else if (message.kind === 'result') finish(() => message.result, true);
      else if (stopping !== undefined && supervised.failureIsStop?.(message)) stopByForce(stopping);
      // A usage or model error was caught by the thread, which can take another job; an internal one may have broken it.
      else fail(errorOf(message), message.error !== 'internal');
    };
    const onError = (error: Error & { code?: string }): void => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && supervised.heapExhausted) forced ??= { reason: supervised.heapExhausted, stuckIn: supervised.stuckIn(frame) };
      else fail(error);
    };
    const onExit = (code: number): void => {
      if (forced) {
        const how = forced;
        finish(() => supervised.forcedResult(frame, how), false);
      } else {
        const where = supervised.stuckIn(frame);
        fail(new ModelError(`the ${supervised.name} thread ended (exit code ${code})${where ? ` while in ${where}` : ''}`));
      }
    };
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}
