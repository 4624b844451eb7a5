/**
 * The explorer's server thread: it imports the model, builds what the page walks, and serves it
 * (server.ts). The model's code runs here, never in the main thread, so that Ctrl-C stops the
 * explorer whatever that code does: the main thread terminates this one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forbidProcessExit } from '../parallel/forbidProcessExit.js';
import { importModel } from '../modelRef.js';
import { sendThreadOutputToStderr } from '../parallel/threadOutput.js';
import { failureOf } from '../threadFailure.js';
import { startExploreServer } from './server.js';
import type { ServerJob, ServerMessage } from './serveInThread.js';
import { exploreSite } from './site.js';

forbidProcessExit();
sendThreadOutputToStderr();

const job = workerData as ServerJob;
const send = (message: ServerMessage): void => parentPort!.postMessage(message);
try {
  const model = await importModel(job.module, job.name);
  const server = await startExploreServer(exploreSite(model, job.params, job.options), job.port);
  send({ kind: 'listening', url: server.url });
} catch (error) {
  send(failureOf(error));
}
