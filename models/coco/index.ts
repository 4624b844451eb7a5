/**
 * The CoCo page-transition model (spec: coco-model.md): CPU 0 converts a range of pages between
 * private and shared by a protocol, while zeropad loads, TLB and cache fills and the owner run.
 */
import { defineModel } from '../../src/model.js';
import { cocoProperties } from '../../properties/index.js';
import { cocoCodec } from './codec.js';
import { configProblem, describeConfig, resolveConfig } from './config.js';
import { cpuName, environmentActions } from './environment.js';
import { KEXEC_CPU, kexecActions } from './kexec.js';
import { cocoNotes } from './notes.js';
import { cocoParams } from './params.js';
import { cpu0Actions, nrSharedOf } from './program.js';
import { alive, initialState, range, type CocoState, type View } from './state.js';
import { cocoMatrix, cocoSweep } from './sweepAndMatrix.js';

export const coco = defineModel({
  name: 'coco',
  summary: 'x86 CoCo page transitions (set_memory_decrypted/encrypted) against load_unaligned_zeropad(), TLBs and caches',
  module: import.meta.url,
  params: cocoParams,
  validate: configProblem,
  sweep: cocoSweep,
  matrix: cocoMatrix,
  notes: cocoNotes,
  build: (params) => {
    const config = resolveConfig(params);
    const conversion = cpu0Actions(config);
    return {
      initialStates: [initialState(config)],
      actions: [...conversion, ...environmentActions(config), ...(config.kexec === 'none' ? [] : kexecActions(config, nrSharedOf(config)))],
      properties: cocoProperties(config),
      // A dead guest does nothing (spec 10.2); once CPU 0 has returned, or the kexec walk has run
      // (spec 11.4), running out of actions is fine.
      isFinal: (s: View) => !alive(s) || s.result !== 'running' || s.kx === 3,
      codec: cocoCodec(config),
      // CPU 0 keeps running its conversion (not its TLB fills, which share its lane): what ConversionReturns needs.
      fairness: [{ name: 'CPU0 conversion', actor: cpuName(0), action: [...new Set(conversion.map((a) => a.name))], kind: 'weak' as const }],
      actors: [...range(config.readers + 1).map(cpuName), ...(config.kexec === 'none' ? [] : [KEXEC_CPU]), ...(config.coherentCache ? [] : ['cache'])],
      configuration: describeConfig(params, config),
    };
  },
});

export type { CocoState };
