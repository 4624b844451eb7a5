/**
 * The search thread: runs checks, one at a time, for the supervisor in the main thread (supervisor.ts). It
 * builds the model, sends its frame, searches (worker threads of its own expanding the large
 * levels) and sends the result, or the error as a kind and a one-line message. It learns that it
 * must stop from the live status's flag, which its expanders poll.
 */
import { parentPort } from 'node:worker_threads';
import { runCheck } from '../runCheck.js';
import { forbidExitWhile, forbidProcessExit } from './forbidProcessExit.js';
import { sendThreadOutputToStderr } from './threadOutput.js';
import { LiveStatus } from './liveStatus.js';
import { importModel } from '../modelRef.js';
import type { SearchFrame } from '../searchFrame.js';
import { failureOf } from '../threadFailure.js';
import type { SearchJob, SearchMessage } from './messages.js';

forbidProcessExit();
sendThreadOutputToStderr();

const port = parentPort!;
const send = (message: SearchMessage): void => port.postMessage(message);

port.on('message', async (job: SearchJob) => {
  try {
    const live = LiveStatus.of(job.live, job.threads);
    forbidExitWhile(live.words, live.searchWord);
    const model = await importModel(job.module, job.name);
    const watch = {
      live,
      interruption: () => live.stopRequested(),
      local: false,
      heapMiB: job.heapMiB,
      onFrame: (frame: SearchFrame) => send({ kind: 'frame', frame }),
    };
    const result = await runCheck(model, job.params, job.options, watch, job.started);
    send({ kind: 'result', result });
  } catch (error) {
    send(failureOf(error));
  }
});
