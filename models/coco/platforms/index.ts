/** The platforms, by the value `--platform` takes: adding one is a file and a line here. */
import type { GuestPlatform } from './guestPlatform.js';
import { hypervVtom } from './hypervVtom.js';
import { snp } from './snp.js';
import { tdx } from './tdx.js';

export const PLATFORMS = ['tdx', 'snp', 'hyperv-vtom'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const GUEST_PLATFORMS: Record<Platform, GuestPlatform> = { tdx, snp, 'hyperv-vtom': hypervVtom };
