/**
 * What a platform is to the model: one record of hooks, as the kernel has one `x86_platform.guest`
 * per platform [B1]. Everything that differs between TDX, SNP and Hyper-V vTOM is a field here;
 * the rest of the model asks the configuration's record and never tests a platform's name.
 */
import type { CocoConfig } from '../config.js';
import type { CocoState, Enc, View } from '../state.js';
import type { SubStep } from './subStep.js';

/** The state fields that hold the host's view of the range (spec 3.3). */
export type HostView = Pick<CocoState, 'gpa' | 'rmp' | 'validated' | 'visible'>;

/** What a mismatched access costs without a paravisor (spec 4). */
export interface MismatchOutcome {
  fatal: boolean;
  /** The consequence, for the label. */
  what: string;
}

/** The options that concern one platform only. */
export type PlatformOption = 'pfnLookup' | 'pvalidateVa';

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
  /** The host's view of every page of a range holding memory with attribute `enc` (spec 3.3). */
  hostView: (enc: Enc, pages: number) => HostView;
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
  /** The platform's part of a state in the compact codec: its bytes per page, and back. */
  hostCodec: (config: CocoConfig) => HostCodec;
}

/** The host's view in the compact codec: one byte per page. */
export interface HostCodec {
  /** Page `p`'s byte. */
  code: (s: CocoState, p: number) => number;
  /** Fills the platform's fields of `state` from every page's byte. */
  decode: (codes: readonly number[], state: CocoState) => void;
}
