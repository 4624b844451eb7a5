/**
 * Writing a checkpoint so that a crash at any instant leaves the previous one or the new one,
 * never a half-written one. The new checkpoint is written whole into `DIR.new` (its files, then
 * the manifest, each fsync'd), then the old one is renamed `DIR.old`, the new one renamed `DIR`,
 * and `DIR.old` removed; a reader takes `DIR.old` while `DIR` is missing. One fixed name for each
 * rather than one per process: a crash leaves at most one of each, and the next write clears them.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { FILES, MANIFEST, newDirOf, oldDirOf, type FileKey, type Manifest } from './format.js';

/** What a checkpoint holds besides the manifest's own fields: each binary file's contents, in chunks. */
export type Columns = Record<FileKey, Iterable<ArrayBufferView>>;

/** Refuses, before a search, a checkpoint directory that could not be written. */
export function requireWritableCheckpoint(dir: string): void {
  const refuse = (why: string): never => {
    throw new UsageError(`bad value '${dir}' for --checkpoint: ${why}; accepted: a directory that can be created or replaced`);
  };
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) refuse('it is a file');
    // Writing a checkpoint replaces the directory: never one of the user's own.
    if (readdirSync(dir).length > 0 && !existsSync(join(dir, MANIFEST))) refuse('it holds files and no checkpoint');
  }
  // Writing proves it: permissions alone do not tell a read-only file system.
  const probe = newDirOf(dir);
  try {
    rmSync(probe, { recursive: true, force: true });
    mkdirSync(probe, { recursive: true });
    rmSync(probe, { recursive: true });
  } catch (error) {
    refuse((error as Error).message);
  }
}

/** Writes one file whole and fsyncs it; returns its size and hash, or undefined if `stopped` said so between chunks. */
function writeFile(path: string, chunks: Iterable<ArrayBufferView>, stopped: () => boolean): { bytes: number; sha256: string } | undefined {
  const fd = openSync(path, 'w');
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for (const chunk of chunks) {
      if (stopped()) return undefined;
      const view = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let done = 0; done < view.length; ) done += writeSync(fd, view, done);
      hash.update(view);
      bytes += view.length;
    }
    fsyncSync(fd);
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes every file, then the manifest, into `fresh`; false if `stopped` said so first. */
function writeWhole(fresh: string, manifest: Omit<Manifest, 'files'>, columns: Columns, stopped: () => boolean): boolean {
  mkdirSync(fresh, { recursive: true });
  const files = {} as Manifest['files'];
  for (const key of Object.keys(FILES) as FileKey[]) {
    const written = writeFile(join(fresh, FILES[key]), columns[key], stopped);
    if (!written) return false;
    files[key] = written;
  }
  writeFile(join(fresh, MANIFEST), [Buffer.from(JSON.stringify({ ...manifest, files }, null, 1))], () => false);
  fsyncDir(fresh);
  return true;
}

/**
 * Writes a checkpoint to `dir`, replacing the one there. `stopped` is asked between chunks: a
 * search asked to stop abandons the write (the previous checkpoint stays) rather than hold the
 * stop up. Returns whether the checkpoint was written; a write that fails (a full disk) throws,
 * the previous checkpoint staying as well.
 */
export function writeCheckpoint(dir: string, manifest: Omit<Manifest, 'files'>, columns: Columns, stopped: () => boolean): boolean {
  const fresh = newDirOf(dir);
  const old = oldDirOf(dir);
  try {
    rmSync(fresh, { recursive: true, force: true });
    // A DIR.old beside a DIR is what a crash before its removal left: DIR is whole.
    if (existsSync(dir)) rmSync(old, { recursive: true, force: true });
    if (!writeWhole(fresh, manifest, columns, stopped)) {
      rmSync(fresh, { recursive: true, force: true });
      return false;
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(fresh, dir);
    fsyncDir(dirname(dir));
    rmSync(old, { recursive: true, force: true });
    return true;
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw new Error(`cannot write the checkpoint '${dir}': ${(error as Error).message}`);
  }
}
