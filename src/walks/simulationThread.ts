/**
 * The simulation thread: runs one simulation for its supervisor in the main thread
 * (simulationSupervisor.ts). It loads the model, sends the frame once the model is built, and
 * sends the result, or the error as a kind and a one-line message. It learns of Ctrl-C from the
 * shared status's stop flag, and keeps the time limit itself.
 */
import { parentPort } from 'node:worker_threads';
import { importModel } from '../modelRef.js';
import { forbidExitWhile, forbidProcessExit } from '../parallel/forbidProcessExit.js';
import { sendThreadOutputToStderr } from '../parallel/threadOutput.js';
import { failureOf, type ThreadMessage } from '../threadFailure.js';
import { simulateHere, type SimulateOptions, type SimulationFrame } from './simulate.js';
import type { SimulationResult } from './simulationResult.js';
import { WalkStatus, WHERE_WORD } from './walkStatus.js';

/** The options a simulation thread takes: all but the signal and the callback, which cannot cross threads. */
export type SimulationThreadOptions = Omit<SimulateOptions, 'signal' | 'onProgress'>;

/** What the supervisor sends the thread. */
export interface SimulationJob {
  module: string;
  name: string;
  options: SimulationThreadOptions;
  status: SharedArrayBuffer;
  started: number;
}

/** What the thread answers: the frame once the model is built, then a result or an error. */
export type SimulationMessage = ThreadMessage<SimulationFrame, SimulationResult>;

/** How often the thread looks at the stop flag: the walks let the event loop in every 64 steps. */
const STOP_POLL_MS = 50;

forbidProcessExit();
sendThreadOutputToStderr();

const port = parentPort!;
const send = (message: SimulationMessage): void => port.postMessage(message);

port.once('message', async (job: SimulationJob) => {
  const status = WalkStatus.of(job.status);
  forbidExitWhile(status.words, WHERE_WORD);
  const interrupt = new AbortController();
  const poll = setInterval(() => status.stopRequested() && interrupt.abort(), STOP_POLL_MS);
  try {
    const model = await importModel(job.module, job.name);
    const result = await simulateHere(model, { ...job.options, signal: interrupt.signal }, {
      started: job.started,
      where: status.words.subarray(WHERE_WORD, WHERE_WORD + 1),
      counts: status.counts,
      onFrame: (frame) => send({ kind: 'frame', frame }),
    });
    send({ kind: 'result', result });
  } catch (error) {
    send(failureOf(error));
  } finally {
    clearInterval(poll);
  }
});
