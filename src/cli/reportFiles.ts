/**
 * `--html`, `--itf` and `--dot`: files `check` writes beside the report on stdout (which they
 * leave unchanged), each announced in one line on stderr.
 */
import { writeFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { AnyModel } from '../model.js';
import type { RawValue } from '../params.js';
import { renderDot } from '../report/dot.js';
import { renderHtml } from '../report/html.js';
import { toItf, traceToExport } from '../report/itf.js';
import { count } from '../report/text.js';
import type { CheckResult } from '../result.js';
import { collectStateGraph, STATE_GRAPH_LIMIT, type StateGraph } from '../stateGraph.js';
import type { FlagSpec, ParsedArgs } from './args.js';

export const reportFileFlags: FlagSpec[] = [
  { flag: '--html', key: 'html', type: 'value', placeholder: 'FILE', doc: 'also write the report as one self-contained HTML page: swimlane counterexamples beside their states', default: 'none', accepted: 'a file path' },
  { flag: '--itf', key: 'itf', type: 'value', placeholder: 'FILE', doc: "also write a trace in the Informal Trace Format (Apalache, Quint): --property's, else the first violated one's", default: 'none', accepted: 'a file path' },
  { flag: '--dot', key: 'dot', type: 'value', placeholder: 'FILE', doc: `also write the reachable state graph in Graphviz DOT (at most ${count(STATE_GRAPH_LIMIT)} states; self-loops left out)`, default: 'none', accepted: 'a file path' },
];

const note = (line: string): void => void process.stderr.write(`cocomc: ${line}\n`);

/** Writes a report file; a path that cannot be written is a usage error naming it. */
export function writeTextFile(flag: string, file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The state graph `--dot` asks for, collected before the check itself so that a model too large
 * to draw is refused at once rather than after a long search.
 */
export async function stateGraphIfAsked(values: ParsedArgs['values'], model: AnyModel, params: Record<string, RawValue>): Promise<StateGraph | undefined> {
  return typeof values.dot === 'string' ? collectStateGraph(model, params) : undefined;
}

/** Writes the trace `--itf` asks for (of a check, or of anything else with properties and traces). */
export function writeItfFile(values: ParsedArgs['values'], result: Pick<CheckResult, 'model' | 'params' | 'properties'>): void {
  if (typeof values.itf !== 'string') return;
  const property = traceToExport(result, values.property as string[] | undefined);
  if (property) {
    writeTextFile('--itf', values.itf, JSON.stringify(toItf(result, property), null, 2) + '\n');
    note(`wrote the ${property.status === 'violated' ? 'counterexample to' : 'witness of'} ${property.name} (${property.trace!.length} states) as ITF to ${values.itf}`);
  } else {
    note(`--itf: no trace to write (${values.property ? 'no property named by --property has one' : 'no property is violated'}); ${values.itf} not written`);
  }
}

/** Writes the files the flags ask for. */
export function writeReportFiles(values: ParsedArgs['values'], result: CheckResult, graph: StateGraph | undefined): void {
  if (typeof values.html === 'string') {
    writeTextFile('--html', values.html, renderHtml(result));
    note(`wrote the HTML report to ${values.html}`);
  }
  writeItfFile(values, result);
  if (graph && typeof values.dot === 'string') {
    writeTextFile('--dot', values.dot, renderDot(graph));
    note(`wrote the state graph (${count(graph.states.length)} states, ${count(graph.edges.length)} transitions) to ${values.dot}`);
  }
}
