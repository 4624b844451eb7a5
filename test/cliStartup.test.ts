/**
 * What the command line loads before it works. A check searches on a thread of its own, which the
 * entry starts before it loads the rest; the thread that supervises the search must not load the
 * search's code too, nor any command but the one that runs, and the search thread not what only
 * some checks use: each of those cost every check tens of milliseconds before its search began. Read from the sources' static imports (what Node loads
 * before a module runs); a dynamic `import()` loads only when it is reached.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** A static import or re-export of a value (type-only ones are erased), with its module specifier. */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** The project's modules that `entry` loads before it runs, as paths relative to the repository. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (specifier!.startsWith('.')) visit(path.join(path.dirname(file), specifier!).replace(/\.js$/, '.ts'));
    }
  };
  visit(entry);
  return seen;
}

describe("the command line's start", () => {
  it('reads the static imports it walks, and not the type-only ones', () => {
    const graph = staticGraph('src/check.ts');
    expect(graph).toContain('src/parallel/supervisor.ts');
    // check.ts imports bfs.ts's Progress as a type only, and runCheck.ts by import().
    expect(graph).not.toContain('src/bfs.ts');
    expect(graph).not.toContain('src/runCheck.ts');
    expect(staticGraph('src/parallel/searchThread.ts')).toContain('src/bfs.ts');
  });

  it('loads only what starts the search thread before it loads the rest', () => {
    expect([...staticGraph('src/cli.ts')].sort()).toEqual([
      'src/cli.ts',
      'src/errors.ts',
      'src/limits.ts',
      'src/model.ts',
      'src/modelRef.ts',
      'src/parallel/searchThreads.ts',
      'src/parallel/threadScript.ts',
    ]);
  });

  it('loads no command before it knows which one runs', () => {
    expect([...staticGraph('src/cli/main.ts')].filter((file) => file.startsWith('src/cli/commands/'))).toEqual([]);
  });

  it("loads neither the search's code nor the report writers a check did not ask for, in the thread that supervises a check", () => {
    const graph = staticGraph('src/cli/commands/check.ts');
    for (const file of ['src/runCheck.ts', 'src/bfs.ts', 'src/expand.ts', 'src/codecs/stateCodec.ts', 'src/parallel/poolRunner.ts', 'src/report/html.ts', 'src/report/dot.ts']) {
      expect(graph, file).not.toContain(file);
    }
  });

  it('loads, in the search thread, only what every check uses before its search starts', () => {
    const graph = staticGraph('src/parallel/searchThread.ts');
    expect(graph).toContain('src/expand.ts');
    const loadedWhenAsked = ['src/check.ts', 'src/parallel/supervisor.ts', 'src/liveness/livenessPlan.ts', 'src/stateGraphCollector.ts', 'src/checkpoint/session.ts', 'src/parallel/poolRunner.ts', 'src/report/text.ts'];
    for (const file of loadedWhenAsked) expect(graph, file).not.toContain(file);
  });
});
