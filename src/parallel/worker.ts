/**
 * The worker thread: builds the model once per ModelRef and expands the batches it is sent.
 * Results go back as transferred typed arrays, never as cloned state objects.
 */
import workerpool from 'workerpool';
import { Expander } from '../expand.js';
import { forbidExitWhile, forbidProcessExit } from './forbidProcessExit.js';
import { sendThreadOutputToStderr } from './threadOutput.js';
import { LiveStatus } from './liveStatus.js';
import type { BatchRequest, BatchResult } from './messages.js';
import { checkEach, type CheckSummary, type ParamSet } from '../manyChecks.js';
import { importModel, loadModel, type ModelRef } from '../modelRef.js';

forbidProcessExit();
sendThreadOutputToStderr();

const expanders = new Map<string, Promise<Expander<unknown>>>();

/**
 * The expander of a model, watched by the search's live status: this thread takes a `where` word
 * of its own there with its first batch (a pool serves one search, so once is enough).
 */
function expanderFor(ref: ModelRef, live: SharedArrayBuffer, threads: number): Promise<Expander<unknown>> {
  const key = JSON.stringify(ref);
  let expander = expanders.get(key);
  if (!expander) {
    expander = loadModel(ref).then(({ instance }) => {
      const watched = new Expander(instance, ref.symmetry, true, ref.encoding);
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

async function expand(ref: ModelRef, request: BatchRequest, live: SharedArrayBuffer, threads: number): Promise<unknown> {
  const result: BatchResult = (await expanderFor(ref, live, threads)).expand(request);
  const buffers = [result.generated, result.successors.bytes, result.successors.ends, result.meta, result.findings, result.labels].map((a) => a.buffer);
  return new workerpool.Transfer(result, buffers as ArrayBuffer[]);
}

/** Runs whole checks in this thread, for the sweep and the matrix. */
async function checkEachInWorker(module: string, name: string, paramSets: ParamSet[], properties?: string[]): Promise<CheckSummary[]> {
  return checkEach(await importModel(module, name), paramSets, properties);
}

workerpool.worker({ expand, checkEach: checkEachInWorker });
