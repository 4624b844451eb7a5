/**
 * Parameter specs: every kind the param helpers make is documented in the README, and a malformed
 * spec (a model author's mistake) is a model error naming the parameter, before any search.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, ModelError, param } from '../src/index.js';
import { checkParamSpecs } from '../src/params.js';
import { enumParam } from './fixtures/enumParamModel.js';
import { cocomc } from './support/cocomc.js';

describe('parameter specs', () => {
  it('every kind the param helpers make is documented in the README with an example', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Parameters'), readme.indexOf('### States'));
    for (const kind of Object.keys(param)) expect(section).toContain(`param.${kind}(`);
  });

  it('a guessed kind is a model error naming the parameter, from the library and the command line', { timeout: 60_000 }, async () => {
    await expect(check(enumParam, { workers: 1 })).rejects.toThrow(new ModelError("parameter 'mode' has type 'enum'; accepted: int, boolean, choice, list (made by param.int, param.bool, param.choice, param.list)"));
    const run = cocomc('help', 'check', 'dist/test/fixtures/enumParamModel.js');
    expect([run.code, run.stderr]).toEqual([4, "cocomc: model error: parameter 'mode' has type 'enum'; accepted: int, boolean, choice, list (made by param.int, param.bool, param.choice, param.list)\n"]);
  });

  it.each([
    ["parameter 'n' has default 9; accepted: a whole number <= 3", { n: param.int('n', 9, { max: 3 }) }],
    ["parameter 'n' has no default: give one, or make it optional", { n: { type: 'int', doc: 'n' } }],
    ["parameter 'n' has no doc", { n: { type: 'int', default: 1 } }],
    ["parameter 'mode' has default 'c', which is not one of its values: a, b", { mode: param.choice('mode', ['a', 'b'], 'c' as 'a') }],
    ["parameter 'mode' has no values: a non-empty array of names", { mode: { type: 'choice', doc: 'mode', values: 'ab', default: 'a' } }],
    ["parameter 'steps' has default 'z', which is not one of its values: a", { steps: { type: 'list', doc: 's', values: ['a'], default: ['a', 'z'] } }],
    ["parameter 'flag' has default yes; accepted: true, false", { flag: { type: 'boolean', doc: 'f', default: 'yes' } }],
    ["parameter 'host-failures' cannot be a flag: name parameters in camelCase", { 'host-failures': param.bool('h', false) }],
    ["parameter 'n' is undefined, not a parameter spec", { n: undefined }],
  ])('refuses a spec: %s', (message, specs) => {
    expect(() => checkParamSpecs(specs)).toThrow(ModelError);
    expect(() => checkParamSpecs(specs)).toThrow(message);
  });
});
