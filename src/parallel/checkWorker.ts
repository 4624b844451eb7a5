/** The worker thread of many checks (the sweep and the matrix): runs whole checks, each in this thread. */
import workerpool from 'workerpool';
import { forbidProcessExit } from './forbidProcessExit.js';
import { sendThreadOutputToStderr } from './threadOutput.js';
import { checkEach, type CheckSummary, type ParamSet } from '../manyChecks.js';
import { importModel } from '../modelRef.js';

forbidProcessExit();
sendThreadOutputToStderr();

async function checkEachInWorker(module: string, name: string, paramSets: ParamSet[], properties?: string[]): Promise<CheckSummary[]> {
  return checkEach(await importModel(module, name), paramSets, properties);
}

workerpool.worker({ checkEach: checkEachInWorker });
