/**
 * The worker thread: builds the model once per ModelRef and expands the batches it is sent.
 * Results go back as transferred typed arrays, never as cloned state objects.
 */
import workerpool from 'workerpool';
import { Expander, type BatchRequest, type BatchResult } from './expand.js';
import { checkEach, type CheckSummary, type ParamSet } from './manyChecks.js';
import { importModel, loadModel, type ModelRef } from './modelRef.js';

const expanders = new Map<string, Promise<Expander<unknown>>>();

function expanderFor(ref: ModelRef): Promise<Expander<unknown>> {
  const key = JSON.stringify(ref);
  let expander = expanders.get(key);
  if (!expander) {
    expander = loadModel(ref).then(({ instance }) => new Expander(instance, ref.symmetry, true));
    expanders.set(key, expander);
  }
  return expander;
}

async function expand(ref: ModelRef, request: BatchRequest): Promise<unknown> {
  const result: BatchResult = (await expanderFor(ref)).expand(request);
  const buffers = [result.generated, result.successors.bytes, result.successors.ends, result.meta, result.findings].map((a) => a.buffer);
  return new workerpool.Transfer(result, buffers as ArrayBuffer[]);
}

/** Runs whole checks in this thread, for the sweep and the matrix. */
async function checkEachInWorker(module: string, name: string, paramSets: ParamSet[], properties?: string[]): Promise<CheckSummary[]> {
  return checkEach(await importModel(module, name), paramSets, properties);
}

workerpool.worker({ expand, checkEach: checkEachInWorker });
