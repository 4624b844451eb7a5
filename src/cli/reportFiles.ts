/**
 * `--html`, `--itf` and `--dot`: files `check` writes beside the report on stdout (which they
 * leave unchanged), each announced in one line on stderr.
 */
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { toItf, traceToExport } from '../report/itf.js';
import { count, counted } from '../report/text.js';
import type { CheckResult } from '../result.js';
import { STATE_GRAPH_LIMIT, type StateGraph } from '../stateGraph.js';
import type { FlagSpec, ParsedArgs } from './args.js';

export const reportFileFlags: FlagSpec[] = [
  { flag: '--html', key: 'html', type: 'value', output: true, placeholder: 'FILE', doc: 'also write the report as one self-contained HTML page: swimlane counterexamples beside their states', default: 'none', accepted: 'a file path' },
  { flag: '--itf', key: 'itf', type: 'value', output: true, placeholder: 'FILE', doc: "also write a trace in the Informal Trace Format (Apalache, Quint): --property's, else the first violated one's", default: 'none', accepted: 'a file path' },
  { flag: '--dot', key: 'dot', type: 'value', output: true, placeholder: 'FILE', doc: `also write the reachable state graph in Graphviz DOT (at most ${count(STATE_GRAPH_LIMIT)} states; self-loops left out); the search then explores the whole space`, default: 'none', accepted: 'a file path' },
];

const note = (line: string): void => void process.stderr.write(`cocomc: ${line}\n`);

/** Why `file` cannot be written, or undefined when it can (as far as can be told without writing it). */
function unwritable(file: string): string | undefined {
  const problem = (target: string, what: string): string | undefined => {
    try {
      accessSync(target, constants.W_OK);
      return undefined;
    } catch {
      return `${what} is not writable`;
    }
  };
  try {
    if (statSync(file).isDirectory()) return 'it is a directory';
    return problem(file, 'it');
  } catch {
    const directory = path.dirname(file);
    try {
      if (!statSync(directory).isDirectory()) return `${directory} is not a directory`;
    } catch {
      return `the directory ${directory} does not exist`;
    }
    return problem(directory, `the directory ${directory}`);
  }
}

/**
 * Refuses, before any search, an output file that cannot be written or that two flags share:
 * found after a long check, either would hide the verdict or keep only the last file written.
 */
export function checkOutputFiles(specs: readonly FlagSpec[], values: ParsedArgs['values']): void {
  const taken = new Map<string, string>();
  for (const spec of specs) {
    const file = values[spec.key];
    if (!spec.output || typeof file !== 'string') continue;
    const resolved = path.resolve(file);
    const other = taken.get(resolved);
    if (other !== undefined) throw new UsageError(`${other} and ${spec.flag} name the same file ${file}; give each its own`);
    taken.set(resolved, spec.flag);
    const problem = unwritable(resolved);
    if (problem !== undefined) throw new UsageError(`cannot write ${spec.flag} ${file}: ${problem}`);
  }
}

/** Writes a report file; a path that cannot be written is a usage error naming it. */
export function writeTextFile(flag: string, file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes the trace `--itf` asks for (of a check, or of anything else with properties and traces). */
export function writeItfFile(values: ParsedArgs['values'], result: Pick<CheckResult, 'model' | 'params' | 'properties'>): void {
  if (typeof values.itf !== 'string') return;
  const property = traceToExport(result, values.property as string[] | undefined);
  if (property) {
    writeTextFile('--itf', values.itf, JSON.stringify(toItf(result, property), null, 2) + '\n');
    note(`wrote the ${property.status === 'violated' ? 'counterexample to' : 'witness of'} ${property.name} (${counted(property.trace!.length, 'state')}) as ITF to ${values.itf}`);
  } else {
    const why = values.property
      ? 'no property named by --property has one'
      : result.properties.some((p) => p.status === 'violated') ? 'the violated property has no trace: it was lost' : 'no property is violated';
    note(`--itf: no trace to write (${why}); ${values.itf} not written`);
  }
}

/**
 * Writes the files the flags ask for. The HTML page's and the graph's writers are loaded only
 * then: most checks write neither, and every check would load them before it starts.
 */
export async function writeReportFiles(values: ParsedArgs['values'], result: CheckResult, graph: StateGraph | undefined): Promise<void> {
  if (typeof values.html === 'string') {
    const { renderHtml } = await import('../report/html.js');
    writeTextFile('--html', values.html, renderHtml(result, { witnesses: values.witnesses === true }));
    note(`wrote the HTML report to ${values.html}`);
  }
  writeItfFile(values, result);
  if (typeof values.dot !== 'string') return;
  if (graph) {
    const { renderDot } = await import('../report/dot.js');
    writeTextFile('--dot', values.dot, renderDot(graph));
    note(`wrote the state graph (${counted(graph.states.length, 'state')}, ${counted(graph.edges.length, 'transition')}) to ${values.dot}`);
  } else {
    note(`--dot: the search did not explore the whole space (${result.stopReason}); ${values.dot} not written`);
  }
}
