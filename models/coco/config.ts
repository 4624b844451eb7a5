/**
 * The resolved configuration: the options with every derived default filled in, the platform's
 * traits, and the protocol CPU 0 runs. Also the check that rejects invalid combinations.
 */
import { flagName } from '../../src/params.js';
import type { CocoParams } from './params.js';
import { PLATFORM_OPTIONS, type GuestPlatform, type PlatformOption } from './platforms/guestPlatform.js';
import { GUEST_PLATFORMS, PLATFORMS, type Platform } from './platforms/index.js';
import { explicitProtocol, namedProtocol, stepListProblem, type Protocol } from './protocols.js';
import type { Enc } from './state.js';

export interface CocoConfig {
  platform: Platform;
  /** The platform's hooks. */
  guest: GuestPlatform;
  paravisor: boolean;
  coherentCache: boolean;
  direction: 'decrypt' | 'encrypt';
  /** The attribute the range has before the conversion. */
  initial: Enc;
  /** The attribute it converts to. */
  target: Enc;
  pages: number;
  readers: number;
  aliases: boolean;
  speculation: boolean;
  hostFailures: boolean;
  onError: 'leak' | 'free';
  pfnLookup: 'page-walk' | 'requires-present';
  pvalidateVa: 'direct-map' | 'temporary';
  granularity: 'range' | 'page';
  /** Whether a kexec CPU runs `kexec -e` (`normal`) or kdump (`crash`) during the conversion (spec 11). */
  kexec: 'none' | 'normal' | 'crash';
  /** Hyper-V vTOM under kexec: where the list update goes around the visibility hypercall (spec 11.6). */
  hvListOrder?: 'merged' | 'superset';
  protocol: Protocol;
}

/** The platforms an option applies to. */
const platformsOf = (option: PlatformOption): Platform[] =>
  PLATFORMS.filter((name) => GUEST_PLATFORMS[name].ownOptions.includes(option));

/** Why a combination of options is invalid (one line naming the value), or undefined. */
export function configProblem(p: CocoParams): string | undefined {
  if (p.protocol !== undefined && p.steps !== undefined) {
    return `--protocol ${p.protocol} and --steps are alternatives; give one of them`;
  }
  if (p.steps !== undefined) {
    const problem = stepListProblem(p.steps);
    if (problem) return problem;
  }
  if (p.hvListOrder !== undefined && p.kexec === 'none') {
    return `--hv-list-order ${p.hvListOrder} needs a kexec: the list is only read by the kexec walk; accepted: with --kexec normal or crash`;
  }
  for (const option of PLATFORM_OPTIONS) {
    if (p[option] !== undefined && !GUEST_PLATFORMS[p.platform].ownOptions.includes(option)) {
      return `${flagName(option)} ${p[option]} does not apply to platform ${p.platform}; accepted: platform ${platformsOf(option).join(', ')} only`;
    }
  }
  if (p.protocol === 'v2' && p.pvalidateVa === 'direct-map') {
    return '--pvalidate-va direct-map contradicts --protocol v2, which uses a temporary VA [B3.3]; accepted: temporary';
  }
  return undefined;
}

/**
 * The configuration as reports show it: every option with its derived default, and the protocol
 * by name (or as its explicit list of steps).
 */
export function describeConfig(p: CocoParams, config: CocoConfig): Record<string, unknown> {
  const { guest, initial, target, protocol, ...options } = config;
  const otherPlatforms = (name: string): boolean =>
    PLATFORM_OPTIONS.some((option) => option === name && !guest.ownOptions.includes(option));
  return Object.fromEntries(
    Object.entries({ ...options, protocol: p.steps ? undefined : (p.protocol ?? 'seven-step'), steps: p.steps ? protocol.steps : undefined })
      // Spec 11.9.1: without kexec every report line is the seed's.
      .filter(([name, value]) => value !== undefined && !otherPlatforms(name) && !(name === 'kexec' && value === 'none')),
  );
}

/** Fills in the derived options and the protocol; `p` must have passed `configProblem`. */
export function resolveConfig(p: CocoParams): CocoConfig {
  const guest = GUEST_PLATFORMS[p.platform];
  const coherentCache = p.coherentCache ?? guest.coherentCache;
  const gates = { preFlush: guest.encTlbFlushRequired(p.direction), cacheFlush: !coherentCache };
  const protocol = p.steps !== undefined ? explicitProtocol(p.steps) : namedProtocol(p.protocol ?? 'seven-step', gates);
  return {
    platform: p.platform,
    guest,
    paravisor: p.paravisor ?? guest.paravisor,
    coherentCache,
    direction: p.direction,
    initial: p.direction === 'decrypt' ? 'private' : 'shared',
    target: p.direction === 'decrypt' ? 'shared' : 'private',
    pages: p.pages,
    readers: p.readers,
    aliases: p.aliases,
    speculation: p.speculation,
    hostFailures: p.hostFailures,
    onError: p.onError,
    pfnLookup: p.pfnLookup ?? 'page-walk',
    pvalidateVa: protocol.pvalidateVa ?? p.pvalidateVa ?? 'direct-map',
    granularity: p.granularity,
    kexec: p.kexec,
    hvListOrder: guest.ownOptions.includes('hvListOrder') && p.kexec !== 'none' ? (p.hvListOrder ?? 'merged') : undefined,
    protocol,
  };
}
