/**
 * The worker thread of a search: builds the model once per ModelRef and expands the batches it
 * takes from the shared levels it joins. Results go back as copied typed arrays, never as
 * cloned state objects. It imports only what expanding needs, so that it is ready soon after the
 * search starts it; whole checks run in `checkWorker.ts`.
 */
import { workerData } from 'node:worker_threads';
import workerpool from 'workerpool';
import { Expander } from '../expand.js';
import { forbidExitWhile, forbidProcessExit } from './forbidProcessExit.js';
import { sendThreadOutputToStderr } from './threadOutput.js';
import { LiveStatus } from './liveStatus.js';
import type { BatchResult, ExpandWorkerData, RunBatchResult, SharedBatchRun } from './messages.js';
import { batchRequest, closeRun, endsRun, joinRun, takeBatch } from './batchRun.js';
import { loadModel, type ModelRef } from '../modelRef.js';
import { touchPages } from './firstTouch.js';

forbidProcessExit();
sendThreadOutputToStderr();

const data = workerData as ExpandWorkerData | undefined;
const expanders = new Map<string, Promise<Expander<unknown>>>();
/** The expanders that took their `where` word in the search's live status. */
const watched = new WeakSet<Expander<unknown>>();

/** The expander of a model, with its codec made: built once per ModelRef. */
function expanderFor(ref: ModelRef): Promise<Expander<unknown>> {
  const key = JSON.stringify(ref);
  let expander = expanders.get(key);
  if (!expander) {
    expander = loadModel(ref).then(({ instance }) => {
      const made = new Expander(instance, ref.symmetry, ref.encoding, data?.codecSample);
      // Made now, as the thread prepares, not in its first batch: deriving a layout runs the model's code.
      void made.codec;
      return made;
    });
    expanders.set(key, expander);
  }
  return expander;
}

// The model is loaded, and its codec made, as soon as the thread starts: the search thread is
// busy expanding then, and would answer a first message late (by 0.1 s on Flip(28)). The search
// reads the count without a message; a failure is told by `prepare`.
if (data?.model) {
  const { prepared } = data;
  expanderFor(data.model).then(() => prepared && Atomics.add(prepared, 0, 1), () => undefined);
}

/** Resolves once the model is loaded and its codec made, or rejects with why it could not be. */
async function prepare(ref: ModelRef): Promise<void> {
  await expanderFor(ref);
}

/**
 * The expander watched by the search's live status: this thread takes a `where` word of its own
 * there when it first joins a level (a pool serves one search, so once is enough), not when it
 * prepares, so that only threads that expanded count as used.
 */
async function watchedExpander(ref: ModelRef, live: SharedArrayBuffer, threads: number): Promise<Expander<unknown>> {
  const expander = await expanderFor(ref);
  if (!watched.has(expander)) {
    const status = LiveStatus.of(live, threads);
    const word = status.claimWord();
    expander.watchedBy(status.words, word);
    forbidExitWhile(status.words, word);
    watched.add(expander);
  }
  return expander;
}

/**
 * A result as it crosses to the search thread: each view of the expander's reused buffers copied
 * to one of its own size, since a view is cloned with its whole buffer. Copied, not transferred:
 * the first buffer a thread detaches tells V8 that typed arrays' buffers may now go away under
 * its code, and it throws out every function it had compiled on typed arrays in that thread (the
 * whole hot loop, as a batch or two had just compiled it) to compile them again with a check on
 * every access. A result is tens of KB (medians of 26-45 KB on Flip(28) and on a check of
 * 608,520 states, at most 0.37 MB); the copy costs far less.
 */
function copied(result: BatchResult): BatchResult {
  const { successors, meta, findings } = result;
  return { ...result, successors: { bytes: successors.bytes.slice(), ends: successors.ends.slice() }, meta: meta.slice(), findings: findings.slice() };
}

/** What expanding a state of its last batch cost this thread, in nanoseconds: how far ahead of the search thread it takes the next (see `takeBatch`). */
let costPerState: number | undefined;

/**
 * Expands batches of a shared run, each taken ahead of the search thread, and sends each result as
 * soon as it is made; returns when no batch is left for it, or after one at which the search will stop.
 */
async function expandRun(ref: ModelRef, run: SharedBatchRun, live: SharedArrayBuffer, threads: number): Promise<void> {
  const expander = await watchedExpander(ref, live, threads);
  for (let k = joinRun(run, costPerState); k !== undefined; k = takeBatch(run, costPerState)) {
    const started = performance.now();
    const result: BatchResult = expander.expand(batchRequest(run, k));
    if (result.expanded > 0) costPerState = ((performance.now() - started) * 1e6) / result.expanded;
    workerpool.workerEmit({ batch: k, result: copied(result) } satisfies RunBatchResult);
    if (endsRun(result)) return closeRun(run);
  }
}

workerpool.worker({ prepare, expandRun, touchPages });
