/**
 * Runs of batches: the request of each batch, and a run shared between threads, which the search
 * thread expands from its start, in order, while the threads of its pool take batches by
 * themselves from a split on, and then down from the split until they meet it.
 */
import type { BatchRequest, BatchResult, BatchRun, PackedStates, SharedBatchRun, SharedPackedStates } from './messages.js';

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

/** The next batch the pool's threads may take: from the run's split on, in order, skipping those the search thread took. */
const NEXT = 0;
/** The pool's threads that joined the run. */
const JOINED = 1;
/** The lowest batch below the split the pool's threads took (the split while they took none). */
const BELOW = 2;

/** Whether states are in shared memory (a frontier made `shared`), where other threads read them. */
function inSharedMemory(states: PackedStates): states is SharedPackedStates {
  return states.bytes.buffer instanceof SharedArrayBuffer && states.ends.buffer instanceof SharedArrayBuffer;
}

/**
 * The run, whose states are in shared memory already, for the search thread and `threads` threads
 * of its pool to expand together: the search thread from the start, the pool's threads from batch
 * `split` on.
 */
export function sharedRun(run: BatchRun, threads: number, split: number): SharedBatchRun {
  const { states } = run;
  // A search with a pool keeps its frontiers in shared memory (`BatchRunner.sharesLevels`).
  if (!inSharedMemory(states)) throw new Error('the states of a run shared between threads are not in shared memory');
  const control = new Int32Array(new SharedArrayBuffer(12));
  control[NEXT] = split;
  control[BELOW] = split;
  const taken = new Int32Array(new SharedArrayBuffer(4 * batchCount(run)));
  return { ...run, states, control, taken, threads };
}

/**
 * For a thread of the pool: the next batch from the split on that no thread has taken; once none is
 * left there, the next below the split, going down, until the search thread has taken it (and so
 * every batch before it); undefined when none is left. A split set by costs that have changed
 * since they were measured (another process took a core, a collection ran) leaves no thread idle
 * while the other still has a long part to expand.
 */
export function takeBatch(run: SharedBatchRun): number | undefined {
  for (;;) {
    const k = Atomics.add(run.control, NEXT, 1);
    if (k >= batchCount(run)) break;
    if (Atomics.compareExchange(run.taken, k, 0, 1) === 0) return k;
  }
  const k = Atomics.sub(run.control, BELOW, 1) - 1;
  return k >= 0 && Atomics.compareExchange(run.taken, k, 0, 1) === 0 ? k : undefined;
}

/**
 * For the search thread, which expands a batch only once every batch before it is done: takes
 * batch k unless a thread of the pool has, or the batches the pool may still take are only as many
 * as its threads that have not joined the run yet (each still finds its first). A pool thread that
 * takes a batch joins, so taking cannot leave fewer batches than threads still to join.
 */
export function takeInOrder(run: SharedBatchRun, k: number): boolean {
  const batches = batchCount(run);
  const next = Atomics.load(run.control, NEXT);
  const unjoined = run.threads - Atomics.load(run.control, JOINED);
  // Once the pool may take nothing more, nothing is kept for it.
  const keptEnough = next >= batches || batches - Math.max(k + 1, next) >= unjoined;
  return keptEnough && Atomics.compareExchange(run.taken, k, 0, 1) === 0;
}

/**
 * A pool thread's first batch of the run (or undefined), taken before it waits for every thread
 * of the pool to have taken theirs: so each takes part in every run that leaves it a batch, however
 * late it started (tests rely on it to compare threads, not one thread with itself). The wait ends
 * too when the run is closed.
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

/** Whether the pool's threads may take no more batches of the run. */
const closed = (run: SharedBatchRun): boolean => Atomics.load(run.control, NEXT) >= batchCount(run);

/** Lets no thread of the pool take another batch of the run, and none wait for the others to join it. */
export function closeRun(run: SharedBatchRun): void {
  // Below the split first: a thread that finds nothing left from the split on looks there next.
  Atomics.store(run.control, BELOW, 0);
  Atomics.store(run.control, NEXT, batchCount(run));
  Atomics.notify(run.control, JOINED);
}

/** Whether no batch after this result's should be expanded: the search will stop at it, or grow the table and expand again from it. */
export const endsRun = (result: BatchResult): boolean => result.stopped || result.full || result.fault !== undefined;
