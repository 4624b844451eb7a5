/**
 * How the liveness analysis hears a stop (a limit, Ctrl-C) asked for while it runs: it runs after
 * the search, in the search's thread, and its loops over a graph of millions of states can take
 * longer than the second a supervisor waits before it terminates a thread that does not answer,
 * losing every trace the search found. So its loops count their steps and, every so many, ask
 * the search's own question (`interruption`); a stop unwinds the analysis with AnalysisStopped.
 */
import type { StopReason } from '../result.js';

/** Steps between two questions: a question costs about as much as a few hundred steps of a loop. */
const STEPS_PER_QUESTION = 1 << 14;

/** The analysis gave up because a stop was asked for. */
export class AnalysisStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`the liveness analysis was stopped (${reason})`);
  }
}

export class StopPoll {
  private steps = 0;

  constructor(private readonly interruption: () => StopReason | undefined) {}

  /** Counts one step of a loop; every STEPS_PER_QUESTION steps, throws AnalysisStopped if a stop was asked for. */
  step(): void {
    if ((++this.steps & (STEPS_PER_QUESTION - 1)) === 0) this.now();
  }

  /** Throws AnalysisStopped if a stop was asked for. */
  now(): void {
    const reason = this.interruption();
    if (reason) throw new AnalysisStopped(reason);
  }
}
