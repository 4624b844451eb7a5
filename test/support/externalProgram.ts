/**
 * Tests that need a program the project does not install (Chromium, Graphviz): on a machine
 * without it they are skipped with one line saying what is missing and how to get it, unless
 * COCOMC_REQUIRE_PROGRAMS=1 (which CI sets), when they run and fail.
 */

/** The variable that turns a missing program into failing tests. */
export const REQUIRE_PROGRAMS = 'COCOMC_REQUIRE_PROGRAMS';

/**
 * Whether the tests that need `program` should run: when it is `found`, or when CI requires it.
 * Otherwise it prints why they are skipped.
 */
export function runsWith(program: string, found: boolean, install: string): boolean {
  if (found || process.env[REQUIRE_PROGRAMS] === '1') return true;
  console.warn(`skipping the tests that need ${program}: it is not installed (${install}; ${REQUIRE_PROGRAMS}=1 makes this a failure)`);
  return false;
}
