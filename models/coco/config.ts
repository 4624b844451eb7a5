/**
 * The resolved configuration: the options with every derived default filled in, the platform's
 * traits, and the protocol CPU 0 runs. Also the check that rejects invalid combinations.
 */
import { flagName } from '../../src/params.js';
import type { CocoParams, Platform } from './params.js';
import { explicitProtocol, namedProtocol, stepListProblem, type Protocol } from './protocols.js';
import type { Enc } from './state.js';

export interface CocoConfig {
  platform: Platform;
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
  protocol: Protocol;
}

/**
 * `enc_tlb_flush_required(enc)` [B5]: TDX flushes only before private->shared, the VMM flushes the
 * other way [B2.1]; AMD [B3.1] and pre-series Hyper-V [B4.1] always.
 */
function preFlush(platform: Platform, direction: CocoConfig['direction']): boolean {
  return platform !== 'tdx' || direction === 'decrypt';
}

/** Options that apply to one platform only. */
const onlyOn = {
  // TDX and SNP translate direct-map addresses with __pa(), which needs no PTE [D4] (spec 10.9).
  pfnLookup: 'hyperv-vtom',
  // PVALIDATE is an SNP instruction [B3.2].
  pvalidateVa: 'snp',
} as const satisfies Record<string, Platform>;

/** Why a combination of options is invalid (one line naming the value), or undefined. */
export function configProblem(p: CocoParams): string | undefined {
  if (p.protocol !== undefined && p.steps !== undefined) {
    return `--protocol ${p.protocol} and --steps are alternatives; give one of them`;
  }
  if (p.steps !== undefined) {
    const problem = stepListProblem(p.steps);
    if (problem) return problem;
  }
  for (const option of ['pfnLookup', 'pvalidateVa'] as const) {
    if (p[option] !== undefined && p.platform !== onlyOn[option]) {
      return `${flagName(option)} ${p[option]} does not apply to platform ${p.platform}; accepted: platform ${onlyOn[option]} only`;
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
  const { initial, target, protocol, ...options } = config;
  const applies = (option: keyof typeof onlyOn): boolean => config.platform === onlyOn[option];
  return Object.fromEntries(
    Object.entries({ ...options, protocol: p.steps ? undefined : (p.protocol ?? 'seven-step'), steps: p.steps ? protocol.steps : undefined })
      .filter(([name, value]) => value !== undefined && !(name in onlyOn && !applies(name as keyof typeof onlyOn))),
  );
}

/** Fills in the derived options and the protocol; `p` must have passed `configProblem`. */
export function resolveConfig(p: CocoParams): CocoConfig {
  const coherentCache = p.coherentCache ?? p.platform !== 'tdx';
  const gates = { preFlush: preFlush(p.platform, p.direction), cacheFlush: !coherentCache };
  const protocol = p.steps !== undefined ? explicitProtocol(p.steps) : namedProtocol(p.protocol ?? 'seven-step', gates);
  return {
    platform: p.platform,
    paravisor: p.paravisor ?? p.platform === 'hyperv-vtom',
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
    protocol,
  };
}
