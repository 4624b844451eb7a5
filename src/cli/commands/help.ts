/**
 * `cocomc help [COMMAND [MODEL]]`: the commands, or one command's usage and every flag with its
 * default and accepted values; for a command that takes a model, that model's parameter flags
 * too (the default model's unless one is named).
 */
import { builtInModelNames, defaultModel } from '../../../models/index.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { AnyModel } from '../../model.js';
import { instantiate } from '../../modelInstance.js';
import { paramFlags, type FlagSpec } from '../args.js';
import type { Command, CommandCode } from '../command.js';
import { formatFlags } from '../flagHelp.js';
import { findModel } from '../models.js';

const modelNames = (): string => builtInModelNames.join(', ');
const sentence = (text: string): string => `${text[0]!.toUpperCase()}${text.slice(1)}.`;

/** `cocomc help`: what cocomc is, its commands, and where to read on. */
export function overview(commands: Readonly<Record<string, Command>>): string {
  const entries = Object.values(commands);
  const width = Math.max(...entries.map((c) => c.usage.length)) + 2;
  return [
    'cocomc: an exhaustive interleaving explorer (explicit-state model checker) for x86 confidential-VM page transitions.',
    '',
    'Usage: cocomc COMMAND [ARGUMENTS]',
    '',
    'Commands:',
    ...entries.map((c) => `  ${c.usage.padEnd(width)}${c.summary}`),
    '',
    `Models: ${modelNames()} (cocomc list); the default is ${defaultModel}.`,
    'Every flag of a command, with its default: cocomc help COMMAND [MODEL]; any command also takes --help. cocomc --version prints the version.',
    'Exit codes: 0 every property holds, 1 a property is violated, 2 bad usage, 3 the search was cut short, 4 a model or internal error.',
    '',
  ].join('\n');
}

/** `--property` accepts the model's own properties: help names them. */
function withPropertiesOf(model: AnyModel, flags: readonly FlagSpec[]): FlagSpec[] {
  if (!flags.some((f) => f.key === 'property')) return [...flags];
  const names = instantiate(model).properties.map((p) => p.name);
  return flags.map((f) => (f.key === 'property' ? { ...f, accepted: `${names.join(', ')} (${model.name}'s)` } : f));
}

/** `cocomc help COMMAND [MODEL]`: usage, then each group of flags, then the model's parameters. */
export function commandHelp(command: Command, code: CommandCode, model: AnyModel | undefined): string {
  const groups = (code.flagGroups ?? []).flatMap((group) => [
    '',
    `${group.title}:`,
    ...formatFlags(model ? withPropertiesOf(model, group.flags) : group.flags),
  ]);
  const modelFlags = model ? paramFlags(model.params) : [];
  return [
    `Usage: cocomc ${command.usage}`,
    sentence(command.summary),
    ...(model ? [`MODEL: ${modelNames()}, or a model module (FILE.js, or FILE.js:NAME when it exports several); default: ${defaultModel}.`] : []),
    ...groups,
    ...(model
      ? ['', `Parameters of ${model.name} (cocomc help ${command.usage.split(' ')[0]} MODEL shows another model's):`, ...(modelFlags.length > 0 ? formatFlags(modelFlags) : ['  none'])]
      : []),
    ...(model?.notes?.() ?? []).map((line) => (line ? `  ${line}` : line)),
    '',
  ].join('\n');
}

/** Prints help on `argv`'s topic; returns 0. */
export async function helpCommand(argv: readonly string[], commands: Readonly<Record<string, Command>>): Promise<number> {
  const [topic, modelName, ...extra] = argv;
  const command = topic === undefined ? undefined : commands[topic];
  if (topic !== undefined && !command) throw new UsageError(`unknown command '${topic}'; accepted: ${Object.keys(commands).join(', ')}`);
  if (extra.length > 0 || (modelName !== undefined && !command?.takesModel)) {
    throw new UsageError(`unexpected argument '${extra[0] ?? modelName}'; usage: cocomc help [COMMAND], or cocomc help COMMAND MODEL for a command that takes a model`);
  }
  const model = command?.takesModel ? await findModel(modelName ?? defaultModel) : undefined;
  process.stdout.write(command ? commandHelp(command, await command.load(), model) : overview(commands));
  return ExitCode.ok;
}
