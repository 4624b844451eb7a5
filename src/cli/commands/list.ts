/** `cocomc list [MODEL]`: the built-in models, each with its summary, parameters and properties. */
import { builtInModels, defaultModel } from '../../../models/index.js';
import { DEADLOCK } from '../../checkedProperties.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { AnyModel } from '../../model.js';
import { instantiate } from '../../modelInstance.js';
import { paramFlags } from '../args.js';
import { formatFlags } from '../flagHelp.js';
import { findModel } from '../models.js';

/** A model's entry: its summary, its parameters as flags, and its properties under default parameters. */
export function modelEntry(model: AnyModel): string {
  const instance = instantiate(model);
  const flags = paramFlags(model.params);
  const width = Math.max(DEADLOCK.length, ...instance.properties.map((p) => p.name.length)) + 2;
  const properties = instance.properties.map((p) => `    ${p.name.padEnd(width)}${p.kind.padEnd(12)}${p.doc ?? ''}`);
  if (instance.isFinal) {
    properties.push(`    ${DEADLOCK.padEnd(width)}${'always'.padEnd(12)}checked too, as the model declares final states (--no-deadlock: off)`);
  }
  return [
    `${model.name}${model.name === defaultModel ? ' (default)' : ''}: ${model.summary}`,
    flags.length > 0 ? '  parameters:' : '  parameters: none',
    ...formatFlags(flags, '    '),
    '  properties (with the default parameters):',
    ...properties,
    ...(model.notes?.() ?? []).map((line) => (line ? `  ${line}` : line)),
  ].join('\n');
}

export async function listCommand(argv: readonly string[]): Promise<number> {
  if (argv.length > 1) throw new UsageError(`unexpected argument '${argv[1]}'; usage: cocomc list [MODEL]`);
  const models = argv[0] === undefined ? await builtInModels() : [await findModel(argv[0])];
  const head = argv[0] === undefined ? ['Built-in models (cocomc check NAME):', ''] : [];
  process.stdout.write([...head, models.map(modelEntry).join('\n\n'), ''].join('\n'));
  return ExitCode.ok;
}
