/**
 * The limits every check honours whatever its model does: Ctrl-C (an abort signal), a time limit
 * and a memory limit. Which one is reached is a pure question of the clock, the signal and the
 * process's resident memory; who asks it (a supervisor's timer, or the search between batches)
 * is the caller's business.
 */
import { totalmem } from 'node:os';
import type { StopReason } from './result.js';

export interface Limits {
  signal?: AbortSignal;
  /** Date.now() past which the search stops (Infinity: none). */
  deadline: number;
  /** Resident memory past which the search stops. */
  maxMemoryBytes: number;
}

const MiB = 2 ** 20;

/**
 * The memory limit when none is given: half the machine's memory (or of the container's limit,
 * when lower), in MiB. Half leaves room for the rest of the machine and for the report, which
 * still has to be built once the limit is hit.
 */
export function defaultMaxMemoryMiB(): number {
  // Read once: reading the container's limit costs about 40 µs, and the sweep runs thousands of checks.
  if (defaultMiB === undefined) {
    const constrained = process.constrainedMemory?.() ?? 0;
    const available = constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
    defaultMiB = Math.floor(available / 2 / MiB);
  }
  return defaultMiB;
}

let defaultMiB: number | undefined;

/** The limits of a check that started at `started` (Date.now()), from its options. */
export function limitsOf(options: { signal?: AbortSignal; timeLimit?: number; maxMemory?: number }, started: number): Limits {
  return {
    signal: options.signal,
    deadline: options.timeLimit === undefined ? Infinity : started + options.timeLimit * 1000,
    maxMemoryBytes: (options.maxMemory ?? defaultMaxMemoryMiB()) * MiB,
  };
}

/** The limit the run has reached, given its resident memory now, or undefined. */
export function limitReached(limits: Limits, residentBytes: number): StopReason | undefined {
  if (limits.signal?.aborted) return 'interrupted';
  if (Date.now() > limits.deadline) return 'time-limit';
  if (residentBytes > limits.maxMemoryBytes) return 'max-memory';
  return undefined;
}

let residentRead = { at: 0, bytes: 0 };

/** The process's resident memory (every thread's, and buffers outside the JS heap), read at most every 50 ms. */
export function residentBytes(): number {
  if (Date.now() - residentRead.at > 50) residentRead = { at: Date.now(), bytes: process.memoryUsage.rss() };
  return residentRead.bytes;
}
