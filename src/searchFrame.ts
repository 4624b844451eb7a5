/**
 * Turning what a search found into a CheckResult. The same code serves a search that ended (with
 * its traces) and one its supervisor had to stop by force (from the live counters and tallies it
 * left behind, without traces), so the two reports cannot differ in anything but what was lost.
 */
import { countsByActionName } from './actionCounts.js';
import { collisionProbability } from './fingerprint.js';
import type { Tallies } from './parallel/liveStatus.js';
import type { LivenessVerdict } from './liveness/livenessPlan.js';
import { isLiveness, type PropertyKind } from './model.js';
import type { ActionCoverage, CheckResult, FairnessResult, PropertyResult, StopReason, TraceStep } from './result.js';

/**
 * What a result needs of the built model, known before the search starts: a search thread sends
 * it to its supervisor as soon as the model is built.
 */
export interface SearchFrame {
  model: string;
  params: Record<string, unknown>;
  actors: string[];
  /** The properties checked (deadlock included), with the code their findings carry. */
  checked: { name: string; kind: PropertyKind; doc: string; code: number }[];
  /** The fairness the liveness properties assume; none when absent. */
  fairness?: FairnessResult[];
  /** Every action and property of the model, by index: they name the code a thread is in. */
  actions: { name: string; actor: string; args?: string }[];
  properties: { name: string }[];
  /** The buffer of the search's Tallies, with its sizes. */
  tallies: { buffer: SharedArrayBuffer | ArrayBuffer; actions: number; codes: number };
}

/** The counts and the ending of a search. */
export interface SearchCounts {
  complete: boolean;
  stopReason: StopReason;
  distinctStates: number;
  transitions: number;
  initialStates: number;
  depth: number;
  bytesPerState: number;
  /** Bytes of the state graph recorded for liveness; none when absent. */
  stateGraphBytes?: number;
}

/** How the search ran. */
export interface SearchRun {
  workers: number;
  workersUsed: number;
  stuckIn: string | null;
  seconds: number;
}

/**
 * Builds the result; `traceOf` rebuilds the trace of a finding's code (null when traces are off or
 * lost); `liveness` has each liveness property's lasso or null (it holds) by code, when they were checked.
 */
export function resultOf(
  frame: SearchFrame,
  tallies: Tallies,
  counts: SearchCounts,
  run: SearchRun,
  traceOf: (code: number) => TraceStep[] | null,
  liveness?: ReadonlyMap<number, LivenessVerdict | null>,
): CheckResult {
  const verdict = ({ name, kind, doc, code }: SearchFrame['checked'][number]): PropertyResult => {
    if (isLiveness({ kind })) {
      const lasso = liveness?.get(code);
      if (lasso === undefined) return { name, kind, doc, status: 'unknown', traceLength: null, trace: null };
      if (lasso === null) return { name, kind, doc, status: 'holds', traceLength: null, trace: null };
      return { name, kind, doc, status: 'violated', ...lasso };
    }
    // A finding at BFS level k has a shortest trace of k actions; findingDepths holds k + 1.
    const found = tallies.findingDepths[code]! > 0;
    const status = found
      ? kind === 'always' ? 'violated' : 'witnessed'
      : !counts.complete ? 'unknown' : kind === 'always' ? 'holds' : 'unwitnessed';
    return { name, kind, doc, status, traceLength: found ? tallies.findingDepths[code]! - 1 : null, trace: found ? traceOf(code) : null };
  };
  return {
    model: frame.model,
    params: frame.params,
    complete: counts.complete,
    stopReason: counts.stopReason,
    distinctStates: counts.distinctStates,
    transitions: counts.transitions,
    statesGenerated: counts.transitions + counts.initialStates,
    depth: counts.depth,
    workers: run.workers,
    workersUsed: run.workersUsed,
    stuckIn: run.stuckIn,
    livenessStopped: false,
    seconds: run.seconds,
    statesPerSecond: run.seconds > 0 ? Math.round(counts.distinctStates / run.seconds) : counts.distinctStates,
    peakMemoryBytes: peakResidentBytes(),
    bytesPerState: counts.bytesPerState,
    stateGraphBytes: counts.stateGraphBytes ?? 0,
    fairness: frame.fairness ?? [],
    collisionProbability: collisionProbability(counts.distinctStates),
    actors: frame.actors,
    properties: frame.checked.map(verdict),
    coverage: coverageOf(frame, tallies),
  };
}

function coverageOf(frame: SearchFrame, tallies: Tallies): ActionCoverage[] {
  return countsByActionName(frame.actions, { distinct: tallies.firstReached, generated: tallies.generated });
}

let peakRead = { at: 0, bytes: 0 };

/**
 * The process's peak resident set as the OS counts it (getrusage), read at most every 100 ms:
 * a read costs about 0.3 ms, more than a whole check of the sweep's small configurations.
 */
function peakResidentBytes(): number {
  if (Date.now() - peakRead.at > 100) peakRead = { at: Date.now(), bytes: process.resourceUsage().maxRSS * 1024 };
  return peakRead.bytes;
}
