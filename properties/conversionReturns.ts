// Hazard: a conversion that never returns, its caller stuck. The conversion is a straight line of
// steps, each returning at once on failure, with nothing that waits for another CPU [A6]; only a
// dead guest or kexec stopping CPU 0 [K1] ends it otherwise. So it returns if CPU 0 keeps being
// scheduled (weak fairness of CPU 0, which the model declares); without that, CPU 0 may stop while
// the readers, the TLBs and the cache go on forever. Checked only when named: it needs the whole
// state graph, and the default properties' results must stay those of the contract.
import { eventually } from '../src/model.js';
import type { CocoConfig } from '../models/coco/config.js';
import { stopped } from '../models/coco/kexec.js';
import { alive, type CocoState } from '../models/coco/state.js';

export const conversionReturns = (config: CocoConfig) => ({
  ...eventually<CocoState>(
    'ConversionReturns',
    (s) => s.result !== 'running' || !alive(s) || stopped(config, s),
    "CPU 0's conversion eventually returns (unless the guest dies or kexec stops CPU 0) if CPU 0 keeps running it; checked only when named (--property)",
  ),
  onlyWhenNamed: true,
});
