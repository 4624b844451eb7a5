/**
 * Help and list: every command, flag (with its default and accepted values), model, parameter and
 * property is mentioned. Progress: on stderr only, so `--json` stdout stays valid JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInModel, builtInModelNames, builtInModels, defaultModel } from '../models/index.js';
import { paramFlags, type FlagSpec } from '../src/cli/args.js';
import { engineFlags } from '../src/cli/commands/check.js';
import { reportFileFlags } from '../src/cli/reportFiles.js';
import { instantiate } from '../src/modelInstance.js';
import { cocomc } from './support/cocomc.js';

const models = await builtInModels();

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The two help lines of a flag: its head with the doc, then `default: ...; accepted: ...`. */
function flagEntry(help: string, flag: FlagSpec): { head: string; details: string } {
  const lines = help.split('\n');
  const at = lines.findIndex((line) => new RegExp(`^ +${flag.flag}( |$)`).test(line));
  expect(at, `${flag.flag} is in the help`).toBeGreaterThanOrEqual(0);
  // A head too long for the column puts the doc on the next line.
  const docFollows = !lines[at]!.includes(flag.doc);
  return { head: lines.slice(at, at + (docFollows ? 2 : 1)).join(' '), details: lines[at + (docFollows ? 2 : 1)]! };
}

function expectDocumented(help: string, flags: readonly FlagSpec[]): void {
  for (const flag of flags) {
    const { head, details } = flagEntry(help, flag);
    expect(head).toContain(flag.doc);
    expect(details).toMatch(/^ +default: .+; accepted: .+$/);
    if (flag.default !== undefined) expect(details).toContain(`default: ${flag.default};`);
    if (flag.accepted !== undefined && flag.key !== 'property') expect(details).toContain(`accepted: ${flag.accepted}`);
    if (flag.type === 'boolean') expect(details).toContain(`--no-${flag.flag.slice(2)}`);
  }
}

describe('the built-in models', () => {
  it('are each loaded by the name they carry, and by no other', async () => {
    expect(models.map((m) => m.name)).toEqual(builtInModelNames);
    for (const name of builtInModelNames) expect((await builtInModel(name))!.name).toBe(name);
    expect(builtInModel('toString')).toBeUndefined();
  });
});

describe('cocomc help', () => {
  it.each([['--help'], ['help'], ['-h']])('%s lists every command', (word) => {
    const run = cocomc(word);
    expect(run.code).toBe(0);
    for (const command of ['check [MODEL] [flags]', 'list [MODEL]', 'help [COMMAND [MODEL]]']) expect(run.stdout).toContain(command);
    for (const model of models) expect(run.stdout).toContain(model.name);
    expect(run.stderr).toBe('');
  });

  it("help check documents every engine, report-file and default-model flag with its default and accepted values", () => {
    const run = cocomc('help', 'check');
    expect(run.code).toBe(0);
    expectDocumented(run.stdout, [...engineFlags, ...reportFileFlags, ...paramFlags(models.find((m) => m.name === defaultModel)!.params)]);
  });

  it.each(models.map((m) => [m.name, m] as const))('help check %s documents its parameters and accepts its properties', (name, model) => {
    const run = cocomc('help', 'check', name);
    expect(run.code).toBe(0);
    expectDocumented(run.stdout, paramFlags(model.params));
    const property = flagEntry(run.stdout, engineFlags.find((f) => f.key === 'property')!);
    for (const p of instantiate(model).properties) expect(property.details).toContain(p.name);
  });

  it('check --help is help check, for the model named', () => {
    expect(cocomc('check', 'diehard', '--help').stdout).toBe(cocomc('help', 'check', 'diehard').stdout);
    expect(cocomc('check', '--workers', '2', '--help').stdout).toBe(cocomc('help', 'check').stdout);
  });

  it.each([
    [['help', 'frobnicate'], "cocomc: unknown command 'frobnicate'; accepted: check, "],
    [['help', 'check', 'nomodel'], "cocomc: unknown model 'nomodel'"],
    [['help', 'list', 'diehard'], "cocomc: unexpected argument 'diehard'"],
  ])('exits 2 on a bad topic: %j', (args, message) => {
    const run = cocomc(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stdout).toBe('');
  });
});

describe('cocomc list', () => {
  const run = cocomc('list');

  it('names every built-in model with its summary, parameters and properties', () => {
    expect(run.code).toBe(0);
    for (const model of models) {
      expect(run.stdout).toContain(`${model.name}${model.name === defaultModel ? ' (default)' : ''}: ${model.summary}`);
      expectDocumented(run.stdout, paramFlags(model.params));
      for (const p of instantiate(model).properties) expect(run.stdout).toMatch(new RegExp(`^ +${p.name} +${p.kind} +${escapeRegExp(p.doc ?? '')}$`, 'm'));
    }
  });

  it('says that models with final states are checked for deadlocks', () => {
    const peterson = cocomc('list', 'peterson').stdout;
    expect(peterson).toMatch(/^ +Deadlock +always +checked too/m);
    expect(cocomc('list', 'diehard').stdout).not.toContain('Deadlock');
  });
});

describe('progress', () => {
  const progressLine = /^level \d+ {2}states [\d,]+ {2}queue [\d,]+ {2}[\d,]+ states\/s {2}[\d.]+ s$/m;

  it('goes to stderr, never stdout', () => {
    const run = cocomc('check', 'flip', '--n', '14', '--workers', '1', '--progress');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(progressLine);
    expect(run.stdout).not.toMatch(/^level \d+/m);
    expect(run.stdout.startsWith('cocomc: checking flip')).toBe(true);
  });

  it('leaves --json stdout valid JSON', () => {
    const run = cocomc('check', 'flip', '--n', '14', '--workers', '2', '--progress', '--json');
    expect(run.stderr).toMatch(progressLine);
    expect(JSON.parse(run.stdout)).toMatchObject({ model: 'flip', distinctStates: 843 });
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('draws in place on a terminal, and still never on stdout', () => {
    // `script` gives the command a terminal for stderr while its stdout goes to a file.
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cocomc-')), 'out.json');
    const command = `${process.execPath} dist/src/cli.js check flip --n 14 --workers 1 --json > ${out}`;
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toContain('\r\x1b[Klevel 0');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ model: 'flip', distinctStates: 843 });
  });
});
