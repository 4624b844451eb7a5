/**
 * The supervision every thread that runs model code gets (a check's search, a simulation's
 * walks), on small threads that behave as model code can: answer, fail, never return, or end.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../src/errors.js';
import { superviseThread, type ForcedStop, type SupervisedThread } from '../src/parallel/threadSupervisor.js';

/** A thread that posts `messages` (a frame, a result, a failure) one after another, then runs `then`. */
function thread(messages: object[], then: 'hang' | 'wait' | 'exit'): Worker {
  const end = { hang: 'for (;;) {}', wait: 'setInterval(() => {}, 1000);', exit: 'setTimeout(() => process.exit(7), 10);' }[then];
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    for (const message of workerData) parentPort.postMessage(message);
    ${end}`;
  return new Worker(source, { eval: true, workerData: messages });
}

type Reason = 'time-limit' | 'interrupted';
type Forced = { frame: string | undefined } & ForcedStop<Reason>;

/** Supervises `worker` with a short grace, recording the stops it asks for and the threads it keeps. */
function supervise(worker: Worker, given: Partial<SupervisedThread<string, string | Forced, Reason>> = {}) {
  const stops: Reason[] = [];
  const kept: Worker[] = [];
  const result = superviseThread<string, string | Forced, Reason>({
    thread: worker,
    name: 'test',
    graceMs: 50,
    limitReached: () => undefined,
    requestStop: (reason) => stops.push(reason),
    progress: () => {},
    stuckIn: (frame) => (frame === undefined ? null : `the code after ${frame}`),
    forcedResult: (frame, forced) => ({ frame, ...forced }),
    keep: (answered) => kept.push(answered),
    ...given,
  });
  return { result, stops, kept };
}

const frame = { kind: 'frame', frame: 'f' };
const failure = (error: 'usage' | 'model' | 'internal') => ({ kind: 'failed', error, message: `${error} failure` });

describe('a thread that answers', () => {
  it('is kept for the next job with its result', async () => {
    const worker = thread([frame, { kind: 'result', result: 'done' }], 'wait');
    const run = supervise(worker);
    expect(await run.result).toBe('done');
    expect(run.kept).toEqual([worker]);
    await worker.terminate();
  });

  it('with a model error is kept, with an internal one terminated', async () => {
    const model = supervise(thread([failure('model')], 'wait'));
    await expect(model.result).rejects.toThrow(new ModelError('model failure'));
    expect(model.kept).toHaveLength(1);
    await model.kept[0]!.terminate();
    const internal = supervise(thread([failure('internal')], 'wait'));
    await expect(internal.result).rejects.toThrow('internal failure');
    expect(internal.kept).toEqual([]);
  });
});

describe('a thread in code that never returns', () => {
  it('is asked to stop, then terminated a grace period later and reported from its frame', async () => {
    const worker = thread([frame], 'hang');
    const interrupt = new AbortController();
    worker.once('message', () => interrupt.abort());
    const run = supervise(worker, { signal: interrupt.signal });
    expect(await run.result).toEqual({ frame: 'f', reason: 'interrupted', stuckIn: 'the code after f' });
    expect([run.stops, run.kept]).toEqual([['interrupted'], []]);
  });

  it('is reported stopped for the first reason, whatever comes after', async () => {
    const interrupt = new AbortController();
    const run = supervise(thread([], 'hang'), { signal: interrupt.signal, limitReached: () => 'time-limit' });
    interrupt.abort();
    expect(await run.result).toEqual({ frame: undefined, reason: 'time-limit', stuckIn: null });
    // The limit is asked again at every tick until the thread has ended.
    expect(run.stops.slice(0, 2)).toEqual(['time-limit', 'interrupted']);
  });

  it('ends as the stop would have at a failure that is the stop\'s doing, and fails at one that is not', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const slow = { signal: interrupt.signal, graceMs: 60_000 };
    const ofStop = supervise(thread([frame, failure('internal')], 'hang'), { ...slow, failureIsStop: (f) => f.error === 'internal' });
    expect(await ofStop.result).toEqual({ frame: 'f', reason: 'interrupted', stuckIn: 'the code after f' });
    const notOfStop = supervise(thread([frame, failure('internal')], 'hang'), slow);
    await expect(notOfStop.result).rejects.toThrow('internal failure');
  });
});

describe('a thread that ends unasked', () => {
  it('is a model error naming the code it was in', async () => {
    const run = supervise(thread([frame], 'exit'));
    await expect(run.result).rejects.toThrow(new ModelError('the test thread ended (exit code 7) while in the code after f'));
  });
});
