/**
 * The core of `simulate`: seeded random walks through a model instance. A walk starts from an
 * initial state, takes an enabled action picked uniformly at random until it reaches the depth
 * bound or a state with no enabled action, and checks the selected properties on every state it
 * visits. Distinct states are counted by fingerprint in a seen-set, as the search counts them.
 *
 * It depends on nothing but the instance and the options (no thread, no clock of its own), so
 * whichever thread runs it gives the same walks for the same seed.
 */
import { ModelError } from '../errors.js';
import { Expander } from '../expand.js';
import { fingerprint, fp } from '../fingerprint.js';
import type { Action, ModelInstance } from '../model.js';
import { readOnly, successor } from '../modelCode.js';
import { Where, whereCode } from '../parallel/liveStatus.js';
import { NO_PARENT, SeenSet } from '../seenSet.js';
import { attemptMarked } from './markedModelCode.js';
import { randomStream } from './random.js';

/** Why the walks stopped. */
export type WalksStopReason = 'runs-done' | 'violation' | 'time-limit' | 'interrupted';

export interface WalkOptions {
  runs: number;
  /** The most actions a walk takes. */
  depth: number;
  seed: number;
  /** Indices of the properties to check on every visited state. */
  properties: readonly number[];
  /** Whether a non-final state with no enabled action is a violation (the model declares final states). */
  checkDeadlock: boolean;
  /** Asked between steps: a reason to stop now, or undefined. */
  interruption: () => 'time-limit' | 'interrupted' | undefined;
  onProgress?: (progress: WalkProgress) => void;
  /**
   * Word 0 of it says which model code the walks are in (a `where` code, idle outside it), for
   * a supervisor in another thread that names that code if it never returns.
   */
  where?: Int32Array;
  /** Kept up to date at every step with the walks' progress, in WALK_PROGRESS's order, for such a supervisor. */
  counts?: Float64Array;
}

export interface WalkProgress {
  runsDone: number;
  steps: number;
  distinct: number;
  endedAtDepth: number;
  endedWithoutSuccessor: number;
}

/** The fields of WalkProgress, in the order `WalkOptions.counts` holds them. */
export const WALK_PROGRESS = ['runsDone', 'steps', 'distinct', 'endedAtDepth', 'endedWithoutSuccessor'] as const satisfies readonly (keyof WalkProgress)[];

/** Writes `progress` into `counts`, in WALK_PROGRESS's order. */
function recordProgress(counts: Float64Array, progress: WalkProgress): void {
  WALK_PROGRESS.forEach((name, i) => void (counts[i] = progress[name]));
}

/** A finding and the walk that made it: [initial state index, action, action, ...]. */
export interface WalkFinding {
  /** A property index, or the expander's deadlock code. */
  code: number;
  /** The run that found it, from 1. */
  run: number;
  path: number[];
}

export interface WalksOutcome {
  stopReason: WalksStopReason;
  /** Runs that ended, the one that found a violation included. */
  runsDone: number;
  /** Actions taken over all runs. */
  steps: number;
  distinct: number;
  /** Runs that ended at the depth bound, and runs that ended where no action was enabled. */
  endedAtDepth: number;
  endedWithoutSuccessor: number;
  /** Per action index: times taken, and distinct states it reached first. */
  taken: Float64Array;
  firstReached: Float64Array;
  /** The first invariant violation or deadlock; the walks stop there. */
  violation: WalkFinding | undefined;
  /** Per reachability property, the first walk that satisfied it. */
  witnesses: Map<number, WalkFinding>;
  /** The code a deadlock finding carries. */
  deadlockCode: number;
}

/**
 * Steps between two turns of the event loop, where Ctrl-C is heard: a turn costs a few
 * microseconds, 64 steps of the largest built-in model about 1.5 ms, so it is heard at once and costs ~1 %.
 */
const STEPS_PER_YIELD = 64;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The state `action` leads to from `state` (packed as `bytes`): a recipe runs on a private copy decoded from the bytes, as the search runs it. */
export function successorOf<S>(expander: Expander<S>, action: Action<S>, state: S, bytes: Uint8Array): S {
  return successor(action, state, () => expander.unpack(bytes));
}

/** Runs the walks; stops at the first violation, after the last run, or when `interruption` says so. */
export async function runWalks<S>(instance: ModelInstance<S>, options: WalkOptions): Promise<WalksOutcome> {
  const expander = new Expander(instance, false);
  // Deriving the layout of the states, at the first state packed, runs the model's guards and
  // actions: the walks' word names each while it runs, as a search's does.
  if (options.where) expander.watchedBy(options.where, 0);
  const { actions, properties, initialStates, isFinal } = instance;
  const seen = new SeenSet();
  const taken = new Float64Array(actions.length);
  const firstReached = new Float64Array(actions.length);
  const witnesses = new Map<number, WalkFinding>();
  const enabled: number[] = [];
  let steps = 0;
  let endedAtDepth = 0;
  let endedWithoutSuccessor = 0;
  let violation: WalkFinding | undefined;
  let stopReason: WalksStopReason = 'runs-done';
  let run = 0;

  // Model code that throws ends the walks with a one-line report naming it (from its `where`
  // code, so that the hot loop builds no strings) and the state it ran in.
  const guarded = <T>(where: number, state: unknown, f: () => T): T => {
    const outcome = attemptMarked(instance, options.where, where, f);
    if ('problem' in outcome) throw new ModelError(`${outcome.problem}; in state ${safeJson(state)} (run ${run + 1} of the walks)`);
    return outcome.value;
  };
  let ticks = 0;
  const progress = (): WalkProgress => ({ runsDone: run, steps, distinct: seen.size, endedAtDepth, endedWithoutSuccessor });

  /** Records a visited state; returns the code of the invariant it breaks, if any. */
  const visit = (state: S, bytes: Uint8Array, action: number, path: number[]): number | undefined => {
    fingerprint(bytes, 0, bytes.length);
    if (seen.insert(fp.hi, fp.lo, NO_PARENT, 0) >= 0 && action >= 0) firstReached[action]!++;
    for (const code of options.properties) {
      const property = properties[code]!;
      const holds = guarded(whereCode(Where.property, code), state, () => property.holds(readOnly(state)));
      if (property.kind === 'always' && !holds) return code;
      if (property.kind === 'sometimes' && holds && !witnesses.has(code)) witnesses.set(code, { code, run: run + 1, path: [...path] });
    }
    return undefined;
  };

  walks: for (; run < options.runs; run++) {
    const random = randomStream(options.seed, run);
    const initial = random.below(initialStates.length);
    let state: S = initialStates[initial]!;
    // Packing runs the model's own codec, or derives a layout by running its guards and actions.
    let bytes = guarded(whereCode(Where.codec), state, () => expander.pack(state));
    const path = [initial];
    let broken = visit(state, bytes, -1, path);
    for (let depth = 0; broken === undefined; depth++) {
      if (options.counts) recordProgress(options.counts, progress());
      // Every state visited counts, so that walks that end at once still let Ctrl-C in.
      if (++ticks % STEPS_PER_YIELD === 0) {
        options.onProgress?.(progress());
        await yieldToEventLoop();
      }
      const interrupted = options.interruption();
      if (interrupted) {
        stopReason = interrupted;
        break walks;
      }
      enabled.length = 0;
      for (let a = 0; a < actions.length; a++) {
        const action = actions[a]!;
        if (!action.guard || guarded(whereCode(Where.guard, a), state, () => action.guard!(readOnly(state)))) enabled.push(a);
      }
      if (enabled.length === 0) {
        endedWithoutSuccessor++;
        if (options.checkDeadlock && !guarded(whereCode(Where.isFinal), state, () => isFinal!(readOnly(state)))) broken = expander.deadlockCode;
        break;
      }
      if (depth === options.depth) {
        endedAtDepth++;
        break;
      }
      const a = enabled[random.below(enabled.length)]!;
      const action = actions[a]!;
      const next = guarded(whereCode(Where.action, a), state, () => successorOf(expander, action, state, bytes));
      // As in the search, a state that cannot be packed is reported in the state its action ran in.
      bytes = guarded(whereCode(Where.successor, a), state, () => expander.pack(next));
      state = next;
      path.push(a);
      taken[a]!++;
      steps++;
      broken = visit(state, bytes, a, path);
    }
    if (broken !== undefined) {
      violation = { code: broken, run: run + 1, path };
      stopReason = 'violation';
      run++;
      break;
    }
  }
  // Kept to the end: a supervisor that stops the thread by force later, while it shortens a finding, reports from them.
  if (options.counts) recordProgress(options.counts, progress());
  options.onProgress?.(progress());
  return {
    stopReason, runsDone: run, steps, distinct: seen.size, endedAtDepth, endedWithoutSuccessor,
    taken, firstReached, violation, witnesses, deadlockCode: expander.deadlockCode,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
