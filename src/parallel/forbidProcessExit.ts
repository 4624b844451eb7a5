/**
 * In a worker thread, `process.exit()` ends only that thread, and a model that called it from an
 * action would leave the search without a word of why. While a thread runs model code (its
 * `where` word in the live status is not idle), `process.exit` throws instead, and the expander
 * reports a model error naming the action, guard or property. Outside model code it is left
 * alone: Node itself calls it to end a thread.
 */
import { ModelContractError } from '../errors.js';
import { Where } from './liveStatus.js';

let watched: { words: Int32Array<ArrayBufferLike>; word: number } | undefined;

/** Replaces this thread's `process.exit` (once). */
export function forbidProcessExit(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    if (watched && watched.words[watched.word] !== Where.idle) throw new ModelContractError(`called process.exit(${code ?? ''})`);
    return exit(code);
  }) as typeof process.exit;
}

/** Says where this thread tells whether it is running model code: a live status's `where` word. */
export function forbidExitWhile(words: Int32Array<ArrayBufferLike>, word: number): void {
  watched = { words, word };
}
