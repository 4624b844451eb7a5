/** `--checkpoint`, `--checkpoint-every` and `--resume`: a check saved as it goes, and resumed after a crash. */
import { MINUTES, numberFromFlag, validateCheckOptions } from '../checkOptions.js';
import type { CheckOptions } from '../check.js';
import { DEFAULT_CHECKPOINT_MINUTES } from '../checkpoint/session.js';
import type { FlagSpec, ParsedArgs } from './args.js';

export const checkpointFlags: FlagSpec[] = [
  { flag: '--checkpoint', key: 'checkpoint', type: 'value', placeholder: 'DIR', doc: 'save the search between two levels into DIR (replacing the last save), to go on with --resume after a crash', default: 'none', accepted: 'a directory path' },
  { flag: '--checkpoint-every', key: 'checkpointEvery', type: 'value', placeholder: 'MINUTES', doc: 'save at most this often (0: at every level)', default: String(DEFAULT_CHECKPOINT_MINUTES), accepted: MINUTES },
  { flag: '--resume', key: 'resume', type: 'value', placeholder: 'DIR', doc: 'go on from the checkpoint in DIR, of the same model, parameters and options that change results; limits and --workers may differ', default: 'none', accepted: 'a directory that --checkpoint wrote' },
];

/** The check options the checkpoint flags ask for, validated as the library validates them. */
export function checkpointOptions(values: ParsedArgs['values']): Pick<CheckOptions, 'checkpoint' | 'checkpointEvery' | 'resume'> {
  const options = { checkpoint: values.checkpoint, checkpointEvery: numberFromFlag(values.checkpointEvery), resume: values.resume };
  validateCheckOptions(options);
  return options;
}
