import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time: most of the suite's time is spent in one thread of a file (a check
    // in the search thread, a child process, a time limit running out), so on a 2-core machine two
    // files fill the cores where vitest's default of one fewer than the cores left one idle
    // (measured: 238 s for the suite with one file at a time, 167 s with two).
    maxWorkers: 2,
  },
});
