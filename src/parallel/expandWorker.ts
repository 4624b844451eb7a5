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

forbidProcessExit();
sendThreadOutputToStderr();

const expanders = new Map<string, Promise<Expander<unknown>>>();

/**
 * The expander of a model, watched by the search's live status: this thread takes a `where` word
 * of its own there when it first joins a level (a pool serves one search, so once is enough).
 */
function expanderFor(ref: ModelRef, live: SharedArrayBuffer, threads: number): Promise<Expander<unknown>> {
  const key = JSON.stringify(ref);
  let expander = expanders.get(key);
  if (!expander) {
    expander = loadModel(ref).then(({ instance }) => {
      const watched = new Expander(instance, ref.symmetry, ref.encoding, (workerData as ExpandWorkerData | undefined)?.codecSample);
      const status = LiveStatus.of(live, threads);
      const word = status.claimWord();
      watched.watchedBy(status.words, word);
      forbidExitWhile(status.words, word);
      return watched;
    });
    expanders.set(key, expander);
  }
  return expander;
}

/**
 * A result as it crosses to the search thread: each view of the expander's reused buffers copied
 * to one of its own size, since a view is cloned with its whole buffer. Copied, not transferred:
 * the first buffer a thread detaches tells V8 that typed arrays' buffers may now go away under
 * its code, and it throws out every function it had compiled on typed arrays in that thread (the
 * whole hot loop, as a batch or two had just compiled it) to compile them again with a check on
 * every access. A result is tens of KB (medians of 26-45 KB on Flip(28) and CoCo pages 2 readers 3,
 * at most 0.37 MB); the copy costs far less.
 */
function copied(result: BatchResult): BatchResult {
  const { successors, meta, findings } = result;
  return { ...result, successors: { bytes: successors.bytes.slice(), ends: successors.ends.slice() }, meta: meta.slice(), findings: findings.slice() };
}

/**
 * Expands batches of a shared run, each taken as the next not yet taken, and sends each result as
 * soon as it is made; returns when no batch is left, or after one at which the search will stop.
 */
async function expandRun(ref: ModelRef, run: SharedBatchRun, live: SharedArrayBuffer, threads: number): Promise<void> {
  const expander = await expanderFor(ref, live, threads);
  for (let k = joinRun(run); k !== undefined; k = takeBatch(run)) {
    const result: BatchResult = expander.expand(batchRequest(run, k));
    workerpool.workerEmit({ batch: k, result: copied(result) } satisfies RunBatchResult);
    if (endsRun(result)) return closeRun(run);
  }
}

workerpool.worker({ expandRun });
