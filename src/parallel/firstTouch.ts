/**
 * The first touch of fresh memory, shared out between threads. The first write to each page of a
 * new buffer costs the thread that makes it a fault, 11-14 us a page on the machine the
 * benchmarks run on (a table of a million slots, 16 MiB, 65 ms; 64 MiB, 170-194 ms, and as long
 * for memory the process had just freed); two threads touching halves of a 128 MiB buffer took
 * 199-260 ms where one took 340-400. A grown seen-set table is touched so before its entries are
 * moved in, by every thread of the pool, which waits then anyway.
 */

/** The smallest page size of the machines cocomc runs on: a write at every 4 KiB reaches every page of a larger size too. */
const PAGE = 4096;

/** Writes a zero (what a new buffer holds) to each page of bytes [from, to) of `buffer`. */
export function touchPages(buffer: SharedArrayBuffer, from: number, to: number): void {
  const bytes = new Uint8Array(buffer);
  for (let at = from; at < to; at += PAGE) bytes[at] = 0;
}

/** The parts, each a whole number of pages, into which `bytes` bytes are cut for `threads` threads to touch. */
export function pageParts(bytes: number, threads: number): { from: number; to: number }[] {
  const part = Math.ceil(bytes / threads / PAGE) * PAGE;
  return Array.from({ length: threads }, (_, t) => ({ from: Math.min(bytes, t * part), to: Math.min(bytes, (t + 1) * part) }));
}
