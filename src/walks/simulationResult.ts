/**
 * What a simulation returns: the data behind its text report, `--json`, `--html` and `--itf`.
 * Every field is plain JSON. A simulation samples behaviours: an invariant it did not see broken
 * has status `unknown`, never `holds`.
 */
import type { PropertyResult } from '../result.js';
import type { WalksStopReason } from './walk.js';

/** Per action name: how often the walks took it, and how many distinct states it reached first. */
export interface WalkCoverage {
  action: string;
  taken: number;
  distinct: number;
}

/** Where the first violation came from and how its trace was obtained. */
export interface SimulationViolation {
  property: string;
  /** The run that found it, from 1 (run r is reproduced by the same seed, whatever --runs). */
  run: number;
  /** Actions in the walk that found it. */
  walkLength: number;
  /** Actions left once the steps the violation does not need are dropped from the walk. */
  reducedLength: number;
  /** Actions in the trace reported: the reduced walk's, or a shorter one the bounded search found. */
  traceLength: number;
  /** True when no behaviour is shorter: the bounded search found this trace or explored every shorter one. */
  shortest: boolean;
  /**
   * What the bounded breadth-first search around the walk did; `stuckIn` names the model code it
   * was stopped in by force, as it did not return (null when it stopped itself).
   */
  search: { distinctStates: number; complete: boolean; stopReason: string; stuckIn: string | null } | null;
}

/**
 * A violation the walks found whose trace was lost: the thread was stopped by force (it did not
 * return) while it shortened the walk. The walks are reproducible from the seed.
 */
export interface UntracedViolation {
  property: string;
  run: number;
  walkLength: number;
}

export interface SimulationResult {
  model: string;
  params: Record<string, unknown>;
  seed: number;
  /** The runs asked for, and the most actions a walk takes. */
  runs: number;
  depth: number;
  stopReason: WalksStopReason;
  /** Runs that ended (the one that found the violation included; not one cut short). */
  runsDone: number;
  /** Actions taken over all runs. */
  steps: number;
  /** Distinct states visited, counted by fingerprint. */
  distinctStates: number;
  /** Runs that stopped at the depth bound, and at a state with no enabled action. */
  endedAtDepth: number;
  endedWithoutSuccessor: number;
  violation: SimulationViolation | null;
  /** A violation found but not traced (see UntracedViolation); `violation` is then null. */
  untracedViolation: UntracedViolation | null;
  /** Violated (with the trace), witnessed (with the walk that reached it), or unknown. */
  properties: PropertyResult[];
  coverage: WalkCoverage[];
  /** The lanes of a swimlane view, in order. */
  actors: string[];
  seconds: number;
  /** The model code the walks were stopped in by force, as it did not return; null when they stopped themselves. */
  stuckIn: string | null;
}

/** The exit code's word: a violation, walks cut short (time limit, Ctrl-C), or every run ended without one. */
export function simulationVerdict(result: Pick<SimulationResult, 'stopReason' | 'untracedViolation'>): 'ok' | 'violated' | 'incomplete' {
  if (result.stopReason === 'violation' || result.untracedViolation) return 'violated';
  return result.stopReason === 'runs-done' ? 'ok' : 'incomplete';
}
