/**
 * What a simulation thread shares with the main thread that supervises it, in one
 * SharedArrayBuffer: a stop flag (Ctrl-C), the model code the walks are in (a `where` code, idle
 * outside it) and their progress. The supervisor reads it without asking the thread, so it can
 * still report when the model's code never returns.
 */
import { Where } from '../parallel/liveStatus.js';
import { WALK_PROGRESS, type WalkProgress } from './walk.js';

const STOP = 0;
/** The index in `words` of the `where` word. */
export const WHERE_WORD = 1;

export class WalkStatus {
  /** The stop flag and the `where` word. */
  readonly words: Int32Array;
  /** The walks' progress, in WALK_PROGRESS's order (see WalkOptions.counts). */
  readonly counts: Float64Array;

  private constructor(readonly buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer, 0, 2);
    this.counts = new Float64Array(buffer, 8, WALK_PROGRESS.length);
  }

  static create(): WalkStatus {
    return new WalkStatus(new SharedArrayBuffer(8 + 8 * WALK_PROGRESS.length));
  }

  /** The same status seen from another thread. */
  static of(buffer: SharedArrayBuffer): WalkStatus {
    return new WalkStatus(buffer);
  }

  requestStop(): void {
    Atomics.store(this.words, STOP, 1);
  }

  stopRequested(): boolean {
    return Atomics.load(this.words, STOP) !== 0;
  }

  /** The model code the walks are in, or undefined outside model code. */
  where(): number | undefined {
    const code = Atomics.load(this.words, WHERE_WORD);
    return code === Where.idle ? undefined : code;
  }

  progress(): WalkProgress {
    return Object.fromEntries(WALK_PROGRESS.map((name, i) => [name, this.counts[i]!])) as unknown as WalkProgress;
  }
}
