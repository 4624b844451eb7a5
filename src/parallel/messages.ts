/**
 * What cocomc's threads send each other. The worker protocol: what an expander is asked of a batch
 * of packed states (what to check in them, where to claim their successors), the run of batches a
 * level is handed out as (in shared memory when worker threads take its batches), and what comes
 * back (successors, findings, counts), whichever thread expands it; everything is typed arrays and
 * numbers, cheap to copy between threads. Then the search thread's: the check the
 * supervisor hands it, and what it answers.
 */
import type { CheckOptions } from '../check.js';
import type { CheckResult } from '../result.js';
import type { SearchFrame } from '../searchFrame.js';
import type { ThreadMessage } from '../threadFailure.js';
import type { ModelRef } from '../modelRef.js';

/** A run of packed states: state i is bytes[ends[i-1] ?? start, ends[i]). */
export interface PackedStates {
  bytes: Uint8Array;
  ends: Uint32Array;
  /** Where the first state begins: 0 when absent. */
  start?: number;
}

/** Packed states in shared memory: another thread that is sent them reads them where they are. */
export interface SharedPackedStates extends PackedStates {
  bytes: Uint8Array<SharedArrayBuffer>;
  ends: Uint32Array<SharedArrayBuffer>;
}

/** What the main thread asks of one batch. */
export interface BatchRequest extends PackedStates {
  /** Indices of the properties still undecided: only these are evaluated. */
  properties: Int32Array;
  /** False at the depth bound: states are checked and their enabled actions counted, no successor made. */
  generate: boolean;
  /** Whether a non-final state with no enabled action is reported. */
  checkDeadlock: boolean;
  /**
   * Where to claim each successor (see `FingerprintTable`), sending back only those whose claim
   * holds; absent when every successor is wanted (a state graph wants every edge).
   */
  claims?: ClaimRequest;
  /** Send self-loops too, as successors equal to their parent (a state graph for liveness needs them). */
  selfLoops: boolean;
  /** Indices of the liveness properties whose predicates label each state (see `BatchResult.labels`). */
  liveness: Int32Array;
}

/** The claims of one batch's successors. */
export interface ClaimRequest {
  /** The seen-set's table (`FingerprintTable.buffer`). */
  table: SharedArrayBuffer;
  epoch: number;
  /** The key of the batch's first state's first action: the key of state i's action a is firstKey + i * actions + a. */
  firstKey: number;
}

/** What every batch of a run asks, apart from its states and claims (see BatchRequest). */
export type BatchAsk = Omit<BatchRequest, keyof PackedStates | 'claims'>;

/**
 * A run of a level's states cut into batches that are expanded alike: what the search hands a
 * runner, which makes each batch's request (`batchRequest`) wherever it expands it.
 */
export interface BatchRun {
  /** The run's states (the frontier's own buffers): state i is bytes[ends[i-1] ?? start, ends[i]). */
  states: PackedStates;
  /** Where each batch starts, as an index into the run's states: batch k ends where k + 1 starts, the last with the run. */
  starts: Uint32Array;
  ask: BatchAsk;
  /** Where the batches claim their successors: the key of the run's first transition, and how many keys a state takes (the model's actions). */
  claims?: ClaimRequest & { keysPerState: number };
}

/** A run whose states are in shared memory, with the counters by which the threads that expand it take batches. */
export interface SharedBatchRun extends BatchRun {
  states: SharedPackedStates;
  /** The words by which the threads take batches: where the search thread is, the pool's threads that joined, the batches left, the search thread's cost per state, whether the run is closed (see `batchRun.ts`). */
  control: Int32Array<SharedArrayBuffer>;
  /** 1 for each batch some thread took: the search thread takes them in order, the pool's ahead of it. */
  taken: Int32Array<SharedArrayBuffer>;
  /** The pool's threads that join the run (the search thread takes part without joining: see `takeInOrder`). */
  threads: number;
}

/** What every worker thread of a search starts with (its `workerData`). */
export interface ExpandWorkerData {
  /**
   * The packed sample of states the search thread derived its codec from, if it derived one: each
   * worker derives the same codec from it without sampling again, which runs the model's code.
   */
  codecSample?: readonly Uint8Array[];
  /** The model each thread loads as soon as it starts, before the search asks it anything. */
  model?: ModelRef;
  /** Word 0 counts the threads that loaded it and made their codec: the search reads it without waiting for a message. */
  prepared?: Int32Array<SharedArrayBuffer>;
}

/** One batch's result, as a worker thread sends it, as soon as it is made, while it expands a shared run. */
export interface RunBatchResult {
  batch: number;
  result: BatchResult;
}

/** Where a model's code failed, for a one-line report naming the action, the actor and the state. */
export interface ModelFault {
  /** What went wrong, as a clause: `threw: counter overflow`, `returned undefined, not a boolean`. */
  message: string;
  where: string;
  state: string;
}

/** The successors and findings of one batch. */
export interface BatchResult {
  /** Enabled (state, action) pairs, self-loops included. */
  transitions: number;
  /** Enabled pairs not taken because the request said not to generate (the depth bound). */
  unexplored: number;
  /** Per action index, how many times it was enabled. */
  generated: Uint32Array;
  /** Successors, self-loops only when the request asks for them: bytes[ends[i-1] ?? 0, ends[i]). */
  successors: PackedStates;
  /** Per successor: the parent's index in the batch, the action index, and the fingerprint's two halves. */
  meta: Uint32Array;
  /** Findings as (state index in the batch, code): a property index, or `deadlockCode`. */
  findings: Uint32Array;
  /**
   * Per expanded state, one byte per property of `request.liveness`: `HOLDS` if its `holds` is
   * true there, `FROM` if its `from` is (always, for a property without one).
   */
  labels: Uint8Array;
  /** The search was asked to stop: only the first `expanded` states of the batch were expanded (the last perhaps partly). */
  stopped: boolean;
  /** The table of claims was full: only the first `expanded` states of the batch were expanded, each wholly. */
  full: boolean;
  expanded: number;
  /**
   * Whether the batch was expanded after every batch before it had claimed its successors (in the
   * search's own thread, in order): a claim its expander kept is then final, and the search need
   * not read it back from the table. The runner that knows it sets it.
   */
  claimsFinal: boolean;
  fault?: ModelFault;
}

/**
 * The options the supervisor keeps: callbacks and the signal cannot cross threads, and it applies
 * the time and memory limits itself (the parameters travel resolved, in the job).
 */
export type SupervisorOptions = 'params' | 'signal' | 'onProgress' | 'onState' | 'onEdge' | 'timeLimit' | 'maxMemory';

/** The options a search thread takes: every other option of CheckOptions, which it applies itself. */
export type SearchThreadOptions = Omit<CheckOptions, SupervisorOptions> & { workers: number };

/** What the supervisor sends the search thread. */
export interface SearchJob {
  module: string;
  name: string;
  params: unknown;
  options: SearchThreadOptions;
  live: SharedArrayBuffer;
  threads: number;
  heapMiB: number;
  /** When the check started (Date.now()), so that its seconds count the thread's start too. */
  started: number;
}

/** What the search thread sends back: the frame once the model is built, then a result or an error. */
export type SearchMessage = ThreadMessage<SearchFrame, CheckResult>;
