/**
 * The liveness analysis, which runs after a complete search, hears a stop (a time limit, Ctrl-C)
 * asked for while it runs: it gives up on the properties it has not decided, which are unknown,
 * and the search's invariant verdicts keep their traces. A supervisor would otherwise terminate
 * the thread after its second of grace, and every trace with it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check, type CheckOptions } from '../src/check.js';
import { AnalysisStopped, StopPoll } from '../src/liveness/analysisStop.js';
import { livenessViolation } from '../src/liveness/livenessViolation.js';
import { always, eventually, type AnyModel } from '../src/model.js';
import { formatReport } from '../src/report/text.js';
import type { StopReason } from '../src/result.js';
import { ring, ringTree } from './support/ringGraph.js';

describe('the analysis of a large graph asks whether to stop as it goes', () => {
  const graph = ring(50_000);
  /** The analysis of the ring's property, with a poll that answers `reason` from its `at`-th question on; and how many it asked. */
  const analyse = (at: number): { lasso: unknown; questions: number } => {
    let questions = 0;
    const poll = new StopPoll((): StopReason | undefined => (++questions >= at ? 'time-limit' : undefined));
    return { lasso: livenessViolation(graph, 0, true, ringTree, [], poll), questions };
  };

  it('finds the lasso around the ring, asking many times on the way', () => {
    const { lasso, questions } = analyse(Infinity);
    expect(lasso).toMatchObject({ loopStart: 0 });
    expect(questions).toBeGreaterThan(10);
  });

  it.each([1, 5, 10])('gives up at the question that hears the stop (question %i)', (at) => {
    expect(() => analyse(at)).toThrow(new AnalysisStopped('time-limit'));
  });
});

interface Counter {
  n: number;
}

/**
 * A counter going round 0..9, whose trace lines call `onTraceLine`: a trace is only built after
 * the search, the first for the lasso of ReachesTen, in the middle of the liveness analysis.
 */
function countingRound(onTraceLine: () => void): AnyModel {
  return {
    name: 'round',
    summary: 'a counter going round 0..9',
    module: import.meta.url,
    params: {},
    build: () => ({
      initialStates: [{ n: 0 }],
      actions: [{
        name: 'tick', actor: 'counter',
        recipe: (s: Counter) => { s.n = (s.n + 1) % 10; },
        describe: () => {
          onTraceLine();
          return 'tick';
        },
      }],
      properties: [
        always<Counter>('BelowFive', (s) => s.n < 5),
        eventually<Counter>('ReachesTen', (s) => s.n === 10),
        eventually<Counter>('ReachesEleven', (s) => s.n === 11),
      ],
    }),
  } as AnyModel;
}

describe('a limit reached during the liveness analysis', () => {
  afterEach(() => vi.restoreAllMocks());

  // A copy-like model (not from defineModel) runs in this thread, where the trace line can reach
  // the limit: Ctrl-C, or the clock jumping past the time limit.
  const limits: [StopReason, () => { options: CheckOptions; reach: () => void }][] = [
    ['interrupted', () => {
      const interrupt = new AbortController();
      return { options: { signal: interrupt.signal }, reach: () => interrupt.abort() };
    }],
    ['time-limit', () => {
      const now = Date.now();
      return { options: { timeLimit: 600 }, reach: () => void vi.spyOn(Date, 'now').mockReturnValue(now + 3_600_000) };
    }],
  ];

  it.each(limits)('%s: the analysis stops, the invariant keeps its trace, the liveness property not yet analysed is unknown', async (reason, limit) => {
    const { options, reach } = limit();
    const result = await check(countingRound(reach), { ...options, workers: 1 });
    expect([result.complete, result.stopReason, result.livenessStopped, result.distinctStates]).toEqual([false, reason, true, 10]);
    expect(formatReport(result)).toContain(`10 distinct states, 10 transitions (11 states generated), depth 9. The search is complete, but the liveness analysis after it was stopped (${reason}).`);
    const byName = Object.fromEntries(result.properties.map((p) => [p.name, p]));
    expect([byName.BelowFive!.status, byName.BelowFive!.traceLength, byName.BelowFive!.trace?.length]).toEqual(['violated', 5, 6]);
    // Decided before the stop, with its lasso: ten ticks back to the start.
    expect([byName.ReachesTen!.status, byName.ReachesTen!.traceLength, byName.ReachesTen!.trace?.length]).toEqual(['violated', 10, 11]);
    expect([byName.ReachesEleven!.status, byName.ReachesEleven!.trace]).toEqual(['unknown', null]);
  });
});
