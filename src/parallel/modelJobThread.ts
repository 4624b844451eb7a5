/**
 * How a thread that runs one job of a model's code starts and answers (the replay, the explorer's
 * server): the model's code may not end the process and its output goes to stderr; the model is
 * imported here from its module, as the thread that started this one named it; what the job
 * answers is posted back, and an error as a ThreadFailure, whatever it was.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnyModel } from '../model.js';
import { importModel } from '../modelRef.js';
import { failureOf, type ThreadFailure } from '../threadFailure.js';
import { forbidProcessExit } from './forbidProcessExit.js';
import { sendThreadOutputToStderr } from './threadOutput.js';

export async function answerModelJob<Job extends { module: string; name: string }, Answer>(
  run: (model: AnyModel, job: Job) => Answer | Promise<Answer>,
): Promise<void> {
  forbidProcessExit();
  sendThreadOutputToStderr();
  const job = workerData as Job;
  const send = (message: Answer | ThreadFailure): void => parentPort!.postMessage(message);
  try {
    send(await run(await importModel(job.module, job.name), job));
  } catch (error) {
    send(failureOf(error));
  }
}
