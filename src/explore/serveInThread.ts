/**
 * Runs the explorer's server in a thread of its own (serverThread.ts) and supervises it from the
 * main thread: model code that never returns (an action the page asks about, a build) blocks only
 * that thread, and stopping terminates it, whatever it is doing.
 */
import type { RawValue } from '../params.js';
import { modelJobAnswer, startModelJob } from '../parallel/modelJobAnswer.js';
import type { ExploreCheckOptions } from './site.js';

/** What the server thread needs: the model's module and name, its parameters as given, the check's options, the port. */
export interface ServerJob {
  module: string;
  name: string;
  params: Readonly<Record<string, RawValue>>;
  options: ExploreCheckOptions;
  port: number;
}

/** What the server thread answers, once: its URL (or why it could not serve, as a ThreadFailure). */
export interface ServerMessage {
  kind: 'listening';
  url: string;
}

export interface ServingThread {
  /** The page's address, or null when `signal` stopped the thread before it served. */
  url: string | null;
  /** Terminates the thread, and the server with it. */
  stop: () => Promise<void>;
}

/** Starts the server thread and waits until it serves (or fails, or `signal` stops it first). */
export async function serveInThread(job: ServerJob, signal: AbortSignal): Promise<ServingThread> {
  const thread = startModelJob('../explore/serverThread', job);
  const stop = async (): Promise<void> => {
    await thread.terminate();
  };
  const ended = (code: number): Error => new Error(`the explorer's server thread ended (exit code ${code}) before it served`);
  const first = await modelJobAnswer<ServerMessage>(thread, signal, ended).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (first === null) {
    await stop();
    return { url: null, stop };
  }
  return { url: first.url, stop };
}
