/**
 * `cocomc replay` on a thread of its own (replayThread.ts): a trace is replayed in moments, but
 * by the model's own code, and code that never returns would hold the main thread, where Ctrl-C
 * is heard. Ctrl-C terminates the thread, whatever it is doing.
 */
import { ModelError } from '../errors.js';
import type { AnyModel } from '../model.js';
import { requireThreadsRebuild } from '../modelRef.js';
import { modelJobAnswer, startModelJob } from '../parallel/modelJobAnswer.js';
import type { ReadState } from '../report/itfRead.js';
import type { ReplayOptions, ReplayResult } from './replay.js';

/** What the replay thread needs: the model's module and name, the trace, the options. */
export interface ReplayJob {
  module: string;
  name: string;
  trace: readonly ReadState[];
  options: ReplayOptions;
}

/** What the replay thread answers, once (an error as a ThreadFailure). */
export interface ReplayMessage {
  kind: 'result';
  result: ReplayResult;
}

/** Replays `trace` against `model` on a thread; null when `signal` stopped it first. */
export async function replayInThread(model: AnyModel, trace: readonly ReadState[], options: ReplayOptions, signal: AbortSignal): Promise<ReplayResult | null> {
  requireThreadsRebuild(model);
  const job: ReplayJob = { module: model.module, name: model.name, trace, options };
  const thread = startModelJob('../walks/replayThread', job);
  try {
    const answer = await modelJobAnswer<ReplayMessage>(thread, signal, (code) => new ModelError(`the replay thread ended (exit code ${code}) before it answered`));
    return answer?.result ?? null;
  } finally {
    await thread.terminate();
  }
}
