/** The matrix's report: a table with the first axis as rows and the other axes as columns. */
import type { MatrixCell, MatrixResult } from '../matrix.js';
import { count, counted } from './text.js';
import { abbreviations, formatOutcome } from './violations.js';

interface Grid {
  rowAxis: string;
  rows: string[];
  columns: string[];
  cell: (row: string, column: string) => MatrixCell;
}

function grid(result: MatrixResult): Grid {
  const [rowAxis, ...columnAxes] = result.axes;
  const columnOf = (c: MatrixCell): string => columnAxes.map((a) => c.labels[a.name]).join(' ');
  const columns = [...new Set(result.cells.map(columnOf))];
  return {
    rowAxis: rowAxis!.name,
    rows: rowAxis!.labels,
    columns,
    cell: (row, column) => result.cells.find((c) => c.labels[rowAxis!.name] === row && columnOf(c) === column)!,
  };
}

const notChecked = (result: MatrixResult): number => result.cells.filter((c) => c.verdict === 'not checked').length;

function legend(result: MatrixResult): Map<string, string> {
  return abbreviations([...new Set(result.cells.flatMap((c) => c.violated.map((v) => v.name)))]);
}

/** A plain-text table; property names are abbreviated, with a legend below. */
export function formatMatrix(result: MatrixResult): string {
  const g = grid(result);
  const short = legend(result);
  const text = (row: string, column: string): string => formatOutcome(g.cell(row, column), (p) => short.get(p)!).replace(/, /g, ' ');
  const table = [[g.rowAxis, ...g.columns], ...g.rows.map((row) => [row, ...g.columns.map((column) => text(row, column))])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [
    `cocomc matrix: ${result.model}, ${counted(result.cells.length, 'check')} in ${result.seconds.toFixed(1)} s on ${counted(result.workers, 'worker')}` +
      (result.complete ? '' : ` (incomplete: ${count(notChecked(result))} not checked)`),
    'Each cell: the properties violated, with the length of the shortest counterexample; "safe" when all hold; "not checked" when its check did not finish.',
    '',
    line(table[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.slice(1).map(line),
    '',
    ...[...short].map(([name, abbreviation]) => `  ${abbreviation.padEnd(5)} ${name}`),
  ].join('\n');
}

/** The same table in Markdown, with full property names. */
export function formatMatrixMarkdown(result: MatrixResult): string {
  const g = grid(result);
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    row([g.rowAxis, ...g.columns]),
    row([g.rowAxis, ...g.columns].map(() => '---')),
    ...g.rows.map((r) => row([r, ...g.columns.map((c) => formatOutcome(g.cell(r, c)))])),
  ].join('\n');
}

/** The cells as the JSON API gives them: each cell's parameters, flat, with its failures. */
export function matrixJson(result: MatrixResult): unknown {
  return {
    model: result.model,
    axes: result.axes,
    workers: result.workers,
    seconds: result.seconds,
    complete: result.complete,
    cells: result.cells.map((c) => ({ ...c.params, labels: c.labels, verdict: c.verdict, violated: c.violated, distinctStates: c.distinctStates })),
  };
}
