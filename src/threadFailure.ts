/**
 * An error on its way from a thread to the thread that supervises it: only plain data crosses,
 * so it travels as its kind and its one-line message and is made again on arrival, a UsageError
 * (exit 2) or a ModelError (exit 4) as it was.
 */
import { ModelError, UsageError } from './errors.js';

export interface ThreadFailure {
  kind: 'failed';
  error: 'usage' | 'model' | 'internal';
  message: string;
}

/** What a supervised thread sends: its frame once the model is built, then its result or its failure. */
export type ThreadMessage<Frame, Result> = { kind: 'frame'; frame: Frame } | { kind: 'result'; result: Result } | ThreadFailure;

/** What a thread sends of an error it caught. */
export function failureOf(error: unknown): ThreadFailure {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', error: error instanceof UsageError ? 'usage' : error instanceof ModelError ? 'model' : 'internal', message };
}

/** The error a failure a thread sent stands for. */
export function errorOf(failure: ThreadFailure): Error {
  if (failure.error === 'usage') return new UsageError(failure.message);
  if (failure.error === 'model') return new ModelError(failure.message);
  return new Error(failure.message);
}
