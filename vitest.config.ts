import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (measured alone: the limits about 53 s, the CoCo sweep
 * 41 s, the matrix 30 s, the rest 15 s or less). Vitest starts the files that took longest last
 * time only when its cache remembers them, and CI runs on a clean clone, where it starts the
 * largest files first: the sweeps, short to read, started late and ran alone at the end on a core
 * or two while the other sat idle.
 */
const LONGEST_FIRST = [
  'test/limits.test.ts',
  'test/sweep.coco.test.ts',
  'test/matrix.coco.test.ts',
  'test/cli.sweepMatrix.test.ts',
  'test/coco.test.ts',
  'test/cocoSymmetry.test.ts',
  'test/cocoSymmetryMatrix.test.ts',
];

/** Starts the files of LONGEST_FIRST first, in its order, then the others as vitest orders them. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const at = LONGEST_FIRST.indexOf(path.relative(file.project.config.root, file.moduleId).split(path.sep).join('/'));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    const rest = await super.sort(files);
    return [...rest].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // Two test files at a time: most of the suite's time is spent in one thread of a file (a check
    // in the search thread, a child process, a time limit running out), so on a 2-core machine two
    // files fill the cores where vitest's default of one fewer than the cores left one idle
    // (measured: 238 s for the suite with one file at a time, 167 s with two).
    maxWorkers: 2,
    // Each worker runs its files one after another in one module graph, instead of importing the
    // engine anew for each of the 48 files (measured on 14 short files: 22.7 s alone, 5.3 s
    // together). No test relies on a module's state being fresh: none mocks a module or the clock
    // for longer than its own test, and models are registered by their module, once.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // A test's timeout only catches a hang; no test asserts a time. Vitest's 5 s failed CI on a
    // child process that stops itself at a 2.5 s limit and then took over 5 s to report on a
    // loaded machine: a minute is far from any honest run and still ends a hung one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
