/**
 * The supervisor of a check: runs its search on a thread of its own (searchThread.ts) and holds it
 * to its limits whatever the model does (threadSupervisor.ts): Ctrl-C, the clock and the process's
 * memory, checked from the search's live status, which the search polls between actions. A
 * search stopped by force is reported from the live counters and tallies it left behind. A heap
 * exhausted in the search thread is the memory limit too, not a crash.
 */
import type { CheckOptions } from '../check.js';
import { limitReached, residentBytes, type Limits } from '../limits.js';
import { describeWhere, LiveStatus, Tallies, Where, whereKind } from './liveStatus.js';
import type { AnyModel } from '../model.js';
import { describeParams } from '../params.js';
import type { CheckResult, StopReason } from '../result.js';
import { resultOf, type SearchFrame } from '../searchFrame.js';
import type { SearchJob } from './messages.js';
import { superviseThread } from './threadSupervisor.js';
import { keepSearchThread, searchHeapMiB, takeSearchThread } from './searchThreads.js';

/** How long a search may take to answer a stop before its thread is terminated. */
const GRACE_MS = 1000;

/** Runs the check of `model` with resolved `params` on a search thread and supervises it. */
export function superviseCheck(
  model: AnyModel,
  params: unknown,
  options: CheckOptions & { workers: number },
  limits: Limits,
  started: number,
): Promise<CheckResult> {
  const { workers } = options;
  const { params: _given, signal: _signal, onProgress: _onProgress, onState: _onState, onEdge: _onEdge, timeLimit: _timeLimit, maxMemory: _maxMemory, ...searchOptions } = options;
  const live = LiveStatus.create(workers);
  const heapMiB = searchHeapMiB(limits);
  const thread = takeSearchThread(heapMiB);
  const job: SearchJob = {
    module: model.module,
    name: model.name,
    params,
    options: searchOptions,
    live: live.buffer as SharedArrayBuffer,
    threads: live.threads,
    heapMiB,
    started,
  };
  thread.postMessage(job);

  const progress = (): void =>
    options.onProgress?.({
      level: live.get('level'),
      distinct: live.get('distinct'),
      transitions: live.get('transitions'),
      queue: live.get('queue'),
      seconds: (Date.now() - started) / 1000,
    });
  // Once at the start too: a check shorter than a tick still shows its progress line once.
  progress();
  return superviseThread<SearchFrame, CheckResult, StopReason>({
    thread,
    name: 'search',
    graceMs: GRACE_MS,
    signal: options.signal,
    limitReached: () => limitReached(limits, residentBytes()),
    requestStop: (reason) => live.requestStop(reason),
    progress,
    stuckIn: (frame) => stuckIn(live, frame),
    forcedResult: (frame, forced) => forcedResult(model, params, frame, live, { ...forced, workers, started }),
    heapExhausted: 'max-memory',
    // A worker thread of the pool that died after a stop was asked for (its heap exhausted by
    // the code that would not stop) ends the search as the stop would have.
    failureIsStop: (failure) => failure.error === 'internal',
    keep: (answered) => keepSearchThread(answered, heapMiB),
  });
}

/** The model code a thread is running, the search thread's first; null when every thread is idle. */
function stuckIn(live: LiveStatus, frame: SearchFrame | undefined): string | null {
  const code = live.whereAll().find((word) => whereKind(word) !== Where.idle);
  if (code === undefined) return null;
  return describeWhere(frame ?? { actions: [], properties: [] }, code);
}

/** The report of a search stopped by force: its live counters and tallies, without traces. */
function forcedResult(
  model: AnyModel,
  params: unknown,
  frame: SearchFrame | undefined,
  live: LiveStatus,
  how: { reason: StopReason; stuckIn: string | null; workers: number; started: number },
): CheckResult {
  const shown: SearchFrame = frame ?? {
    model: model.name,
    params: describeParams(params as Record<string, unknown>),
    actors: [],
    checked: [],
    actions: [],
    properties: [],
    tallies: { buffer: new ArrayBuffer(0), actions: 0, codes: 0 },
  };
  const tallies = new Tallies(shown.tallies.buffer, shown.tallies.actions, shown.tallies.codes);
  return resultOf(
    shown,
    tallies,
    {
      complete: false,
      stopReason: how.reason,
      distinctStates: live.get('distinct'),
      transitions: live.get('transitions'),
      initialStates: live.get('initialStates'),
      depth: live.get('level'),
      bytesPerState: live.get('distinct') > 0 ? live.get('seenBytes') / live.get('distinct') : 0,
    },
    { workers: how.workers, workersUsed: live.workersUsed(), stuckIn: how.stuckIn, seconds: (Date.now() - how.started) / 1000 },
    () => null,
  );
}
