/**
 * The replay thread: replays one trace for `cocomc replay` (replayInThread.ts) and sends the
 * result, or the error as a kind and a one-line message. The model's code runs here, never in the
 * main thread, so that Ctrl-C stops a replay whatever that code does: the main thread terminates
 * this one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importModel } from '../modelRef.js';
import { forbidProcessExit } from '../parallel/forbidProcessExit.js';
import { sendThreadOutputToStderr } from '../parallel/threadOutput.js';
import { failureOf } from '../threadFailure.js';
import { replay } from './replay.js';
import type { ReplayJob, ReplayMessage } from './replayInThread.js';

forbidProcessExit();
sendThreadOutputToStderr();

const job = workerData as ReplayJob;
const send = (message: ReplayMessage): void => parentPort!.postMessage(message);
try {
  const model = await importModel(job.module, job.name);
  send({ kind: 'result', result: replay(model, job.trace, job.options) });
} catch (error) {
  send(failureOf(error));
}
