/**
 * The explorer's server thread: it imports the model, builds what the page walks, and serves it
 * (server.ts). The model's code runs here, never in the main thread, so that Ctrl-C stops the
 * explorer whatever that code does: the main thread terminates this one.
 */
import { answerModelJob } from '../parallel/modelJobThread.js';
import { startExploreServer } from './server.js';
import type { ServerJob, ServerMessage } from './serveInThread.js';
import { exploreSite } from './site.js';

await answerModelJob(async (model, job: ServerJob): Promise<ServerMessage> => {
  const server = await startExploreServer(exploreSite(model, job.params, job.options), job.port);
  return { kind: 'listening', url: server.url };
});
