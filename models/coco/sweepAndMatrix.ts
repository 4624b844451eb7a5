/**
 * The CoCo model's many-check studies: the ordering sweep over the cover letter's seven steps
 * (spec section 8), and the comparison matrix of the named protocols (spec 6) by platform and
 * direction.
 */
import type { MatrixAxis, SweepSpec } from '../../src/model.js';
import { PROTOCOL_NAMES, SEVEN_STEPS } from './protocols.js';

/** Every ordering of every subset of seven-step's steps, at the smallest size that shows every hazard (spec 8). */
export const cocoSweep: SweepSpec = {
  param: 'steps',
  base: SEVEN_STEPS,
  defaults: { pages: 1, readers: 1 },
};

/**
 * Rows: the named protocols; then the platforms, native TDX and TDX under a paravisor (TD
 * partitioning, where a zeropad #VE cannot be fixed up [C6]) apart; then the directions. Each
 * platform value sets `paravisor` explicitly, so every cell says which routing it checked.
 */
export const cocoMatrix: readonly MatrixAxis[] = [
  { name: 'protocol', values: PROTOCOL_NAMES.map((protocol) => ({ label: protocol, params: { protocol } })) },
  {
    name: 'platform',
    values: [
      { label: 'tdx', params: { platform: 'tdx', paravisor: false } },
      { label: 'tdx+paravisor', params: { platform: 'tdx', paravisor: true } },
      { label: 'snp', params: { platform: 'snp', paravisor: false } },
      { label: 'hyperv-vtom', params: { platform: 'hyperv-vtom', paravisor: true } },
    ],
  },
  { name: 'direction', values: (['decrypt', 'encrypt'] as const).map((direction) => ({ label: direction, params: { direction } })) },
];
