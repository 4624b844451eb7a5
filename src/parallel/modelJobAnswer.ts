/**
 * The main thread's side of a thread that runs one job of a model's code (modelJobThread.ts: the
 * replay, the explorer's server): it starts the thread and waits for its one answer. Such a job
 * has no stop flag to poll and nothing partial to report, unlike a search or walks
 * (threadSupervisor.ts), so Ctrl-C does not wait for it: the caller terminates the thread.
 */
import { Worker } from 'node:worker_threads';
import { errorOf, type ThreadFailure } from '../threadFailure.js';
import { threadExecArgv, threadScript } from './threadScript.js';

/** Starts the thread of `script` (named as threadScript names it) on `job`. */
export function startModelJob(script: string, job: { module: string; name: string }): Worker {
  return new Worker(threadScript(script), { workerData: job, execArgv: threadExecArgv() });
}

/**
 * The thread's answer, or null when `signal` comes first. A failure it sends is thrown as the
 * error it stands for, and a thread that ends without a word as `ended(exit code)`. The thread is
 * left running.
 */
export function modelJobAnswer<Answer extends object>(thread: Worker, signal: AbortSignal, ended: (code: number) => Error): Promise<Answer | null> {
  return new Promise<Answer | null>((resolve, reject) => {
    thread.once('message', (message: Answer | ThreadFailure) => (isFailure(message) ? reject(errorOf(message)) : resolve(message)));
    thread.once('error', reject);
    thread.once('exit', (code: number) => reject(ended(code)));
    if (signal.aborted) resolve(null);
    signal.addEventListener('abort', () => resolve(null), { once: true });
  });
}

const isFailure = (message: object): message is ThreadFailure => (message as Partial<ThreadFailure>).kind === 'failed';
