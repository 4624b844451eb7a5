/**
 * The errors a run can end in, and the exit code of each outcome. A user mistake is a one-line
 * message, never a stack trace.
 */

/** Exit codes: every outcome of a run has its own. */
export const ExitCode = {
  /** Every property checked holds (and every reachability property is witnessed). */
  ok: 0,
  /** A property is violated (or a reachability property is never witnessed). */
  violated: 1,
  /** Bad usage or configuration. */
  usage: 2,
  /** The search was cut short (a bound, a limit, or Ctrl-C) before anything was violated. */
  incomplete: 3,
  /** A model threw, or cocomc itself failed. */
  internal: 4,
} as const;

/** A mistake in the command line or the model's configuration: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A model's code failed (an action threw, or replay found it nondeterministic): exit 4. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}
