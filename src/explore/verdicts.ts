/**
 * The explorer's verdicts: one `check` with the command line's model and options, run the first
 * time the page asks and kept, and each property's shortest counterexample (or witness) as a path
 * the page can jump to.
 */
import type { PropertyKind } from '../model.js';
import type { CheckResult, PropertyStatus, StopReason, TraceStep } from '../result.js';

export interface PropertyVerdict {
  name: string;
  kind: PropertyKind;
  doc: string;
  status: PropertyStatus;
  /** The actions in its shortest counterexample or witness, and that trace as a path; null when it has none. */
  traceLength: number | null;
  path: number[] | null;
  /** For a liveness violation (a lasso), the step its loop goes back to after the path's last; null otherwise. */
  loopStart: number | null;
}

export interface CheckVerdicts {
  /** Whether the check explored every reachable state: a verdict of a check cut short is only what it found. */
  complete: boolean;
  stopReason: StopReason;
  distinctStates: number;
  properties: PropertyVerdict[];
}

/** A trace as the path that reproduces it: its initial state's index, then each action's. */
export const pathOf = (trace: readonly TraceStep[]): number[] => trace.map((step) => step.actionIndex);

export function verdictsOf(result: CheckResult): CheckVerdicts {
  return {
    complete: result.complete,
    stopReason: result.stopReason,
    distinctStates: result.distinctStates,
    properties: result.properties.map((p) => ({
      name: p.name, kind: p.kind, doc: p.doc, status: p.status, traceLength: p.traceLength, path: p.trace === null ? null : pathOf(p.trace),
      loopStart: p.loopStart ?? null,
    })),
  };
}

/** Runs `run` the first time it is asked for, and gives every later caller the same answer (or the same failure). */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => (answer ??= run());
}
