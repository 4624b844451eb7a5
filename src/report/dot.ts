/**
 * A state graph in Graphviz DOT: one box per distinct state (its fields, one per line), one arrow
 * per transition labelled with its action. Initial states have a double outline; states that
 * break an invariant are red. `dot -Tsvg graph.dot > graph.svg` draws it.
 */
import type { StateGraph } from '../stateGraph.js';
import { counted } from './text.js';

/** Text escaped for a DOT double-quoted string. */
const escapeDot = (text: string): string => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const quoted = (text: string): string => `"${escapeDot(text)}"`;

/** A state's lines: `field = value` per top-level field, or the value whole when it is not a record. */
export function stateLines(state: unknown): string[] {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return [JSON.stringify(state) ?? 'undefined'];
  return Object.entries(state).map(([field, value]) => `${field} = ${JSON.stringify(value)}`);
}

/** A multi-line label, left-justified (`\l` ends each line). */
function nodeLabel(state: unknown): string {
  return `"${stateLines(state).map((line) => `${escapeDot(line)}\\l`).join('')}"`;
}

function nodeLine(graph: StateGraph, id: number): string {
  const attributes = [`label=${nodeLabel(graph.states[id])}`];
  if (id < graph.initialCount) attributes.push('peripheries=2');
  const broken = graph.broken[id]!;
  if (broken.length > 0) {
    attributes.push('color="#b3261e"', 'style="rounded,filled"', 'fillcolor="#fdecea"', `tooltip=${quoted(`breaks ${broken.join(', ')}`)}`);
  }
  return `  s${id} [${attributes.join(', ')}];`;
}

/** The graph as a DOT document. */
export function renderDot(graph: StateGraph): string {
  const nodes = graph.states.map((_, id) => nodeLine(graph, id));
  const edges = graph.edges.map((e) => `  s${e.from} -> s${e.to} [label=${quoted(graph.actionLabels[e.action]!)}];`);
  return [
    `// The reachable state graph of ${graph.model}: ${counted(graph.states.length, 'state')}, ${counted(graph.edges.length, 'transition')} between distinct states.`,
    '// Self-loops (actions that leave the state unchanged) are not drawn.',
    '// Double outline: an initial state. Red: a state that breaks an invariant (named in its tooltip).',
    `digraph ${quoted(graph.model)} {`,
    '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
    ...nodes,
    ...edges,
    '}',
    '',
  ].join('\n');
}
