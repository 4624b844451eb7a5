/**
 * The replay thread: replays one trace for `cocomc replay` (replayInThread.ts) and sends the
 * result, or the error as a kind and a one-line message. The model's code runs here, never in the
 * main thread, so that Ctrl-C stops a replay whatever that code does: the main thread terminates
 * this one.
 */
import { answerModelJob } from '../parallel/modelJobThread.js';
import { replay } from './replay.js';
import type { ReplayJob, ReplayMessage } from './replayInThread.js';

await answerModelJob(
  (model, job: ReplayJob): ReplayMessage => ({ kind: 'result', result: replay(model, job.trace, job.options) }),
);
