/**
 * Runs of batches: the request of each batch, and a run shared between threads, which the search
 * thread expands from its start, in order, while the threads of its pool take batches ahead of it
 * by themselves.
 */
import type { BatchRequest, BatchResult, BatchRun, PackedStates, SharedBatchRun, SharedPackedStates } from './messages.js';

/** The number of batches of a run. */
export const batchCount = (run: BatchRun): number => run.starts.length;

/** The number of states of batch k. */
const statesOf = (run: BatchRun, k: number): number => (run.starts[k + 1] ?? run.states.ends.length) - run.starts[k]!;

/** Batch k's request: views of the run's states. */
export function batchRequest(run: BatchRun, k: number): BatchRequest {
  const { states, starts, ask, claims } = run;
  const from = starts[k]!;
  const to = starts[k + 1] ?? states.ends.length;
  return {
    bytes: states.bytes,
    ends: states.ends.subarray(from, to),
    start: from === 0 ? (states.start ?? 0) : states.ends[from - 1]!,
    ...ask,
    claims: claims && { table: claims.table, epoch: claims.epoch, firstKey: claims.firstKey + from * claims.keysPerState },
  };
}

/** The batch the search thread takes or waits for: every batch before it is done. */
const CURSOR = 0;
/** The pool's threads that joined the run. */
const JOINED = 1;
/** The batches no thread has taken. */
const LEFT = 2;
/** What expanding a state of its own last cost the search thread, in nanoseconds (0 until measured). */
const SEARCH_NS = 3;
/** 1 once the pool's threads may take no more batches. */
const CLOSED = 4;

/**
 * How many times as long as the search thread a thread of the pool is taken to expand a state
 * before either has measured its own cost: a new thread's first batch took 10-15 times as long as
 * its later ones while V8 compiles the hot loop (53-71 ms against 4-6 on Flip(28)), its second 5-10
 * times. Taking it as 12, so that the first batch lay further ahead, made no difference measured
 * (see docs/engine-speed.md).
 */
const NEW_THREAD_COST = 4;

/**
 * How many times as many states as it would take, at the costs last measured, a thread of the pool
 * leaves the search thread to expand before the batch it takes: the search thread also numbers the
 * successors of every batch it passes, and costs change from batch to batch.
 */
const MARGIN = 1.5;

/** Whether states are in shared memory (a frontier made `shared`), where other threads read them. */
function inSharedMemory(states: PackedStates): states is SharedPackedStates {
  return states.bytes.buffer instanceof SharedArrayBuffer && states.ends.buffer instanceof SharedArrayBuffer;
}

/**
 * The run, whose states are in shared memory already, for the search thread and `threads` threads
 * of its pool to expand together; `searchNs` is what expanding a state last cost the search thread
 * (0 if unknown), until it measures it again in this run.
 */
export function sharedRun(run: BatchRun, threads: number, searchNs: number): SharedBatchRun {
  const { states } = run;
  // A search with a pool keeps its frontiers in shared memory (`BatchRunner.sharesLevels`).
  if (!inSharedMemory(states)) throw new Error('the states of a run shared between threads are not in shared memory');
  const control = new Int32Array(new SharedArrayBuffer(20));
  control[LEFT] = batchCount(run);
  control[SEARCH_NS] = searchNs;
  const taken = new Int32Array(new SharedArrayBuffer(4 * batchCount(run)));
  return { ...run, states, control, taken, threads };
}

/** Takes batch k for the calling thread, unless another has. */
function take(run: SharedBatchRun, k: number): boolean {
  if (Atomics.compareExchange(run.taken, k, 0, 1) !== 0) return false;
  Atomics.sub(run.control, LEFT, 1);
  return true;
}

/**
 * For a thread of the pool, whose last batch cost `poolNs` nanoseconds a state (undefined before
 * its first): the first batch no thread has taken that the search thread, expanding in order every
 * batch no thread has taken before it, reaches only after this thread is done with it (by the costs
 * last measured, with a MARGIN). So the search thread finds the pool's results there as it comes
 * to them and numbers them as it goes, while the pool expands on ahead: a pool that took the end
 * of a level would wait, once done, for the search thread to number all it made. A thread's
 * `first` batch of a run, when none is that far ahead, is the last batch left (see `joinRun`); any
 * other is undefined then: the last batches are the search thread's.
 */
export function takeBatch(run: SharedBatchRun, poolNs: number | undefined, first = false): number | undefined {
  const batches = batchCount(run);
  for (;;) {
    if (closed(run)) return undefined;
    const searchNs = Atomics.load(run.control, SEARCH_NS);
    const slower = poolNs === undefined || searchNs === 0 ? NEW_THREAD_COST : poolNs / searchNs;
    /** States of the batches before k no thread has taken: the search thread expands them first. */
    let before = 0;
    let last: number | undefined;
    let chosen: number | undefined;
    for (let k = Atomics.load(run.control, CURSOR); k < batches && chosen === undefined; k++) {
      if (Atomics.load(run.taken, k) !== 0) continue;
      const states = statesOf(run, k);
      if (before >= states * slower * MARGIN) chosen = k;
      before += states;
      last = k;
    }
    chosen ??= first ? last : undefined;
    if (chosen === undefined) return undefined;
    if (take(run, chosen)) return chosen;
  }
}

/**
 * For the search thread, which expands a batch only once every batch before it is done: takes
 * batch k unless a thread of the pool has, or the batches left after it are only as many as the
 * pool's threads that have not joined the run yet (each still finds its first: see `takeBatch`).
 * A pool thread that takes a batch joins, so taking cannot leave fewer batches than threads still
 * to join.
 */
export function takeInOrder(run: SharedBatchRun, k: number): boolean {
  Atomics.store(run.control, CURSOR, k);
  const unjoined = run.threads - Atomics.load(run.control, JOINED);
  // Once the pool may take nothing more, nothing is kept for it.
  const keptEnough = closed(run) || Atomics.load(run.control, LEFT) - 1 >= unjoined;
  return keptEnough && take(run, k);
}

/** Tells the pool's threads what expanding a state of its own just cost the search thread, in nanoseconds. */
export function searchCost(run: SharedBatchRun, ns: number): void {
  // Clamped to the word: a state that takes over two seconds would otherwise read as negative.
  Atomics.store(run.control, SEARCH_NS, Math.min(0x7fffffff, Math.max(1, Math.round(ns))));
}

/**
 * A pool thread's first batch of the run (or undefined), taken before it waits for every thread
 * of the pool to have taken theirs: so each takes part in every run that leaves it a batch, however
 * late it started (tests rely on it to compare threads, not one thread with itself). The wait ends
 * too when the run is closed.
 */
export function joinRun(run: SharedBatchRun, poolNs: number | undefined): number | undefined {
  const k = takeBatch(run, poolNs, true);
  Atomics.add(run.control, JOINED, 1);
  Atomics.notify(run.control, JOINED);
  for (let joined = Atomics.load(run.control, JOINED); joined < run.threads && !closed(run); joined = Atomics.load(run.control, JOINED)) {
    Atomics.wait(run.control, JOINED, joined, 10);
  }
  return k;
}

/** Whether the pool's threads may take no more batches of the run. */
const closed = (run: SharedBatchRun): boolean => Atomics.load(run.control, CLOSED) === 1 || Atomics.load(run.control, LEFT) <= 0;

/** Lets no thread of the pool take another batch of the run, and none wait for the others to join it. */
export function closeRun(run: SharedBatchRun): void {
  Atomics.store(run.control, CLOSED, 1);
  Atomics.notify(run.control, JOINED);
}

/** Whether no batch after this result's should be expanded: the search will stop at it, or grow the table and expand again from it. */
export const endsRun = (result: BatchResult): boolean => result.stopped || result.full || result.fault !== undefined;
