/**
 * What a platform is to the model: one record of hooks, as the kernel has one `x86_platform.guest`
 * per platform [B1]. Everything that differs between TDX, SNP and Hyper-V vTOM is a field here;
 * the rest of the model asks the configuration's record and never tests a platform's name.
 */
import type { CocoConfig } from '../config.js';
import type { CocoState, Enc, Mutable, View } from '../state.js';
import type { SubStep } from './subStep.js';

/** The state fields of the host's view of the range (spec 3.3), and on Hyper-V under kexec the guest's list of visible PFNs (spec 11.6). */
export type HostView = Pick<CocoState, 'gpa' | 'rmp' | 'validated' | 'visible' | 'listed'>;

/**
 * The pages the TDX and SNP walks convert: those whose direct-map PTE has the shared encoding,
 * present or not: lookup_address() returns the leaf PTE whatever its PRESENT bit [D1] and
 * pte_decrypted() tests the encryption bit only [K10] (spec 11.5).
 */
export function sharedByPte(s: View, pages: number): number[] {
  const found: number[] = [];
  for (let p = 0; p < pages; p++) if (s.pte[p]!.enc === 'shared') found.push(p);
  return found;
}

/** What a mismatched access costs without a paravisor (spec 4). */
export interface MismatchOutcome {
  fatal: boolean;
  /** The consequence, for the label. */
  what: string;
}

/** The options that concern one platform only. */
export const PLATFORM_OPTIONS = ['pfnLookup', 'pvalidateVa', 'hvListOrder'] as const;
export type PlatformOption = (typeof PLATFORM_OPTIONS)[number];

export interface GuestPlatform {
  /** The value of `--platform`. */
  name: string;
  /** Default of `coherentCache`: whether `enc_cache_flush_required()` is false [B2.1, B3.4]. */
  coherentCache: boolean;
  /** Default of `paravisor`. */
  paravisor: boolean;
  /** The options that apply on this platform only (spec 10.9, 10.10). */
  ownOptions: readonly PlatformOption[];
  /** `enc_tlb_flush_required(enc)` [B5]: whether `before` flushes the TLB and cache before the change. */
  encTlbFlushRequired: (direction: CocoConfig['direction']) => boolean;
  /** The host's view of every page of the range before the conversion, with its `initial` attribute (spec 3.3). */
  hostView: (config: CocoConfig) => HostView;
  /**
   * Whether an access with attribute `enc` to page `p` is permitted: private needs a private, ready
   * page, shared a shared one (spec 3.3).
   */
  permitted: (s: View, p: number, enc: Enc) => boolean;
  /** The host's view of page `p`, for labels. */
  describeHost: (s: View, p: number) => string;
  /** What a mismatched access through attribute `enc` costs when no paravisor takes the exception. */
  mismatchOutcome: (enc: Enc) => MismatchOutcome;
  /** `enc_status_change_prepare()`: the notification's sub-steps that run before the PTE change. */
  encStatusChangePrepare: (config: CocoConfig) => SubStep[];
  /** `enc_status_change_finish()`: the sub-steps that run after it. Together they are the whole notification. */
  encStatusChangeFinish: (config: CocoConfig) => SubStep[];
  /**
   * `enc_kexec_finish()`: with every other CPU stopped, turns every page the platform believes
   * shared back to private (spec 11.5), given the kernel's count of shared pages in the range.
   * One atomic action for the whole range (spec 11.9.6). `enc_kexec_begin()` is not a hook here:
   * all three platforms install the same body [K6], which the kexec CPU's `kexecBegin` models.
   */
  encKexecFinish: (config: CocoConfig, s: Mutable, nrShared: number) => void;
  /** What the walk does, for the trace line, from the state before it. */
  describeKexecFinish: (config: CocoConfig, before: View, nrShared: number) => string;
  /** The platform's part of a state in the compact codec: its bytes per page, and back. */
  hostCodec: (config: CocoConfig) => HostCodec;
}

/** The host's view in the compact codec: one byte per page. */
export interface HostCodec {
  /** The fields of the host's view that this configuration's states hold, each one entry per page, in this order. */
  fields: readonly (keyof HostView)[];
  /** Page `p`'s byte. */
  code: (s: CocoState, p: number) => number;
  /** Writes page `p`'s entries of those fields from its byte (the arrays exist). */
  set: (s: CocoState, p: number, code: number) => void;
}
