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
  /** The search was cut short (a bound, a limit such as time or memory, or Ctrl-C) before anything was violated. */
  incomplete: 3,
  /** A model threw, or cocomc itself failed. */
  internal: 4,
} as const;

/** A mistake in the command line or the model's configuration: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A model's code failed (an action threw, a property returned no boolean, replay found it nondeterministic): exit 4. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

/**
 * Thrown where the model's code broke the engine's contract without throwing itself (a guard or
 * property that returned a non-boolean, a call to process.exit): its message is the clause a
 * model error prints after naming the code, such as `returned undefined, not a boolean`.
 */
export class ModelContractError extends Error {
  override readonly name = 'ModelContractError';
}
