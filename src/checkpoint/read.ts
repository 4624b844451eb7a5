/**
 * Reading a checkpoint back: the manifest first (which a check reads before its search starts, to
 * refuse a checkpoint of another search at once), then every file, whose size and hash must be
 * the manifest's. Anything missing, cut short or altered is one UsageError naming what.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { Frontier } from '../frontier.js';
import { SeenSet } from '../seenSet.js';
import { FILES, MANIFEST, oldDirOf, type FileKey, type Manifest } from './format.js';
import { requireSameIdentity, type CheckpointIdentity } from './identity.js';

const ACCEPTED = 'accepted: a directory that --checkpoint wrote';

function corrupt(dir: string, why: string): never {
  throw new UsageError(`bad checkpoint '${dir}' for --resume: ${why}; ${ACCEPTED}`);
}

/** The directory holding the checkpoint of `dir`: itself, or the previous one while a write was replacing it. */
function located(dir: string): string | undefined {
  return [dir, oldDirOf(dir)].find((at) => existsSync(join(at, MANIFEST)));
}

/** Whether a parsed manifest has every field, of the right type, that the reader uses. */
function isManifest(value: unknown): value is Manifest {
  const m = value as Partial<Manifest> | null;
  const numbers = (xs: unknown): boolean => Array.isArray(xs) && xs.every((x) => typeof x === 'number');
  return (
    typeof m === 'object' && m !== null &&
    typeof m.identity === 'object' && m.identity !== null && typeof m.identity.params === 'object' && typeof m.identity.options === 'object' &&
    [m.level, m.levelStart, m.transitions, m.initialStates, m.distinctStates, m.seconds].every((n) => typeof n === 'number') &&
    Array.isArray(m.findings) && m.findings.every((f) => [f.code, f.stateId, f.depth].every((n) => typeof n === 'number')) &&
    typeof m.tallies === 'object' && m.tallies !== null &&
    numbers(m.tallies.generated) && numbers(m.tallies.firstReached) && numbers(m.tallies.findingDepths) &&
    typeof m.files === 'object' && m.files !== null &&
    (Object.keys(FILES) as FileKey[]).every((key) => typeof m.files![key]?.bytes === 'number' && typeof m.files![key]?.sha256 === 'string')
  );
}

/**
 * The manifest of the checkpoint in `dir`, once its identity is `identity`'s and its files have
 * the sizes it names; `at` is the directory that holds it.
 */
export function readManifest(dir: string, identity: CheckpointIdentity): { manifest: Manifest; at: string } {
  const at = located(dir);
  if (!at) throw new UsageError(`bad value '${dir}' for --resume: no checkpoint there; ${ACCEPTED}`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(at, MANIFEST), 'utf8'));
  } catch {
    corrupt(dir, `its ${MANIFEST} is not JSON`);
  }
  if (!isManifest(manifest)) corrupt(dir, `its ${MANIFEST} lacks fields`);
  requireSameIdentity(dir, manifest.identity, identity);
  for (const key of Object.keys(FILES) as FileKey[]) {
    const path = join(at, FILES[key]);
    const bytes = existsSync(path) ? statSync(path).size : undefined;
    if (bytes === undefined) corrupt(dir, `${FILES[key]} is missing`);
    if (bytes !== manifest.files[key].bytes) corrupt(dir, `${FILES[key]} has ${bytes} bytes, its manifest says ${manifest.files[key].bytes}`);
  }
  return { manifest, at };
}

/** A whole file, checked against the manifest's hash, as typed elements. */
function column<T>(dir: string, at: string, manifest: Manifest, key: FileKey, make: (buffer: ArrayBuffer, offset: number, length: number) => T, size: number): T {
  const bytes = readFileSync(join(at, FILES[key]));
  if (createHash('sha256').update(bytes).digest('hex') !== manifest.files[key].sha256) corrupt(dir, `${FILES[key]} is not what its manifest's hash says`);
  if (bytes.length % size !== 0) corrupt(dir, `${FILES[key]} has ${bytes.length} bytes, not a whole number of ${size}-byte elements`);
  // A view needs its offset aligned to the element's size; a copy is aligned.
  const aligned = bytes.byteOffset % size === 0 ? bytes : new Uint8Array(bytes);
  return make(aligned.buffer as ArrayBuffer, aligned.byteOffset, bytes.length / size);
}

/** What a checkpoint holds, read and checked: its manifest, the seen-set and the next level's states. */
export function readCheckpoint(dir: string, identity: CheckpointIdentity): { manifest: Manifest; seen: SeenSet; frontier: Frontier } {
  const { manifest, at } = readManifest(dir, identity);
  const u32 = (key: FileKey) => column(dir, at, manifest, key, (b, o, n) => new Uint32Array(b, o, n), 4);
  const fpHi = u32('fpHi');
  const fpLo = u32('fpLo');
  const parents = u32('parents');
  const actions = column(dir, at, manifest, 'actions', (b, o, n) => new Uint16Array(b, o, n), 2);
  const frontierBytes = column(dir, at, manifest, 'frontierBytes', (b, o, n) => new Uint8Array(b, o, n), 1);
  const frontierEnds = u32('frontierEnds');
  if ([fpHi, fpLo, parents, actions].some((c) => c.length !== manifest.distinctStates)) corrupt(dir, `its seen-set does not hold the ${manifest.distinctStates} states its manifest says`);
  const seen = SeenSet.restore(fpHi, fpLo, parents, actions);
  if (!seen) corrupt(dir, 'its seen-set holds a fingerprint twice');
  return { manifest, seen, frontier: Frontier.restore(frontierBytes, frontierEnds) };
}
