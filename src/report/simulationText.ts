/**
 * The plain-text report of a simulation: the violation's trace as `check` prints one, with the run
 * that found it and whether it is known to be shortest, then the properties (an invariant not seen
 * broken is "not violated in N runs", never "holds"), the counts, the coverage and the seed.
 */
import type { PropertyResult } from '../result.js';
import type { SimulationResult, SimulationViolation, UntracedViolation } from '../walks/simulationResult.js';
import { count, formatParams, formatTrace } from './text.js';

const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** What the walks establish about a property they did not decide. */
function undecided(p: PropertyResult, result: SimulationResult): string {
  const scope = `in ${plural(result.runsDone, 'run')} of at most ${plural(result.depth, 'step')}`;
  return p.kind === 'always' ? `not violated ${scope}` : `not witnessed ${scope}`;
}

function propertyLine(p: PropertyResult, result: SimulationResult): string {
  const untraced = result.untracedViolation;
  const status = p.status === 'unknown'
    ? undecided(p, result)
    : untraced?.property === p.name
      ? `violated in run ${untraced.run} (a walk of ${plural(untraced.walkLength, 'step')}; its trace was lost, see below)`
      : `${p.status} (${plural(p.traceLength!, 'step')})`;
  return `  ${p.name.padEnd(24)} ${p.kind.padEnd(9)} ${status}`;
}

/** How the search that would have shortened a violation's walk stopped. */
function searchStop(search: NonNullable<SimulationViolation['search']>): string {
  const forced = search.stuckIn ? `; by force in ${search.stuckIn}, which did not return` : '';
  return `stopped (${search.stopReason}, ${plural(search.distinctStates, 'state')}${forced})`;
}

function violationHead(result: SimulationResult): string[] {
  const v = result.violation;
  if (!v) return [];
  const p = result.properties.find((q) => q.name === v.property)!;
  const walk = `a walk of ${plural(v.walkLength, 'step')}${v.reducedLength < v.walkLength ? `, ${count(v.reducedLength)} once the steps it does not need are dropped` : ''}`;
  const how = v.traceLength < v.reducedLength
    ? `a breadth-first search to depth ${v.reducedLength - 1} found this shorter one, which is shortest`
    : v.shortest
      ? 'no behaviour is shorter (a breadth-first search explored every shorter one)'
      : `not known to be shortest: the breadth-first search that would shorten it ${v.search ? searchStop(v.search) : 'did not run'}`;
  return [
    `Invariant ${v.property} is violated in run ${v.run} (${walk}); ${how}.`,
    `The behavior that breaks it (${plural(v.traceLength, 'step')}):`,
    formatTrace(p.trace!),
    '',
  ];
}

/** What a report says of a violation whose trace was lost while its walk was shortened. */
function untracedEnding(v: UntracedViolation, seed: number): string {
  return `Run ${v.run} had violated ${v.property} in a walk of ${plural(v.walkLength, 'step')}, whose trace was lost with the thread ` +
    `that was shortening it; the same seed (--seed ${seed}) walks it again.`;
}

function ending(result: SimulationResult): string {
  switch (result.stopReason) {
    case 'violation': return `The walks stopped at the first violation (run ${result.violation!.run}).`;
    case 'runs-done': return 'Every run ended without a violation.';
    default: return `The walks were cut short (${result.stopReason}) after ${plural(result.runsDone, 'whole run')}.` +
      (result.stuckIn ? ` They were stopped by force in ${result.stuckIn}, which did not return.` : '') +
      (result.untracedViolation ? ` ${untracedEnding(result.untracedViolation, result.seed)}` : '');
  }
}

/** The whole report. */
export function formatSimulation(result: SimulationResult): string {
  const params = formatParams(result.params);
  return [
    `cocomc: simulating ${result.model}${params ? ` (${params})` : ''}`,
    `seed ${result.seed}: ${plural(result.runs, 'run')} of at most ${plural(result.depth, 'step')}, each action picked uniformly among the enabled ones`,
    '',
    ...violationHead(result),
    'Properties:',
    ...result.properties.map((p) => propertyLine(p, result)),
    '',
    `${plural(result.runsDone, 'run')}, ${plural(result.steps, 'step')}, ${plural(result.distinctStates, 'distinct state')} seen; ` +
      `${count(result.endedAtDepth)} ended at the depth bound, ${count(result.endedWithoutSuccessor)} where no action was enabled. ${ending(result)}`,
    `${result.seconds.toFixed(2)} s. The same seed (--seed ${result.seed}) gives the same walks.`,
    // None when the walks were stopped by force: their counts per action went with their thread.
    ...(result.coverage.length > 0 ? [`Coverage (taken:distinct states first reached): ${result.coverage.map((c) => `${c.action} ${count(c.taken)}:${count(c.distinct)}`).join(', ')}.`] : []),
  ].join('\n');
}
