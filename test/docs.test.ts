/**
 * The model's documentation stays in step with the code: every kernel fact id cited in the code, the
 * README or docs/ is defined in docs/kernel-facts.md, and every relative link in docs/ and the
 * README reaches an existing file and, where it names one, an existing anchor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FACTS = join(ROOT, 'docs', 'kernel-facts.md');
const THIS_FILE = fileURLToPath(import.meta.url);

/** Every file under `dir` whose name ends with one of `suffixes`. */
function filesUnder(dir: string, suffixes: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, suffixes);
    return suffixes.some((suffix) => entry.name.endsWith(suffix)) ? [path] : [];
  });
}

/** Markdown with its fenced code blocks blanked (line numbers kept): code quotes are not citations or links. */
function withoutFences(markdown: string): string {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  }).join('\n');
}

const ID = String.raw`[A-Z](?:[0-9]+(?:\.[0-9]+)?)?`;
/** One part of a citation: an id (`A7`, `B2.3`, a section letter `E`) or a range (`F1-F3`), then its end or a remark. */
const CITED_PART = new RegExp(String.raw`^(${ID})(?:-(${ID}))?(?=$|[\s:])`);

/** The ids a range stands for: `C4-C6` is C4, C5, C6; ends that differ before their last number stand for themselves. */
function expandRange(from: string, to: string): string[] {
  const [, fromHead, fromLast] = /^(.*?)([0-9]+)$/.exec(from) ?? [];
  const [, toHead, toLast] = /^(.*?)([0-9]+)$/.exec(to) ?? [];
  if (fromHead === undefined || fromHead !== toHead || Number(fromLast) > Number(toLast)) return [from, to];
  return Array.from({ length: Number(toLast) - Number(fromLast) + 1 }, (_, i) => `${fromHead}${Number(fromLast) + i}`);
}

/**
 * The fact ids cited in `text`, with their line numbers: a bracket that opens with an id
 * (`[A7]`, `[K3, K8, K16]`, `[F1-F3, CVE-2024-35939]`, `[H2, B2.4 "BIG BOOM"]`); parts that are not
 * ids (`patch 1`, `spec 10.18`) are remarks.
 */
function citedIds(text: string): { id: string; line: number }[] {
  return text.split('\n').flatMap((content, i) =>
    [...content.matchAll(/\[([A-Z][0-9][^\]]*)\]/g)].flatMap((bracket) =>
      bracket[1]!.split(',').flatMap((part) => {
        const cited = CITED_PART.exec(part.trim());
        if (!cited) return [];
        const ids = cited[2] ? expandRange(cited[1]!, cited[2]) : [cited[1]!];
        return ids.map((id) => ({ id, line: i + 1 }));
      })));
}

/** The explicit anchors of a markdown page (`<a id="k3"></a>`), with the text that follows each. */
function explicitAnchors(markdown: string): { id: string; after: string }[] {
  return [...markdown.matchAll(/<a (?:id|name)="([^"]+)"><\/a>([^\n]*)/g)].map((m) => ({ id: m[1]!, after: m[2]! }));
}

/** A heading's anchor as GitHub makes it: its text without markup, lower case, punctuation dropped, spaces as hyphens. */
function headingSlug(heading: string): string {
  return heading
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a link may name in a markdown page: explicit ones, and headings' (repeats numbered as GitHub does). */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set(explicitAnchors(markdown).map((a) => a.id));
  const seen = new Map<string, number>();
  for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6} +(.+?)(?: +#+)? *$/gm)) {
    const slug = headingSlug(heading!);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The cited ids of `text` that are not among `defined` (kernel-facts.md's anchors), as `line: [id]`. */
function undefinedIds(text: string, defined: Set<string>): string[] {
  return citedIds(text).filter(({ id }) => !defined.has(id.toLowerCase())).map(({ id, line }) => `${line}: [${id}]`);
}

/** The link targets of a markdown page: inline links and images, and reference definitions, outside code. */
function linkTargets(markdown: string): { target: string; line: number }[] {
  const prose = withoutFences(markdown).replace(/`[^`\n]*`/g, '');
  return prose.split('\n').flatMap((content, i) => [
    ...[...content.matchAll(/\]\(([^)\s]+)(?: +"[^"]*")?\)/g)].map((m) => m[1]!),
    ...[...content.matchAll(/^ {0,3}\[[^\]]+\]: *(\S+)/g)].map((m) => m[1]!),
  ].map((target) => ({ target, line: i + 1 })));
}

/**
 * The relative links of the page at `path` (text `markdown`) that reach no file, or no anchor of a
 * markdown file, as `line: target`. `read` gives another page's text, or undefined if it does not exist.
 */
function brokenLinks(path: string, markdown: string, read: (path: string) => string | undefined, exists: (path: string) => boolean): string[] {
  return linkTargets(markdown).filter(({ target }) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return false; // https:, mailto: and the like are not checked here
    const [file = '', anchor] = target.split('#');
    const resolved = file === '' ? path : join(dirname(path), decodeURI(file));
    if (!exists(resolved)) return true;
    if (anchor === undefined) return false;
    const page = resolved.endsWith('.md') ? read(resolved) : undefined;
    return page === undefined || !anchorsOf(page).has(decodeURIComponent(anchor));
  }).map(({ target, line }) => `${line}: ${target}`);
}

/** The relative paths (`../x`, in links or prose) in the page at `path` that lead outside `ROOT`, as `line: path`. */
function pathsOutside(path: string, markdown: string): string[] {
  return markdown.split('\n').flatMap((content, i) =>
    [...content.matchAll(/(?:\.\.\/)+[\w.-][\w./-]*/g)]
      .filter(([mention]) => relative(ROOT, join(dirname(path), mention)).startsWith('..'))
      .map(([mention]) => `${i + 1}: ${mention}`));
}

const readText = (path: string): string => readFileSync(path, 'utf8');
const readIfExists = (path: string): string | undefined => (existsSync(path) ? readText(path) : undefined);
const display = (path: string): string => relative(ROOT, path);

/** Where fact ids are cited: the code, its tests and benchmarks, the README and docs/. */
function citingFiles(): string[] {
  const code = ['src', 'models', 'properties', 'bench', 'test'].flatMap((dir) => filesUnder(join(ROOT, dir), ['.ts']));
  return [...code.filter((path) => path !== THIS_FILE), join(ROOT, 'README.md'), ...documentationPages()];
}

/** The pages of docs/. */
function documentationPages(): string[] {
  return filesUnder(join(ROOT, 'docs'), ['.md']);
}

describe('docs: the checks themselves', () => {
  it('read every form of citation the code uses, and nothing else', () => {
    const text = '[A7] [K3, K8, K16] [C4-C6] [A4, M8, E]\n[D3, D4, patch 1] [F1-F3, CVE-2024-35939] [H2, B2.4 "BIG BOOM"] [A4, spec 10.18] [A7: one `set_pte_atomic` per PTE] tlb[c][p] [RFC PATCH 1/1]';
    expect(citedIds(text)).toEqual([
      ...['A7', 'K3', 'K8', 'K16', 'C4', 'C5', 'C6', 'A4', 'M8', 'E'].map((id) => ({ id, line: 1 })),
      ...['D3', 'D4', 'F1', 'F2', 'F3', 'H2', 'B2.4', 'A4', 'A7'].map((id) => ({ id, line: 2 })),
    ]);
  });

  it('report an id that the facts do not define, and a range that runs past them', () => {
    const facts = '## <a id="k"></a>K. Kexec\n\n<a id="k1"></a>**K1. The lock.**\n\n<a id="k2"></a>**K2. The hooks.**\n';
    expect(undefinedIds('holds [K1]\nsee [K1, K9]\n[K1-K3] [K2, K, I]', anchorsOf(facts))).toEqual(['2: [K9]', '3: [K3]', '3: [I]']);
  });

  it('report a link to a missing file or a missing anchor, and accept headings, explicit anchors and web links', () => {
    const pages: Record<string, string> = {
      '/r/docs/a.md': '# Title\n\n## 10. Conventions that fix the counts\n\n1. <a id="10.1"></a>**Sticky.**\n',
    };
    const page = [
      '[ok](a.md#10.1) [ok](a.md#10-conventions-that-fix-the-counts) [ok](../README.md) [ok](https://lore.kernel.org/all/x/)',
      '[gone](b.md) [no anchor](a.md#10.2) `[in code](c.md)`',
      '```\n[in a fence](d.md)\n```',
      '[ref]: a.md#title',
      '[bad ref]: a.md#nowhere',
    ].join('\n');
    const exists = (path: string): boolean => path in pages || path === '/r/README.md';
    expect(brokenLinks('/r/docs/index.md', page, (path) => pages[path], exists)).toEqual(['2: b.md', '2: a.md#10.2', '7: a.md#nowhere']);
  });

  it('report a path that climbs out of the repository, and accept one that stays in it', () => {
    const page = join(ROOT, 'docs', 'index.md');
    expect(pathsOutside(page, '[code](../models/coco/state.ts)\nsee `../../shared/spec/coco-model.md`')).toEqual(['2: ../../shared/spec/coco-model.md']);
  });
});

describe('docs: in step with the code', () => {
  it('every fact id cited in the code, the README and docs/ is defined in docs/kernel-facts.md', () => {
    const defined = anchorsOf(readText(FACTS));
    const problems = citingFiles().flatMap((path) => {
      const text = path.endsWith('.md') ? withoutFences(readText(path)) : readText(path);
      return undefinedIds(text, defined).map((problem) => `${display(path)}:${problem} is not defined in docs/kernel-facts.md`);
    });
    expect(problems).toEqual([]);
  });

  it('every anchor of docs/kernel-facts.md labels the fact or section of that id', () => {
    const mislabelled = explicitAnchors(readText(FACTS))
      .filter(({ id, after }) => !after.replace(/^[*| ]+/, '').startsWith(id.toUpperCase()))
      .map(({ id, after }) => `#${id}: ${after.slice(0, 40)}`);
    expect(mislabelled).toEqual([]);
  });

  it('every relative link in docs/ and the README reaches an existing file and anchor', () => {
    const problems = [join(ROOT, 'README.md'), ...documentationPages()].flatMap((path) =>
      brokenLinks(path, readText(path), readIfExists, existsSync).map((problem) => `${display(path)}:${problem}`));
    expect(problems).toEqual([]);
  });

  it('no path in docs/ or the README leads outside the repository', () => {
    const outside = [join(ROOT, 'README.md'), ...documentationPages()].flatMap((path) =>
      pathsOutside(path, readText(path)).map((problem) => `${display(path)}:${problem}`));
    expect(outside).toEqual([]);
  });
});
