/**
 * The plain-text report, after TLC's: a headline naming each broken property, its trace as
 * numbered states showing only what changed, then the verdicts and the counts in fixed sentences.
 */
import type { CheckResult, PropertyResult, TraceStep } from '../result.js';
import { fairnessPhrase, loopSentence } from './lasso.js';

/** A count as reports print it: `39,603`. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** A count with its noun, singular for exactly one: `1 step`, `8 steps`, `13,700 sequences`. */
export const counted = (n: number, noun: string, plural = `${noun}s`): string => `${count(n)} ${n === 1 ? noun : plural}`;

/** Parameters as reports print them: `n=22 packed=false`, lists comma-separated. */
export function formatParams(params: Record<string, unknown>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ');
}

/** Every leaf of a plain value as `path = value`, for printing a whole state. */
export function flatten(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => flatten(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => flatten(item, path ? `${path}.${key}` : key));
  }
  return [[path || '(state)', value]];
}

const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/**
 * A trace as TLC prints one with -difftrace: numbered states, each with only its changed fields;
 * a lasso's loop start is marked.
 */
export function formatTrace(trace: readonly TraceStep[], loopStart?: number): string {
  return trace
    .map((step) => {
      const mark = step.index === loopStart ? '   <- the loop starts here' : '';
      const head = `State ${step.index + 1}: ${step.index === 0 ? '<initial state>' : step.label}${mark}`;
      const lines = step.index === 0
        ? flatten(step.state).map(([path, value]) => `  ${path} = ${show(value)}`)
        : step.changes.map((c) => `  ${c.path} = ${show(c.after)}   (was ${show(c.before)})`);
      return [head, ...lines].join('\n');
    })
    .join('\n');
}

function headline(p: PropertyResult): string {
  if (p.loopStart !== undefined) return `Liveness property ${p.name} is violated.`;
  if (p.status === 'violated') return `Invariant ${p.name} is violated.`;
  return `Property ${p.name} is witnessed.`;
}

/** A trace with its headline: a shortest counterexample or witness, or a lasso and what its loop does. */
function traceBlock(p: PropertyResult, fairness: CheckResult['fairness']): string[] {
  if (p.loopStart === undefined) {
    return [`${headline(p)} The shortest behavior ${p.status === 'violated' ? 'that breaks it' : 'that reaches it'} (${counted(p.traceLength!, 'step')}):`, formatTrace(p.trace!)];
  }
  return [
    `${headline(p)} A behavior that breaks it assuming ${fairnessPhrase(fairness)} (the search's shortest path to where it waits, then a loop):`,
    formatTrace(p.trace!, p.loopStart),
    loopSentence(p, 'state'),
  ];
}

function verdictLine(p: PropertyResult): string {
  const length = p.traceLength === null ? '' : ` (${counted(p.traceLength, 'step')})`;
  return `  ${p.name.padEnd(24)} ${p.kind.padEnd(9)} ${p.status}${length}`;
}

/** How many threads expanded states of shared levels (the search thread among them), and how many were asked for when that differs. */
export function workerThreads({ workers, workersUsed }: Pick<CheckResult, 'workers' | 'workersUsed'>): string {
  if (workers === 1) return 'one thread';
  if (workersUsed === 0) return `no worker thread used (${workers} asked for; every level stayed in the search thread)`;
  const used = counted(workersUsed, 'worker thread');
  return workersUsed === workers ? used : `${used} of ${workers} asked for`;
}

const resumedLine = ({ level, distinctStates, seconds }: NonNullable<CheckResult['resumedFrom']>): string =>
  `Resumed from a checkpoint at level ${level} (${counted(distinctStates, 'distinct state')}, after ${seconds.toFixed(2)} s of search); the time and states/s above are this run's.`;
/** The state graph's memory, and the fairness liveness was checked under. */
function livenessLine(result: CheckResult): string {
  const bytes = result.stateGraphBytes;
  const size = bytes < 2 ** 20 ? `${(bytes / 2 ** 10).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const perState = result.distinctStates > 0 ? bytes / result.distinctStates : 0;
  return `Liveness assuming ${fairnessPhrase(result.fairness)}: the state graph held ${size} (${perState.toFixed(1)} bytes/state).`;
}

/** The whole report: traces of violations (and of witnesses when asked), verdicts, counts. */
export function formatReport(result: CheckResult, options: { witnesses?: boolean } = {}): string {
  const params = formatParams(result.params);
  const out: string[] = [`cocomc: checking ${result.model}${params ? ` (${params})` : ''}`, ''];
  for (const p of result.properties) {
    if (!p.trace || (p.status === 'witnessed' && !options.witnesses)) continue;
    out.push(...traceBlock(p, result.fairness), '');
  }
  out.push('Properties:', ...result.properties.map(verdictLine), '');
  const ending = result.complete
    ? 'The search is complete.'
    : result.livenessStopped
    ? `The search is complete, but the liveness analysis after it was stopped (${result.stopReason}).`
    : `The search is incomplete (${result.stopReason}).${result.stuckIn ? ` It was stopped by force in ${result.stuckIn}, which did not return.` : ''}`;
  out.push(
    `${counted(result.distinctStates, 'distinct state')}, ${counted(result.transitions, 'transition')} ` +
      `(${counted(result.statesGenerated, 'state')} generated), depth ${result.depth}. ${ending}`,
    `${workerThreads(result)}, ${result.seconds.toFixed(2)} s, ${count(result.statesPerSecond)} states/s, ` +
      `peak memory ${Math.round(result.peakMemoryBytes / 2 ** 20)} MiB, ${result.bytesPerState.toFixed(1)} bytes/state in the seen-set.`,
    ...(result.resumedFrom ? [resumedLine(result.resumedFrom)] : []),
    ...(result.stateGraphBytes > 0 ? [livenessLine(result)] : []),
    `Fingerprint collision probability (birthday bound): ${result.collisionProbability.toExponential(1)}.`,
    `Coverage (distinct:generated): ${result.coverage.map((c) => `${c.action} ${count(c.distinct)}:${count(c.generated)}`).join(', ')}.`,
  );
  return out.join('\n');
}
