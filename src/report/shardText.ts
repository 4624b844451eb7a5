/**
 * What a shard of a study prints: its own checks, labelled as one part of a larger job. Nothing
 * here speaks of the whole job (what is safe overall, the forced order, the table): those rest on
 * every check, and `cocomc merge` makes them from the parts.
 */
import type { StudyVerdict } from '../manyChecks.js';
import { isSweepShard, type MatrixShard, type ShardPart, type SweepShard } from '../sweep/shardPart.js';
import { count, counted, formatParams } from './text.js';
import { formatOutcome } from './violations.js';

const ordinal = (n: number): string => `${count(n)}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** The lines every shard starts with: which part of which job it is, and what it does not say. */
function heading(part: ShardPart, noun: string, configuration: string): string[] {
  const { index, count: of } = part.shard;
  const verdicts = (isSweepShard(part) ? part.results : part.cells).map((r) => r.verdict);
  const tally = (v: StudyVerdict): number => verdicts.filter((x) => x === v).length;
  const incomplete = part.complete ? '' : ` (incomplete: ${counted(part.notChecked, noun)} not checked, marked so below)`;
  return [
    `cocomc ${part.job.study}: ${part.job.model}, shard ${index}/${of}: ${count(part.checks)} of the job's ${counted(part.job.checks, noun)} (every ${ordinal(of)}, from the ${ordinal(index)})`,
    `configuration: ${configuration}; ${part.seconds.toFixed(1)} s on ${counted(part.workers, 'worker')}${incomplete}`,
    `This shard is one part of ${of}: it says nothing of the whole ${part.job.study}. Merge the --json of every shard (cocomc merge PART.json ...) for its result and exit code.`,
    '',
    `This shard's ${counted(part.checks, noun)}: ${count(tally('safe'))} safe, ${count(tally('unsafe'))} unsafe, ${count(tally('not checked'))} not checked`,
  ];
}

function formatSweepShard(part: SweepShard): string {
  const safe = part.results.filter((r) => r.verdict === 'safe');
  return [
    ...heading(part, 'sequence', formatParams(part.params) || 'defaults'),
    ...(safe.length ? ['Safe sequences among them, numbered by their place in the whole sweep:'] : []),
    ...safe.map((r) => `  ${String(r.index + 1).padStart(6)}. ${r.steps.join(' ') || '(no steps)'}`),
  ].join('\n');
}

function formatMatrixShard(part: MatrixShard): string {
  return [
    ...heading(part, 'check', formatParams(part.job.configuration)),
    ...part.cells.map((c) => `  ${Object.values(c.labels).join(' ')}: ${formatOutcome(c)}`),
  ].join('\n');
}

export function formatShard(part: ShardPart): string {
  return isSweepShard(part) ? formatSweepShard(part) : formatMatrixShard(part);
}
