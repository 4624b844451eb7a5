/**
 * A check's checkpoints: where its search starts when it resumes one, and the saving of one at
 * level boundaries, at most every `checkpointEvery` minutes.
 */
import type { LevelBoundary } from '../bfs.js';
import type { CheckOptions } from '../check.js';
import { UsageError } from '../errors.js';
import type { Tallies } from '../parallel/liveStatus.js';
import type { CheckResult } from '../result.js';
import type { Manifest } from './format.js';
import { identityOf, type CheckpointIdentity } from './identity.js';
import { readCheckpoint, readManifest } from './read.js';
import { requireWritableCheckpoint, writeCheckpoint } from './write.js';

/** Minutes between two checkpoints when `checkpointEvery` is not given. */
export const DEFAULT_CHECKPOINT_MINUTES = 10;

/** Where a resumed search started: the checkpoint's level, its states and the seconds searched before. */
type ResumedFrom = NonNullable<CheckResult['resumedFrom']>;

type CheckpointOptions = Pick<CheckOptions, 'checkpoint' | 'checkpointEvery' | 'resume' | 'maxStates'> & Parameters<typeof identityOf>[2];

/**
 * A run with a smaller --max-states than the checkpoint's states would have stopped before it:
 * resuming could not end as that run does.
 */
function requireRoomFor(manifest: Manifest, maxStates: number | undefined): void {
  if (maxStates !== undefined && manifest.distinctStates > maxStates) {
    throw new UsageError(`bad value '${maxStates}' for --max-states: the checkpoint to resume holds ${manifest.distinctStates} states already; accepted: a whole number >= ${manifest.distinctStates}`);
  }
}

/** Refuses, before any search, a checkpoint directory that cannot be written or a checkpoint that cannot be resumed. */
export function requireCheckpointsUsable(model: { name: string }, params: unknown, options: CheckpointOptions): void {
  if (options.resume !== undefined) requireRoomFor(readManifest(options.resume, identityOf(model, params, options)).manifest, options.maxStates);
  if (options.checkpoint !== undefined) requireWritableCheckpoint(options.checkpoint);
}

/** What the search needs to resume and to save: its starting boundary and its boundary hook, each when asked for. */
export interface Checkpointing {
  resume?: LevelBoundary;
  atLevelBoundary?: (boundary: LevelBoundary) => void;
  resumedFrom?: ResumedFrom;
}

/**
 * Reads the checkpoint to resume (its tallies go into `tallies`) and makes the hook that saves
 * one, for a check that asks for either (a check that asks for neither, as the sweep's thousands
 * of small checks, does not load this module).
 * `initial` is the model's initial fingerprints: a checkpoint whose first states are others was
 * written by another model of the same name. `stopped` is asked while a checkpoint is written.
 */
export function checkpointing(
  model: { name: string },
  params: unknown,
  options: CheckpointOptions,
  tallies: Tallies,
  initial: readonly { hi: number; lo: number }[],
  stopped: () => boolean,
  started: number,
): Checkpointing {
  const plan: Checkpointing = {};
  const identity = identityOf(model, params, options);
  let secondsBefore = 0;
  if (options.resume !== undefined) {
    const { manifest, seen, frontier } = readCheckpoint(options.resume, identity);
    requireRoomFor(manifest, options.maxStates);
    const distinctInitial = [...new Map(initial.map((f) => [`${f.hi}:${f.lo}`, f])).values()];
    const sameStart = manifest.initialStates === distinctInitial.length &&
      distinctInitial.every((f, id) => seen.fingerprintOf(id).hi === f.hi && seen.fingerprintOf(id).lo === f.lo);
    if (!sameStart) throw new UsageError(`bad checkpoint '${options.resume}' for --resume: its initial states are not this model's; accepted: a checkpoint of the same model`);
    const saved = manifest.tallies;
    if (saved.generated.length !== tallies.actions || saved.findingDepths.length !== tallies.codes) {
      throw new UsageError(`bad checkpoint '${options.resume}' for --resume: it counts ${saved.generated.length} actions, this model has ${tallies.actions}; accepted: a checkpoint of the same model`);
    }
    tallies.generated.set(saved.generated);
    tallies.firstReached.set(saved.firstReached);
    tallies.findingDepths.set(saved.findingDepths);
    const findings = new Map(manifest.findings.map(({ code, stateId, depth }) => [code, { stateId, depth }]));
    const { level, levelStart, transitions, initialStates } = manifest;
    plan.resume = { seen, frontier, findings, transitions, initialStates, level, levelStart };
    plan.resumedFrom = { level, distinctStates: seen.size, seconds: manifest.seconds };
    secondsBefore = manifest.seconds;
  }
  const dir = options.checkpoint;
  if (dir !== undefined) {
    const every = (options.checkpointEvery ?? DEFAULT_CHECKPOINT_MINUTES) * 60_000;
    let last = Date.now();
    plan.atLevelBoundary = (boundary) => {
      if (Date.now() - last < every) return;
      const written = writeCheckpoint(dir, manifestOf(identity, boundary, tallies, secondsBefore + (Date.now() - started) / 1000), columnsOf(boundary), stopped);
      if (written) last = Date.now();
    };
  }
  return plan;
}

/** A resumed check's result: where it resumed, and its speed over the states this run found. */
export function resumedResult(result: CheckResult, resumedFrom: ResumedFrom): CheckResult {
  const found = result.distinctStates - resumedFrom.distinctStates;
  return { ...result, resumedFrom, statesPerSecond: result.seconds > 0 ? Math.round(found / result.seconds) : found };
}

function manifestOf(identity: CheckpointIdentity, b: LevelBoundary, tallies: Tallies, seconds: number): Omit<Manifest, 'files'> {
  return {
    identity,
    level: b.level,
    levelStart: b.levelStart,
    transitions: b.transitions,
    initialStates: b.initialStates,
    distinctStates: b.seen.size,
    findings: [...b.findings].map(([code, { stateId, depth }]) => ({ code, stateId, depth })),
    tallies: { generated: [...tallies.generated], firstReached: [...tallies.firstReached], findingDepths: [...tallies.findingDepths] },
    seconds,
  };
}

/** The binary files' contents: the seen-set's columns page by page, and the frontier as it is. */
function columnsOf({ seen, frontier }: LevelBoundary) {
  const column = <K extends 'fpHi' | 'fpLo' | 'parents' | 'actions'>(key: K) => ({ *[Symbol.iterator]() { for (const page of seen.pages()) yield page[key]; } });
  const { bytes, ends } = frontier.contents();
  return { fpHi: column('fpHi'), fpLo: column('fpLo'), parents: column('parents'), actions: column('actions'), frontierBytes: [bytes], frontierEnds: [ends] };
}
