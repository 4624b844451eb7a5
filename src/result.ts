/**
 * What a check returns: the data behind the text report, `--json`, the HTML report and the
 * library API. Every field is plain JSON.
 */
import type { PropertyKind } from './model.js';
import type { StateGraph } from './stateGraphCollector.js';

/** A field that a step changed: `path` is written as in code (`flag[0]`, `msgs.commit`). */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

/** One state of a trace with the action that led to it (none for the initial state). */
export interface TraceStep {
  /** 0 for the initial state, then 1, 2, ... (the number of actions taken so far). */
  index: number;
  /** The action's name, or null for the initial state. */
  action: string | null;
  /** The actor that took it, or null for the initial state. */
  actor: string | null;
  /** What tells the action from others of its name (`rm 2`), or ''. */
  args: string;
  /** The protocol step the action is, as the model numbers it (`3`), or null (none, or the initial state). */
  step: string | null;
  /** The line the trace prints: the model's own description of the step. */
  label: string;
  /** The index of the action in the model's list (of the initial state, for step 0). */
  actionIndex: number;
  /** The whole state after the step. */
  state: unknown;
  /** The fields that differ from the previous step's state (empty for step 0). */
  changes: Change[];
}

export type PropertyStatus = 'holds' | 'violated' | 'witnessed' | 'unwitnessed' | 'unknown';

/** The verdict on one property, with its shortest counterexample or witness. */
export interface PropertyResult {
  name: string;
  kind: PropertyKind;
  doc: string;
  status: PropertyStatus;
  /** Actions in the trace (a violation's counterexample or a reachability witness), else null. */
  traceLength: number | null;
  trace: TraceStep[] | null;
  /**
   * A liveness violation's trace is a lasso: the index of the step where its loop starts. The
   * last step goes back to that step's state, and the behaviour goes round the loop forever; when
   * it is the last step itself, no action is enabled there and the behaviour stays in it forever.
   */
  loopStart?: number;
}

/** A fairness assumption the liveness properties were checked under: a group of actions, named as the model declared it. */
export interface FairnessResult {
  kind: 'weak' | 'strong';
  /** The group: an actor (`P0`), an action (`enter`), or both with the action's arguments (`P0 enter`). */
  group: string;
}

/** Per action name: distinct states first reached by it, and transitions it generated (TLC's -coverage). */
export interface ActionCoverage {
  action: string;
  distinct: number;
  generated: number;
}

/** Why the search stopped. */
export type StopReason =
  | 'exhausted' | 'decided' | 'stop-at-first' | 'max-states' | 'max-depth' | 'time-limit' | 'max-memory' | 'interrupted';

/** Everything a check found. */
export interface CheckResult {
  model: string;
  params: Record<string, unknown>;
  /** False when a bound, a limit or an interruption cut the search, or it stopped once every property was decided. */
  complete: boolean;
  stopReason: StopReason;
  distinctStates: number;
  /** Every enabled action of every expanded state, self-loops and duplicates included. */
  transitions: number;
  /** TLC's "states generated": the transitions plus the initial states. */
  statesGenerated: number;
  /** The largest number of actions from an initial state to a reachable state (TLC's depth minus 1). */
  depth: number;
  /** The worker threads asked for (`--workers`). */
  workers: number;
  /**
   * The worker threads that took part in a level (each takes a batch of every level of as many
   * batches as threads): 0 when every level was small enough to stay in the search's own thread
   * (until a level of 8 full batches starts the workers, levels do).
   */
  workersUsed: number;
  /**
   * The model's code the search was still running when it had to be stopped by force, because it
   * did not return within a second of the stop (`action 'x' of P0`); null otherwise.
   */
  stuckIn: string | null;
  /**
   * Whether the search explored every state but the liveness analysis after it was stopped (for
   * `stopReason`): the liveness properties it had not decided are unknown.
   */
  livenessStopped: boolean;
  seconds: number;
  statesPerSecond: number;
  /** Peak resident memory of the process (workers included), as the OS counts it. */
  peakMemoryBytes: number;
  /** Bytes the seen-set and parent links hold, per distinct state. */
  bytesPerState: number;
  /** Bytes the state graph held (every transition and the liveness labels of every state): 0 when no liveness property was checked. */
  stateGraphBytes: number;
  /** The fairness the liveness properties assume (empty when none is checked, or none is assumed). */
  fairness: FairnessResult[];
  /** Probability that a fingerprint collision hid a state (the birthday bound). */
  collisionProbability: number;
  /** The lanes of a swimlane view, in order. */
  actors: string[];
  properties: PropertyResult[];
  coverage: ActionCoverage[];
  /**
   * Set when the check resumed a checkpoint (`resume`): the level it went on from, the distinct
   * states then, and the seconds searched before (`seconds` counts this run only).
   */
  resumedFrom?: { level: number; distinctStates: number; seconds: number };
  /** The reachable state graph, when `stateGraphLimit` asked for it and the search explored the whole space. */
  stateGraph?: StateGraph;
}

/**
 * The exit code a result calls for: 1 if anything failed, 3 if the search was cut short with a
 * verdict unknown (or before the model's properties were even known), else 0.
 */
export function verdictOf(result: Pick<CheckResult, 'properties' | 'complete'>): 'ok' | 'violated' | 'incomplete' {
  if (result.properties.some((p) => p.status === 'violated' || p.status === 'unwitnessed')) return 'violated';
  if (!result.complete && (result.properties.length === 0 || result.properties.some((p) => p.status === 'unknown'))) return 'incomplete';
  return 'ok';
}
