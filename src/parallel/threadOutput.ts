/**
 * A thread's standard output goes to the process's standard error. Standard output carries the
 * report (`--json`, `--tsv`), and threads import the model's module, whose top-level code (a log
 * line, or a check run again by mistake) would otherwise print into it.
 */
export function sendThreadOutputToStderr(): void {
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}
