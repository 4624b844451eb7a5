/**
 * The progress line on stderr: BFS level, distinct states, queue, states/s and elapsed time,
 * redrawn in place at most four times a second. Nothing goes to stdout.
 */
import type { Progress } from '../bfs.js';

const count = (n: number): string => n.toLocaleString('en-US');

export function progressLine(p: Progress): string {
  const rate = p.seconds > 0 ? Math.round(p.distinct / p.seconds) : 0;
  return `level ${p.level}  states ${count(p.distinct)}  queue ${count(p.queue)}  ${count(rate)} states/s  ${p.seconds.toFixed(1)} s`;
}

/** Returns a progress callback that writes to `stream`, redrawing in place when it is a terminal. */
export function progressReporter(stream: NodeJS.WriteStream): { update: (p: Progress) => void; done: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      drawn = true;
      if (stream.isTTY) stream.write(`\r\x1b[K${progressLine(p)}`);
      else stream.write(`${progressLine(p)}\n`);
    },
    done() {
      if (drawn && stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}
