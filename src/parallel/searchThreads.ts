/**
 * The search threads of this process: the one a check runs its search on is kept, once the check
 * is done, for the next one, since a new thread costs about 0.1 s (Node, the engine and the model
 * loaded in it), more than many checks of small models. The command line starts one before it
 * loads the rest of itself, so that the thread loads while it does.
 */
import { Worker } from 'node:worker_threads';
import type { Limits } from '../limits.js';
import { threadExecArgv, threadScript } from './threadScript.js';

/** The heap of a check's search thread: its memory limit, so that a search that exhausts it stops there. */
export function searchHeapMiB(limits: Pick<Limits, 'maxMemoryBytes'>): number {
  return Math.max(1, Math.floor(limits.maxMemoryBytes / 2 ** 20));
}

/** The thread kept for the next check, with its heap limit. */
let spare: { thread: Worker; heapMiB: number } | undefined;

function startThread(heapMiB: number): Worker {
  const thread = new Worker(threadScript('searchThread'), { execArgv: threadExecArgv(), resourceLimits: { maxOldGenerationSizeMb: heapMiB } });
  thread.once('exit', () => {
    if (spare?.thread === thread) spare = undefined;
  });
  return thread;
}

/** Starts a search thread with this heap limit ahead of the check that will take it; it keeps no process alive. */
export function startSearchThread(heapMiB: number): void {
  if (!spare) keepSearchThread(startThread(heapMiB), heapMiB);
}

/** A search thread with this heap limit: the spare one if it fits, else a new one. */
export function takeSearchThread(heapMiB: number): Worker {
  const kept = spare;
  spare = undefined;
  if (kept?.heapMiB === heapMiB) {
    kept.thread.ref();
    return kept.thread;
  }
  void kept?.thread.terminate();
  return startThread(heapMiB);
}

/** Keeps a thread that finished its check (or has not started one) for the next one; it does not keep the process alive. */
export function keepSearchThread(thread: Worker, heapMiB: number): void {
  if (spare) {
    void thread.terminate();
    return;
  }
  thread.unref();
  spare = { thread, heapMiB };
}
