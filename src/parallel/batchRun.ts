/**
 * Runs of batches: the request of each batch, and a run copied into shared memory, from which
 * every thread that expands it takes batches by itself, in order, until none is left.
 */
import type { BatchRequest, BatchResult, BatchRun, SharedBatchRun } from './messages.js';

/** The number of batches of a run. */
export const batchCount = (run: BatchRun): number => run.starts.length;

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

const NEXT = 0;
const JOINED = 1;

/** The run with its states copied into shared memory (the bytes from the first state's start on), for `threads` worker threads to expand together. */
export function sharedRun(run: BatchRun, threads: number): SharedBatchRun {
  const { bytes, ends, start = 0 } = run.states;
  const last = ends.length === 0 ? start : ends[ends.length - 1]!;
  const sharedBytes = new Uint8Array(new SharedArrayBuffer(last - start));
  sharedBytes.set(bytes.subarray(start, last));
  const sharedEnds = new Uint32Array(new SharedArrayBuffer(4 * ends.length));
  for (let i = 0; i < ends.length; i++) sharedEnds[i] = ends[i]! - start;
  return { ...run, states: { bytes: sharedBytes, ends: sharedEnds }, control: new Int32Array(new SharedArrayBuffer(8)), threads };
}

/** Takes the next batch of a shared run not yet taken by any thread, or undefined when all are. */
export function takeBatch(run: SharedBatchRun): number | undefined {
  const k = Atomics.add(run.control, NEXT, 1);
  return k < batchCount(run) ? k : undefined;
}

/**
 * A worker thread's first batch of the run (or undefined), taken before it waits for every thread
 * of the run to have taken theirs: so each thread takes part in every run of as many batches as
 * there are threads, however late it started (tests rely on it to compare threads, not one thread
 * with itself). The wait ends too when the run is closed.
 */
export function joinRun(run: SharedBatchRun): number | undefined {
  const k = takeBatch(run);
  Atomics.add(run.control, JOINED, 1);
  Atomics.notify(run.control, JOINED);
  for (let joined = Atomics.load(run.control, JOINED); joined < run.threads && !closed(run); joined = Atomics.load(run.control, JOINED)) {
    Atomics.wait(run.control, JOINED, joined, 10);
  }
  return k;
}

const closed = (run: SharedBatchRun): boolean => Atomics.load(run.control, NEXT) >= batchCount(run);

/** Lets no thread take another batch of the run, and none wait for the others to join it. */
export function closeRun(run: SharedBatchRun): void {
  Atomics.store(run.control, NEXT, batchCount(run));
  Atomics.notify(run.control, JOINED);
}

/** Whether no batch after this result's should be expanded: the search will stop at it, or grow the table and expand again from it. */
export const endsRun = (result: BatchResult): boolean => result.stopped || result.full || result.fault !== undefined;
