/**
 * The state graph behind `--dot`: its states and transitions against a brute-force exploration,
 * the DOT text (accepted by Graphviz: skipped with one line when it is not installed, unless CI
 * requires it), and the refusal above the bound.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dieHard } from '../models/dieHard.js';
import { naiveLock, peterson } from '../models/peterson.js';
import { renderDot } from '../src/report/dot.js';
import type { AnyModel } from '../src/model.js';
import { instantiate } from '../src/modelInstance.js';
import { actionLabels, collectStateGraph, STATE_GRAPH_LIMIT } from '../src/stateGraph.js';
import { applyAction, isEnabled } from '../src/trace.js';
import { cocomc } from './support/cocomc.js';
import { runsWith } from './support/externalProgram.js';

const runsWithDot = runsWith('Graphviz', spawnSync('dot', ['-V']).status === 0, "Debian: apt-get install graphviz, for 'dot'");
const dir = mkdtempSync(path.join(tmpdir(), 'cocomc-dot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The graph by plain breadth-first search on JSON keys: states, and (from, to, action) between distinct states. */
function bruteForce(model: AnyModel) {
  const instance = instantiate(model);
  const key = (s: unknown) => JSON.stringify(s, Object.keys(s as object).sort());
  const states = new Map<string, unknown>();
  const edges = new Set<string>();
  const queue = [...instance.initialStates];
  for (const s of queue) states.set(key(s), s);
  for (let i = 0; i < queue.length; i++) {
    const state = queue[i]!;
    instance.actions.forEach((action, a) => {
      if (!isEnabled(action, state)) return;
      const next = applyAction(action, state);
      if (key(next) === key(state)) return;
      if (!states.has(key(next))) {
        states.set(key(next), next);
        queue.push(next);
      }
      edges.add(`${key(state)} -${a}-> ${key(next)}`);
    });
  }
  return { states: [...states.keys()].sort(), edges: [...edges].sort() };
}

describe('state graph', () => {
  it.each([dieHard, peterson, naiveLock])('%s has the states and transitions a brute-force search finds', async (model) => {
    const graph = await collectStateGraph(model);
    const key = (id: number) => JSON.stringify(graph.states[id], Object.keys(graph.states[id] as object).sort());
    const expected = bruteForce(model);
    expect(graph.states.map((_, id) => key(id)).sort()).toEqual(expected.states);
    expect(graph.edges.map((e) => `${key(e.from)} -${e.action}-> ${key(e.to)}`).sort()).toEqual(expected.edges);
  });

  it('knows DieHard: 16 states, the initial one first, two with 4 gallons breaking NotSolved', async () => {
    const graph = await collectStateGraph(dieHard);
    expect(graph.states).toHaveLength(16);
    expect(graph.initialCount).toBe(1);
    expect(graph.states[0]).toEqual({ small: 0, big: 0 });
    const broken = graph.states.filter((_, id) => graph.broken[id]!.includes('NotSolved'));
    expect(broken).toEqual(expect.arrayContaining([{ small: 0, big: 4 }, { small: 3, big: 4 }]));
    expect(broken).toHaveLength(2);
  });

  it("labels edges with the action's name and arguments, adding the actor only where two would read the same", () => {
    expect(actionLabels([
      { name: 'raiseFlag', actor: 'P0' }, { name: 'raiseFlag', actor: 'P1' },
      { name: 'Flip', actor: 'bit0', args: 'bit 0' }, { name: 'FillBig', actor: 'jugs' },
    ])).toEqual(['P0 raiseFlag', 'P1 raiseFlag', 'Flip bit 0', 'FillBig']);
  });

  it('refuses a model above the bound with a UsageError naming the count and the bound', async () => {
    await expect(collectStateGraph(dieHard, {}, 10)).rejects.toThrow('--dot draws state graphs of at most 10 states, and diehard has more (the search stopped at 11)');
  });
});

describe('DOT', () => {
  it('has one node per state and one edge per transition, and says that self-loops are left out', async () => {
    const graph = await collectStateGraph(dieHard);
    const dot = renderDot(graph);
    expect(dot.match(/^ {2}s\d+ \[label=/gm)).toHaveLength(16);
    expect(dot.match(/^ {2}s\d+ -> s\d+ \[label="[A-Za-z]+"\];$/gm)).toHaveLength(graph.edges.length);
    expect(dot).toMatch(/^\/\/ Self-loops .* are not drawn/m);
    expect(dot.match(/fillcolor="#fdecea"/g)).toHaveLength(2);
    const initial = dot.split('\n').find((line) => line.startsWith('  s0 ['))!;
    expect(initial).toContain('small = 0\\l');
    expect(initial).toContain('big = 0\\l');
    expect(initial).toContain('peripheries=2');
  });

  it('escapes quotes and backslashes in labels', async () => {
    const graph = { model: 'q"m', states: [{ s: 'a"b\\c' }], initialCount: 1, edges: [], actionLabels: [], broken: [[]] };
    expect(renderDot(graph)).toContain('digraph "q\\"m" {');
    expect(renderDot(graph)).toContain('s0 [label="s = \\"a\\\\\\"b\\\\\\\\c\\"\\l", peripheries=2];');
  });

  it.skipIf(!runsWithDot)('is accepted by Graphviz (dot -Tsvg)', async () => {
    for (const model of [dieHard, peterson]) {
      const run = spawnSync('dot', ['-Tsvg'], { input: renderDot(await collectStateGraph(model)), encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('<svg');
    }
  });
});

describe('cocomc check --dot', () => {
  it('writes the graph and says so on stderr', () => {
    const file = path.join(dir, 'diehard.dot');
    rmSync(file, { force: true });
    const run = cocomc('check', 'diehard', '--workers', '1', '--dot', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Invariant NotSolved is violated.');
    expect(run.stderr).toMatch(/^cocomc: wrote the state graph \(16 states, \d+ transitions\) to .*diehard\.dot\n$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^digraph "diehard" \{$/m);
  });

  it('draws the graph of the check it reports: one search of the whole space, its counts those of the graph; --json leaves the graph out', () => {
    const file = path.join(dir, 'diehard-json.dot');
    const run = cocomc('check', 'diehard', '--workers', '2', '--dot', file, '--json');
    const result = JSON.parse(run.stdout) as { complete: boolean; distinctStates: number; stateGraph?: unknown };
    expect([result.complete, result.distinctStates, result.stateGraph]).toEqual([true, 16, undefined]);
    expect(readFileSync(file, 'utf8').match(/^ {2}s\d+ \[label=/gm)).toHaveLength(16);
  });

  it(`refuses a model of more than ${STATE_GRAPH_LIMIT} states: exit 2, one line, no file`, () => {
    const file = path.join(dir, 'flip.dot');
    rmSync(file, { force: true });
    const run = cocomc('check', 'flip', '--n', '20', '--workers', '1', '--dot', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('cocomc: --dot draws state graphs of at most 2,000 states, and flip (n=20 packed=false) has more (the search stopped at 2,001); try smaller parameters\n');
    expect(run.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
  });
});
