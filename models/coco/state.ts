/**
 * The state of the CoCo page-transition model (spec section 3) and its initial value.
 *
 * Kept flat and small: the codec refills and encodes a whole state per transition. Outcomes are
 * sticky flags only (spec 10.1); which CPU, page and views were involved goes into action labels.
 */
import type { Draft, Immutable } from '../../src/model.js';
import type { CocoConfig } from './config.js';

/** A mapping's encryption attribute, and the cache key it reads and writes under. */
export type Enc = 'private' | 'shared';
/** TDX: the host's (TDX module's) view of a GPA [B2.2, B2.3]. */
export type Gpa = 'private' | 'private-unaccepted' | 'shared';
/** One cache line of a page under one key (spec 3.4). */
export type Line = 'none' | 'clean' | 'dirty';
/**
 * CPU 0's progress: still converting, or returned with `ok` or `error` (spec 3.5), or with `-EBUSY`
 * because kexec holds `mem_enc_lock` (`busy`, only under kexec, spec 11.3) [K1].
 */
export type Result = 'running' | 'ok' | 'error' | 'busy';

/** The direct-map leaf PTE of a page; its PFN never changes [D2], so it is not represented. */
export interface Pte {
  present: boolean;
  enc: Enc;
}

/** The cache lines of one page, one per key (spec 3.4, only without cache coherency). */
export interface Lines {
  private: Line;
  shared: Line;
}

export interface CocoState {
  /** `pte[p]`: page p's direct-map leaf PTE. */
  pte: Pte[];
  /**
   * `alias[p]`: the stale lazy-vmap alias of page p, or null once unmapped. Its attribute is the
   * initial one and it is present for as long as it exists (only `unmapAliases` touches it [A7, M8]),
   * so the spec's `{ present, enc } | none` is stored as `enc | null`.
   */
  alias: (Enc | null)[];
  /** `tlb[c][p]`: CPU c's TLB entry for page p's direct-map translation, with the attribute it was filled with [H3]. */
  tlb: (Enc | null)[][];
  /** `aliasTlb[c][p]`: CPU c's TLB entry for page p's alias translation. */
  aliasTlb: (Enc | null)[][];
  /** TDX only: the GPA state of each page. */
  gpa?: Gpa[];
  /** SNP only: the RMP state of each page. */
  rmp?: Enc[];
  /** SNP only: whether each page is PVALIDATEd. */
  validated?: boolean[];
  /** Hyper-V vTOM only: whether each page is host-visible (shared). */
  visible?: boolean[];
  /** Hyper-V vTOM under kexec only: whether each page is in the kernel's list of visible PFNs, `hv_list_enc` [K17]. */
  listed?: boolean[];
  /** Without cache coherency only: `line[p][k]`. */
  line?: Lines[];
  /** CPU 0's program counter over its compiled micro-steps (see program.ts). */
  pc: number;
  result: Result;
  /** Some access went through a present translation that the host's view does not permit. */
  mismatch: boolean;
  /** Some mismatch was one the platform cannot recover from: the guest is dead (spec 10.2). */
  fatalMismatch: boolean;
  /** A non-zeropad fault: the guest is dead (spec 10.2). */
  oops: boolean;
  /** A dirty line was written back under a key the host's view does not permit. */
  staleWriteback: boolean;
  /** After `return error` with `onError: free`, the new owner used the range unsafely (spec 10.14). */
  errorHazard: boolean;
  /** Under kexec only: how many of the kexec CPU's three actions have run (spec 11.3). */
  kx?: number;
  /** Under kexec only: the TDX walk found a count other than `nr_shared` ("shared page accounting is off") [K9]. */
  acctOff?: boolean;
}

/** A state as guards, labels and properties see it. */
export type View = Immutable<CocoState>;
/** A state as recipes change it. */
export type Mutable = Draft<CocoState>;

/** Page numbers 0..n-1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** A dead guest takes no more actions (spec 10.2). */
export function alive(s: View): boolean {
  return !s.fatalMismatch && !s.oops;
}

/** The lines of a page its owner has written under key `enc`. */
function ownerWritten(enc: Enc): Lines {
  return { private: enc === 'private' ? 'dirty' : 'none', shared: enc === 'shared' ? 'dirty' : 'none' };
}

/**
 * One state (spec 10.22): every PTE and alias present with the initial attribute, the host's view
 * consistent with it, all TLBs empty, and without cache coherency a dirty line under the initial
 * key (the owner wrote the page before converting it, spec 3.4).
 */
export function initialState(config: CocoConfig): CocoState {
  const pages = range(config.pages);
  const cpus = range(config.readers + 1);
  const enc = config.initial;
  return {
    pte: pages.map(() => ({ present: true, enc })),
    alias: pages.map(() => (config.aliases ? enc : null)),
    tlb: cpus.map(() => pages.map(() => null)),
    aliasTlb: cpus.map(() => pages.map(() => null)),
    ...config.guest.hostView(config),
    ...(config.coherentCache ? {} : { line: pages.map(() => ownerWritten(enc)) }),
    pc: 0,
    result: 'running',
    mismatch: false,
    fatalMismatch: false,
    oops: false,
    staleWriteback: false,
    errorHazard: false,
    ...(config.kexec === 'none' ? {} : { kx: 0, acctOff: false }),
  };
}

/** After `return error`, or `-EBUSY`: the caller's error handling (spec 3.5, 11.4). */
export function returnedError(s: View): boolean {
  return s.result === 'error' || s.result === 'busy';
}
