/**
 * What a check does for its liveness properties: refuses what would make their verdicts unsound,
 * records the state graph while the search runs, and once a complete search is over, finds each
 * property's lasso (replayed into a trace), or that it has none.
 */
import { UsageError } from '../errors.js';
import { isLiveness, type ModelInstance, type Property } from '../model.js';
import type { FairnessResult, StopReason, TraceStep } from '../result.js';
import { NO_PARENT, type SeenSet } from '../seenSet.js';
import { traceFromPath } from '../trace.js';
import { AnalysisStopped, StopPoll } from './analysisStop.js';
import { BehaviourGraphRecorder } from './behaviourGraph.js';
import { fairGroups, type FairGroup, type FairnessChoice } from './fairness.js';
import { livenessViolation } from './livenessViolation.js';

/** A liveness property's lasso: its length, its trace (null when traces are off), where its loop starts. */
export interface LivenessVerdict {
  traceLength: number;
  trace: TraceStep[] | null;
  loopStart: number;
}

export interface LivenessPlan {
  /** The liveness properties' indices in the model, in the order their labels come. */
  codes: Int32Array;
  recorder: BehaviourGraphRecorder;
  groups: FairGroup[];
  /** The fairness assumed, as the result reports it. */
  fairness: FairnessResult[];
}

/**
 * The plan for the selected properties, or undefined when none is a liveness property. Refuses
 * (UsageError) symmetry, whose quotient graph can have cycles the model has not, and a depth
 * bound, which cuts every behaviour short.
 */
export function livenessPlan(
  model: string,
  instance: ModelInstance<unknown>,
  selected: readonly Property<unknown>[],
  actors: readonly string[],
  options: { symmetry?: boolean; maxDepth?: number; fairness?: FairnessChoice; checkpoint?: string; resume?: string },
): LivenessPlan | undefined {
  const liveness = selected.filter(isLiveness);
  if (liveness.length === 0) return undefined;
  const names = liveness.map((p) => p.name).join(', ');
  if (options.symmetry) throw new UsageError(`--symmetry cannot check liveness properties (${names}): a symmetry-reduced graph can have cycles the model has not; drop one`);
  if (options.maxDepth !== undefined) throw new UsageError(`--max-depth cannot check liveness properties (${names}): a depth bound cuts every infinite behaviour short; drop one`);
  if (options.checkpoint !== undefined || options.resume !== undefined) {
    throw new UsageError(`--checkpoint and --resume cannot check liveness properties (${names}): a checkpoint keeps no state graph, on which they are decided; drop one`);
  }
  const groups = fairGroups(model, instance.fairness, instance.actions, actors, options.fairness);
  return {
    codes: Int32Array.from(liveness, (p) => instance.properties.indexOf(p)),
    recorder: new BehaviourGraphRecorder(liveness.length),
    groups,
    fairness: groups.map(({ kind, group }) => ({ kind, group })),
  };
}

/** What the analysis decided, and why it stopped short when it did. */
export interface LivenessAnalysis {
  /** Each decided liveness property's lasso, or null when it holds, by its index in the model. */
  verdicts: Map<number, LivenessVerdict | null>;
  /** The stop (a limit, Ctrl-C) that ended the analysis before it decided every property; undefined when it did. */
  stopReason?: StopReason;
}

/**
 * Each liveness property's lasso (null when it holds), after a complete search of `seen`, until
 * `interruption` asks for a stop: the properties decided by then keep their verdicts.
 */
export function livenessVerdicts(
  plan: LivenessPlan,
  instance: ModelInstance<unknown>,
  seen: SeenSet,
  initialStates: number,
  traces: boolean,
  interruption: () => StopReason | undefined,
): LivenessAnalysis {
  const poll = new StopPoll(interruption);
  const graph = plan.recorder.finish(seen.size, initialStates);
  const tree = { parentOf: (id: number) => seen.parentOf(id), initialIndexOf: (id: number) => seen.actionOf(id), noParent: NO_PARENT };
  const verdicts = new Map<number, LivenessVerdict | null>();
  try {
    for (const [k, code] of plan.codes.entries()) {
      poll.now();
      const lasso = livenessViolation(graph, k, instance.properties[code]!.kind === 'eventually', tree, plan.groups, poll);
      verdicts.set(code, lasso && { traceLength: lasso.path.length - 1, trace: traces ? traceFromPath(instance, lasso.path) : null, loopStart: lasso.loopStart });
    }
  } catch (error) {
    if (!(error instanceof AnalysisStopped)) throw error;
    return { verdicts, stopReason: error.reason };
  }
  return { verdicts };
}

/**
 * The check's result once its liveness analysis stopped short: incomplete, for the stop's reason.
 * The search itself finished, so its invariant verdicts and their traces stand as they are.
 */
export function stoppedShort<R extends { complete: boolean; stopReason: StopReason; livenessStopped: boolean }>(result: R, analysis: LivenessAnalysis | undefined): R {
  return analysis?.stopReason ? { ...result, complete: false, stopReason: analysis.stopReason, livenessStopped: true } : result;
}
