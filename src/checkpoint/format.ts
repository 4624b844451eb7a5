/**
 * A checkpoint on disk: a directory of binary files, each a typed array written as it is in
 * memory (little-endian on every machine Node runs on), and a small JSON manifest written last,
 * which names the search's identity, its counters and each file's size and SHA-256. A file whose
 * size or hash is not the manifest's makes the checkpoint corrupt.
 */
import type { CheckpointIdentity } from './identity.js';

/** Bumped whenever the files or the manifest change meaning: a checkpoint of another format is refused. */
export const FORMAT = 1;

export const MANIFEST = 'manifest.json';

/** The binary files: the seen-set's columns and the next level's packed states. */
export const FILES = {
  fpHi: 'seen-fingerprint-hi.u32',
  fpLo: 'seen-fingerprint-lo.u32',
  parents: 'seen-parents.u32',
  actions: 'seen-actions.u16',
  frontierBytes: 'frontier-bytes.u8',
  frontierEnds: 'frontier-ends.u32',
} as const;

export type FileKey = keyof typeof FILES;

export interface Manifest {
  /** The checkpoint's format is one part of it. */
  identity: CheckpointIdentity;
  /** The level the search goes on with, and the counters at its start. */
  level: number;
  levelStart: number;
  transitions: number;
  initialStates: number;
  distinctStates: number;
  /** Each finding's code, with the first state that made it and its level. */
  findings: { code: number; stateId: number; depth: number }[];
  /** The per-action and per-code tallies, by index. */
  tallies: { generated: number[]; firstReached: number[]; findingDepths: number[] };
  /** Seconds the search had run when the checkpoint was written, earlier runs it resumed included. */
  seconds: number;
  files: Record<FileKey, { bytes: number; sha256: string }>;
}

/** Where a new checkpoint is written before it is renamed to `dir`, and where the one it replaces waits while it is. */
export const newDirOf = (dir: string): string => `${dir}.new`;
export const oldDirOf = (dir: string): string => `${dir}.old`;
