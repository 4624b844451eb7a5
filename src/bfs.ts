/**
 * Level-synchronous breadth-first search. Each level is cut into batches that the runner expands
 * (in this thread or in workers). The expanders claim their successors in the seen-set's shared
 * table themselves (see `FingerprintTable`), and this thread takes the results in batch order and
 * numbers the successors whose claim held: so the transition that first reached a state, its
 * number and every count are those of a sequential BFS, whatever the number of workers. A finding
 * at level k therefore has a shortest trace, and among equally short ones the first in BFS order.
 */
import type { BatchResult, BatchRun } from './parallel/messages.js';
import { ModelError } from './errors.js';
import { Frontier } from './frontier.js';
import type { LiveStatus, Tallies } from './parallel/liveStatus.js';
import { NO_PARENT, SeenSet } from './seenSet.js';
import { FingerprintTable, FIRST_EPOCH, MAX_KEY } from './fingerprintTable.js';
import type { StopReason } from './result.js';

/** Expands batches and hands back their results in batch order. */
export interface BatchRunner {
  /** @param wholeBatches how many of the run's batches a level cut into full batches only would have: what is worth sharing */
  expandAll(run: BatchRun, wholeBatches: number): AsyncIterable<BatchResult>;
  /** Whether other threads read a level's states where the search keeps them: its frontiers are then in shared memory. */
  readonly sharesLevels: boolean;
  /** Resolves once no batch is being expanded, including those whose results the search stopped reading. */
  idle(): Promise<void>;
  /**
   * Writes to every page of a buffer no thread uses yet, before the search fills it: the first
   * touch of a page is a fault, which threads take side by side (see `firstTouch.ts`). A runner
   * in one thread leaves it to whatever fills the buffer.
   */
  touchPages(buffer: SharedArrayBuffer): Promise<void>;
}

/** A finding's code (a property index, or the deadlock code) and the first state that made it. */
export interface Finding {
  stateId: number;
  depth: number;
}

export interface Progress {
  level: number;
  distinct: number;
  transitions: number;
  /** States of the current level not yet expanded. */
  queue: number;
  seconds: number;
}

/** The whole state of a search between two levels: enough to go on from there as if never stopped. */
export interface LevelBoundary {
  seen: SeenSet;
  /** The states of `level`, the next to expand. */
  frontier: Frontier;
  findings: Map<number, Finding>;
  transitions: number;
  initialStates: number;
  level: number;
  /** The number of the first state of `level`: every state before it was expanded. */
  levelStart: number;
}

export interface SearchOptions {
  /** Property indices to check (the deadlock code included when deadlocks are checked). */
  codes: readonly number[];
  /** Codes of reachability properties: a finding witnesses them rather than violating them. */
  witnessCodes: ReadonlySet<number>;
  deadlockCode: number;
  checkDeadlock: boolean;
  stopAtFirst: boolean;
  /** Go on to the end of the space even when every property is decided. */
  exhaustive: boolean;
  maxStates?: number;
  maxDepth?: number;
  batchSize: number;
  /**
   * Asked between batches, and whenever a batch comes back stopped: a reason to stop now (time
   * limit, Ctrl-C), or undefined. Expanders stop within a batch when the live status's flag is up.
   */
  interruption: () => StopReason | undefined;
  /** Where the counters are kept for a supervisor to read while the search runs. */
  live: LiveStatus;
  /** Where per-action counts and the findings' depths are kept (they outlive a search stopped by force). */
  tallies: Tallies;
  onProgress?: (progress: Progress) => void;
  /** Called for every state when it is first seen, with its number and packed bytes. */
  onState?: (id: number, bytes: Uint8Array) => void;
  /** Called for every transition that leaves its state (self-loops are not sent back by the expander). */
  onEdge?: (from: number, to: number, action: number) => void;
  /** Where to start instead of the initial states: a boundary `atLevelBoundary` was given (the tallies then hold its counts). */
  resume?: LevelBoundary;
  /** Called between two levels when there is a next one; the search goes on once it has returned. */
  atLevelBoundary?: (boundary: LevelBoundary) => void | Promise<void>;
  /** Send self-loops to `onEdge` too: every enabled action of every state is then one call. */
  selfLoops?: boolean;
  /** Liveness properties whose predicates label every expanded state (see `BatchResult.labels`). */
  liveness?: Int32Array;
  /** Called with each batch's labels; batches come in order, so labels come in the order of state numbers. */
  onLabels?: (labels: Uint8Array) => void;
}

export interface SearchOutcome {
  seen: SeenSet;
  findings: Map<number, Finding>;
  transitions: number;
  initialStates: number;
  depth: number;
  complete: boolean;
  stopReason: StopReason;
}

/**
 * States per batch in a level. Near `maxStates` the batches shrink to what the remaining budget
 * allows at the mean number of transitions per state so far, so that the limit is reached within
 * a batch or two rather than after a whole batch of successors (one state of a large model has
 * thousands). Counts decide it, never timing: the batches, and so every count, are the same
 * whatever the number of workers.
 */
function batchSizeFor(
  options: Pick<SearchOptions, 'batchSize' | 'maxStates'>,
  distinct: number,
  transitions: number,
  expandedStates: number,
): number {
  if (options.maxStates === undefined || expandedStates === 0) return options.batchSize;
  const perState = Math.max(1, transitions / expandedStates);
  return Math.max(1, Math.min(options.batchSize, Math.ceil((options.maxStates - distinct) / perState)));
}

/** The smallest batch the end of a level is cut into: a round trip to a worker thread costs about a batch of this size. */
const LEAST_TAIL_BATCH = 64;

/**
 * Where the batches of states [from, to) start: `size` states each, but never more than an eighth
 * of the states left (nor fewer than LEAST_TAIL_BATCH), so that a level ends in small batches and
 * no worker waits long for another's last big one before the next level starts. Counts decide it,
 * never the number of workers.
 */
function batchStarts(from: number, to: number, size: number): number[] {
  const starts: number[] = [];
  for (let at = from; at < to; at += Math.min(size, Math.max(LEAST_TAIL_BATCH, Math.ceil((to - at) / 8)))) starts.push(at);
  return starts;
}

/**
 * The entries the table must have room for before `states` states of a level are expanded: one
 * for each new state their successors reach, which the threads' claims insert as they expand. A
 * level makes as many times more states than it has as it has times more than the level before
 * it (measured on Flip(32): 2.96 times, then 2.17, 1.59, 1.16); never fewer than it has. A
 * table that fills up all the same stops the level's batches, and those the pool's threads had
 * expanded past the one that found it full are expanded again once it has grown: without this,
 * level 5 of Flip(32) filled the table after 49,152 of its 95,680 states, and level 6 after
 * 49,152 to 77,824 of its 283,360.
 */
function roomFor(states: number, level: number, levelBefore: number | undefined): number {
  return Math.ceil(states * Math.max(1, levelBefore === undefined ? 1 : level / levelBefore));
}

/**
 * Makes room in the seen-set's table for `more` entries, when no batch is out: a grown table's
 * pages are first touched by all the runner's threads at once, then its entries moved in.
 */
async function makeRoom(seen: SeenSet, more: number, runner: BatchRunner): Promise<void> {
  const capacity = seen.growthFor(more);
  if (capacity === undefined) return;
  const buffer = FingerprintTable.allocate(capacity);
  await runner.touchPages(buffer);
  seen.makeRoom(more, buffer);
}

/** Where a batch's successors are numbered (see `numberSuccessors`). */
interface Numbering {
  seen: SeenSet;
  /** The next level's states. */
  next: Frontier;
  options: SearchOptions;
  firstReached: Tallies['firstReached'];
  /** Whether the expanders claimed the successors (else every edge is wanted, and numbered here). */
  claiming: boolean;
  actionCount: number;
  /** The number of the batch's first state. */
  base: number;
  /** The claim key of the batch's first state's first action. */
  firstKey: number;
}

/**
 * Numbers a batch's successors that reached their states first, in order, and queues them for the
 * next level; false if `maxStates` stopped it. A function of its own, as the loop the search
 * spends its time in, so that the JIT compiles it and not the whole search around it.
 */
function numberSuccessors(result: BatchResult, { seen, next, options, firstReached, claiming, actionCount, base, firstKey }: Numbering): boolean {
  const { meta, successors, claimsFinal } = result;
  for (let s = 0, start = 0; s < successors.ends.length; start = successors.ends[s]!, s++) {
    const index = meta[4 * s]!;
    const action = meta[4 * s + 1]!;
    const hi = meta[4 * s + 2]!;
    const lo = meta[4 * s + 3]!;
    // Every transition of a key below this one has been claimed (the batches before this one
    // are done), so the claim is final: this transition reached the state first, or another did.
    // A batch expanded when every earlier one was done kept only the claims that are final.
    if (claiming && !claimsFinal && seen.table.claimOf(hi, lo) !== firstKey + index * actionCount + action) continue;
    if (options.maxStates !== undefined && seen.size >= options.maxStates && (claiming || !seen.has(hi, lo))) return false;
    const parent = base + index;
    const id = claiming ? seen.append(hi, lo, parent, action) : seen.insert(hi, lo, parent, action);
    if (id >= 0) {
      next.push(successors.bytes, start, successors.ends[s]!);
      firstReached[action]!++;
      options.onState?.(id, successors.bytes.subarray(start, successors.ends[s]!));
    }
    options.onEdge?.(parent, id >= 0 ? id : ~id, action);
  }
  return true;
}

/** Runs the search from the packed initial states. */
export async function search(
  initial: readonly Uint8Array[],
  initialFingerprints: readonly { hi: number; lo: number }[],
  actionCount: number,
  runner: BatchRunner,
  options: SearchOptions,
): Promise<SearchOutcome> {
  const started = Date.now();
  const { live, resume } = options;
  const seen = resume?.seen ?? new SeenSet();
  const findings = resume?.findings ?? new Map<number, Finding>();
  const { generated, firstReached, findingDepths } = options.tallies;
  let transitions = resume?.transitions ?? 0;
  let stopReason: StopReason | undefined;

  let frontier = resume?.frontier ?? new Frontier(runner.sharesLevels);
  let spare = new Frontier(runner.sharesLevels);
  if (!resume) initial.forEach((bytes, i) => {
    const { hi, lo } = initialFingerprints[i]!;
    const id = seen.insert(hi, lo, NO_PARENT, i);
    if (id < 0) return;
    frontier.push(bytes, 0, bytes.length);
    options.onState?.(id, bytes);
  });
  const initialStates = resume?.initialStates ?? seen.size;
  live.set('initialStates', initialStates);
  live.set('distinct', seen.size);
  live.set('transitions', transitions);

  // Expanders claim their successors in the seen-set's table unless every edge is wanted, which
  // the search thread must number itself.
  const claiming = options.onEdge === undefined;
  const epochStates = Math.max(1, Math.floor(MAX_KEY / Math.max(1, actionCount)));
  let nextEpoch = FIRST_EPOCH;
  let level = resume?.level ?? 0;
  let levelStart = resume?.levelStart ?? 0;
  /** The number of states of the level before, once this search expanded it. */
  let levelBefore: number | undefined;
  let depth = 0;
  const decided = (code: number): boolean => findings.has(code);

  while (frontier.count > 0) {
    depth = level;
    live.set('level', level);
    const generate = options.maxDepth === undefined || level < options.maxDepth;
    const pending = options.codes.filter((code) => !decided(code));
    const properties = Int32Array.from(pending.filter((code) => code !== options.deadlockCode));
    const checkDeadlock = options.checkDeadlock && !decided(options.deadlockCode);
    const next = spare;
    const current = frontier;
    const batchSize = batchSizeFor(options, seen.size, transitions, levelStart);
    const liveness = options.liveness ?? new Int32Array(0);
    let enabledAtBound = false;

    // The level's states go in epochs, each a run of states whose claim keys fit in 32 bits (see
    // `FingerprintTable`): one epoch per level unless a level has billions of transitions.
    // Between epochs no thread expands, so the table may grow.
    let epoch = 0;
    let epochStart = 0;
    let epochEnd = 0;
    for (let from = 0; from < current.count && !stopReason;) {
      if (from === epochEnd) {
        epoch = nextEpoch++;
        epochStart = from;
        epochEnd = Math.min(current.count, from + epochStates);
        if (claiming) await makeRoom(seen, roomFor(epochEnd - from, current.count, levelBefore), runner);
      }
      const starts = batchStarts(from, epochEnd, batchSize);
      const run: BatchRun = {
        states: current.slice(from, epochEnd),
        starts: Uint32Array.from(starts, (at) => at - from),
        ask: { properties, generate, checkDeadlock, selfLoops: options.selfLoops ?? false, liveness },
        claims: claiming ? { table: seen.table.buffer, epoch, firstKey: (from - epochStart) * actionCount, keysPerState: actionCount } : undefined,
      };
      // Whether the level is worth other threads goes by whole batches: the small ones at its end are not more work.
      const wholeBatches = Math.ceil((epochEnd - from) / batchSize);

      let batch = 0;
      let full = false;
      for await (const result of runner.expandAll(run, wholeBatches)) {
        if (result.fault) {
          const { message, where, state } = result.fault;
          throw new ModelError(`${where} ${message}; in state ${state}`);
        }
        const batchStart = starts[batch++]!;
        const base = levelStart + batchStart;
        options.onLabels?.(result.labels);
        for (let i = 0; i < result.findings.length; i += 2) {
          const code = result.findings[i + 1]!;
          if (findings.has(code)) continue;
          findings.set(code, { stateId: base + result.findings[i]!, depth: level });
          findingDepths[code] = level + 1;
        }
        transitions += result.transitions;
        for (let a = 0; a < actionCount; a++) generated[a]! += result.generated[a]!;
        if (result.unexplored > 0) enabledAtBound = true;
        if (!numberSuccessors(result, { seen, next, options, firstReached, claiming, actionCount, base, firstKey: (batchStart - epochStart) * actionCount })) {
          stopReason = 'max-states';
        }
        from = batchStart + result.expanded;
        live.set('distinct', seen.size);
        live.set('transitions', transitions);
        live.set('queue', current.count - from);
        live.set('seenBytes', seen.bytes);
        options.onProgress?.({ level, distinct: seen.size, transitions, queue: current.count - from, seconds: (Date.now() - started) / 1000 });
        stopReason ??= options.interruption() ?? (result.stopped ? 'interrupted' : undefined);
        if (stopReason) break;
        if (result.full) {
          full = true;
          break;
        }
      }
      // Else from where the table filled up, in the same epoch: claims already made hold again.
      if (full) {
        // The batches still out claim in the table: they must be done before it grows.
        await runner.idle();
        await makeRoom(seen, seen.table.size, runner);
      }
      else if (!stopReason) from = epochEnd;
    }
    if (stopReason) break;
    if (!generate) {
      if (enabledAtBound) stopReason = 'max-depth';
      break;
    }
    if (options.stopAtFirst && [...findings.keys()].some((code) => !options.witnessCodes.has(code))) {
      stopReason = 'stop-at-first';
      break;
    }
    if (!options.exhaustive && options.codes.length > 0 && options.codes.every(decided)) {
      stopReason = 'decided';
      break;
    }
    levelStart += current.count;
    levelBefore = current.count;
    // The two levels' buffers take turns: the one just expanded holds the level after next.
    frontier = next;
    spare = current;
    spare.clear();
    level++;
    if (frontier.count > 0) await options.atLevelBoundary?.({ seen, frontier, findings, transitions, initialStates, level, levelStart });
  }

  return {
    seen, findings, transitions, initialStates, depth,
    complete: stopReason === undefined,
    stopReason: stopReason ?? 'exhausted',
  };
}
