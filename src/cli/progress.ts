/**
 * Progress on stderr, never stdout: one line redrawn in place on a terminal (new lines
 * elsewhere), at most four times a second.
 */
import type { Progress } from '../bfs.js';
import { count } from '../report/text.js';

/** A search's progress: BFS level, distinct states, queue, states/s and elapsed time. */
export function searchProgress(p: Progress): string {
  const rate = p.seconds > 0 ? Math.round(p.distinct / p.seconds) : 0;
  return `level ${p.level}  states ${count(p.distinct)}  queue ${count(p.queue)}  ${count(rate)} states/s  ${p.seconds.toFixed(1)} s`;
}

export interface LiveLine {
  /** Shows `text`, unless a line was shown less than 250 ms ago and this one is not `final`. */
  show(text: string, final?: boolean): void;
  /** Clears the line on a terminal, before the report is printed. */
  done(): void;
}

/** A progress line on `stream`; it shows nothing when not `enabled`. */
export function liveLine(stream: NodeJS.WriteStream, enabled: boolean): LiveLine {
  let last = 0;
  let drawn = false;
  return {
    show(text, final = false) {
      if (!enabled || (Date.now() - last < 250 && !final)) return;
      last = Date.now();
      drawn = true;
      stream.write(stream.isTTY ? `\r\x1b[K${text}` : `${text}\n`);
    },
    done() {
      if (drawn && stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}
