/**
 * What a running search shares with the thread that supervises it, in one SharedArrayBuffer: a
 * stop flag the search polls between states and actions, its counters, and for every thread that
 * runs the model's code, which piece of that code it is in. The supervisor reads it without asking
 * the search anything, so it can still report when the model's code never returns.
 */
import { describeAction, type Action } from '../model.js';
import type { StopReason } from '../result.js';

/** What a thread is running, in the high bits of its `where` word; the low bits hold an index. */
export const Where = {
  idle: 0,
  build: 1,
  guard: 2,
  action: 3,
  property: 4,
  isFinal: 5,
  codec: 6,
  /** Packing the state an action made (the index is the action's). */
  successor: 7,
} as const;

const KIND_SHIFT = 24;
const INDEX_MASK = (1 << KIND_SHIFT) - 1;

/** A `where` word: the kind of model code and the action's or property's index. */
export const whereCode = (kind: number, index = 0): number => (kind << KIND_SHIFT) | index;
export const whereKind = (code: number): number => code >>> KIND_SHIFT;
export const whereIndex = (code: number): number => code & INDEX_MASK;

/** The model's code a `where` word names, as reports print it. */
export function describeWhere(
  model: { actions: readonly Pick<Action<unknown>, 'name' | 'actor' | 'args'>[]; properties: readonly { name: string }[] },
  code: number,
): string {
  const index = whereIndex(code);
  switch (whereKind(code)) {
    case Where.build: return "the model's build (its initial states)";
    case Where.guard: return `the guard of ${describeAction(model.actions[index]!)}`;
    case Where.action: return describeAction(model.actions[index]!);
    case Where.property: return `property '${model.properties[index]!.name}'`;
    case Where.isFinal: return 'isFinal';
    case Where.codec: return "the model's codec or canonicalize";
    case Where.successor: return `the state made by ${describeAction(model.actions[index]!)}`;
    default: return 'the engine';
  }
}

/** Why a supervisor asked the search to stop, as the flag holds it (0: go on). */
const STOP_REASONS: readonly StopReason[] = ['exhausted', 'interrupted', 'time-limit', 'max-memory'];

// Int32 words, each alone on a line of LINE bytes: the stop flag, the next free thread slot, then
// one `where` word per thread. Each expanding thread stores its `where` word several times per
// transition, and every thread reads the stop flag per action: words that shared a cache line
// made the line move between cores at every store, which cost two workers about half again the
// thread time of one (false sharing). 128 bytes, since a core fetches lines in pairs.
const LINE = 128;
const STRIDE = LINE / 4;
/** The stop flag's index in `words`: 0 while the search may go on. */
export const STOP_WORD = 0;
const STOP = STOP_WORD;
const NEXT_SLOT = STRIDE;
/** 1 once the search thread took part in a shared level: stored once, so it shares NEXT_SLOT's line. */
const SEARCH_SHARED = NEXT_SLOT + 1;
const FIRST_SLOT = 2 * STRIDE;
// Float64 counters, on the lines after the Int32 words: the search thread writes them per batch.
const COUNTERS = ['distinct', 'transitions', 'initialStates', 'level', 'queue', 'seenBytes'] as const;
type Counter = (typeof COUNTERS)[number];

/** The index in `words` of thread slot `slot`'s `where` word. */
const slotWord = (slot: number): number => FIRST_SLOT + slot * STRIDE;
/** Bytes for the words of `threads` threads, that is where the counters start. */
const wordBytes = (threads: number): number => slotWord(threads) * 4;

export class LiveStatus {
  /** Int32 words: flag, slot counter and `where` words; the expander writes into it directly. */
  readonly words: Int32Array;
  private readonly counters: Float64Array;

  /** @param buffer a SharedArrayBuffer to share with other threads, or an ArrayBuffer for a search in this thread */
  private constructor(readonly buffer: SharedArrayBuffer | ArrayBuffer, readonly threads: number) {
    this.words = new Int32Array(buffer, 0, slotWord(threads));
    this.counters = new Float64Array(buffer, wordBytes(threads), COUNTERS.length);
  }

  /**
   * Room for the threads of a search on `workers` workers: the search thread, which expands
   * batches too, and the `workers - 1` threads of its pool. Shared unless `local`.
   */
  static create(workers: number, local = false): LiveStatus {
    const threads = Math.max(1, workers);
    const bytes = wordBytes(threads) + 8 * COUNTERS.length;
    return new LiveStatus(local ? new ArrayBuffer(bytes) : new SharedArrayBuffer(bytes), threads);
  }

  /** The same status seen from another thread. */
  static of(buffer: SharedArrayBuffer | ArrayBuffer, threads: number): LiveStatus {
    return new LiveStatus(buffer, threads);
  }

  /** Asks the search to stop; the first reason given is kept. */
  requestStop(reason: StopReason): void {
    Atomics.compareExchange(this.words, STOP, 0, STOP_REASONS.indexOf(reason));
  }

  /** Why the search was asked to stop, or undefined. */
  stopRequested(): StopReason | undefined {
    const code = Atomics.load(this.words, STOP);
    return code === 0 ? undefined : STOP_REASONS[code];
  }

  /** The index in `words` of the search thread's `where` word. */
  get searchWord(): number {
    return slotWord(0);
  }

  /**
   * Takes the `where` word of a worker thread of the pool, when it first expands a batch. A pool
   * replaces a thread that died, so there may be more claims than slots: the last slot is shared.
   */
  claimWord(): number {
    return slotWord(Math.min(this.threads - 1, Atomics.add(this.words, NEXT_SLOT, 1) + 1));
  }

  /** Says that the search thread expanded batches of a shared level beside the pool's threads. */
  searchTookPart(): void {
    Atomics.store(this.words, SEARCH_SHARED, 1);
  }

  /**
   * How many threads expanded batches of a shared level: the pool's (each takes its word when it
   * first joins one) and the search thread. 0 when every level stayed in the search thread alone.
   */
  workersUsed(): number {
    return Atomics.load(this.words, NEXT_SLOT) + Atomics.load(this.words, SEARCH_SHARED);
  }

  /** What each thread is in, as `where` words, the search's first. */
  whereAll(): number[] {
    return Array.from({ length: this.threads }, (_, i) => Atomics.load(this.words, slotWord(i)));
  }

  set(counter: Counter, value: number): void {
    this.counters[COUNTERS.indexOf(counter)] = value;
  }

  get(counter: Counter): number {
    return this.counters[COUNTERS.indexOf(counter)]!;
  }
}

/**
 * Per-action and per-property tallies of a search, in buffers that outlive it: which action
 * generated and first reached how many states, and at which depth each property was first found
 * (0: not yet; else depth + 1). A search stopped by force is still reported with them.
 */
export class Tallies {
  readonly generated: Float64Array;
  readonly firstReached: Float64Array;
  readonly findingDepths: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer | ArrayBuffer, readonly actions: number, readonly codes: number) {
    this.generated = new Float64Array(buffer, 0, actions);
    this.firstReached = new Float64Array(buffer, 8 * actions, actions);
    this.findingDepths = new Float64Array(buffer, 16 * actions, codes);
  }

  static create(actions: number, codes: number, local: boolean): Tallies {
    const bytes = 8 * (2 * actions + codes);
    return new Tallies(local ? new ArrayBuffer(bytes) : new SharedArrayBuffer(bytes), actions, codes);
  }
}
