/** Reads a JSON file a command is given; a file that cannot be read or parsed is one line naming it. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** The parsed JSON of `file`; `what` names it in errors (`the trace`). */
export function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
