/**
 * `cocomc replay` on a thread of its own (replayThread.ts): a trace is replayed in moments, but
 * by the model's own code, and code that never returns would hold the main thread, where Ctrl-C
 * is heard. Ctrl-C terminates the thread, whatever it is doing.
 */
import { Worker } from 'node:worker_threads';
import { ModelError } from '../errors.js';
import type { AnyModel } from '../model.js';
import { requireThreadsRebuild } from '../modelRef.js';
import { threadExecArgv, threadScript } from '../parallel/workerPool.js';
import type { ReadState } from '../report/itfRead.js';
import { errorOf, type ThreadFailure } from '../threadFailure.js';
import type { ReplayOptions, ReplayResult } from './replay.js';

/** What the replay thread needs: the model's module and name, the trace, the options. */
export interface ReplayJob {
  module: string;
  name: string;
  trace: readonly ReadState[];
  options: ReplayOptions;
}

/** What the replay thread answers, once. */
export type ReplayMessage = { kind: 'result'; result: ReplayResult } | ThreadFailure;

/** Replays `trace` against `model` on a thread; null when `signal` stopped it first. */
export async function replayInThread(model: AnyModel, trace: readonly ReadState[], options: ReplayOptions, signal: AbortSignal): Promise<ReplayResult | null> {
  requireThreadsRebuild(model);
  const job: ReplayJob = { module: model.module, name: model.name, trace, options };
  const thread = new Worker(threadScript('../walks/replayThread'), { workerData: job, execArgv: threadExecArgv() });
  try {
    const message = await new Promise<ReplayMessage | null>((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new ModelError(`the replay thread ended (exit code ${code}) before it answered`)));
      if (signal.aborted) resolve(null);
      signal.addEventListener('abort', () => resolve(null), { once: true });
    });
    if (message === null) return null;
    if (message.kind === 'failed') throw errorOf(message);
    return message.result;
  } finally {
    await thread.terminate();
  }
}
