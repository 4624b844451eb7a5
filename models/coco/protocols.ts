/**
 * The protocols CPU 0 can run: the named ones of spec section 6, as lists of steps with their
 * error paths, and explicit step lists (`--steps`).
 */

/** The steps of spec section 5, by the names an explicit list uses. */
export const STEP_NAMES = [
  'unmapAliases', 'flushCache', 'clearPresent', 'setEnc', 'clearPresentAndSetEnc', 'flushTlb', 'setPresent',
  'notify', 'prepare', 'finish',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** The named protocols of spec section 6. */
export const PROTOCOL_NAMES = ['before', 'rfc', 'v1', 'seven-step', 'v2', 'hyperv'] as const;
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

/**
 * `hyperv`'s own callbacks: its `prepare` and `finish` are not the platform's notification split
 * but lists of steps (`hv_vtom_clear_present`, `hv_vtom_set_host_visibility` [B4.2]).
 */
export interface Callback {
  name: 'prepare' | 'finish';
  parts: StepName[];
}

/** One numbered step of a protocol. */
export type ProtocolStep = StepName | Callback;

export interface Protocol {
  steps: ProtocolStep[];
  /** What CPU 0 runs after a failed notification sub-step, before it takes `return error`. */
  errorPath: StepName[];
  /** v2 issues PVALIDATE through a temporary VA behind a guard page (spec 10.10) [F0.4, B3.3]. */
  pvalidateVa?: 'temporary';
}

/** What the named protocols' platform-dependent gates depend on. */
export interface Gates {
  /** `enc_tlb_flush_required(enc)`: the pre-change TLB and cache flush of `before` [A1, B5]. */
  preFlush: boolean;
  /** `enc_cache_flush_required()`, that is `!coherentCache`: `v1`'s gate [A4, spec 10.18]. */
  cacheFlush: boolean;
}

/** The cover letter's seven steps, one step each [F0.2]. */
export const SEVEN_STEPS: readonly StepName[] = ['unmapAliases', 'flushCache', 'clearPresent', 'setEnc', 'flushTlb', 'notify', 'setPresent'];

/** `set_memory_np()`: clears PRESENT, removes aliases and flushes the TLB (in that order) [A7, A3]. */
const setMemoryNp: StepName[] = ['clearPresent', 'unmapAliases', 'flushTlb'];
/** `cpa_flush(&cpa, 1)`: a TLB flush, then a clflush of the present pages [A7]. */
const cpaFlushWithCache: StepName[] = ['flushTlb', 'flushCache'];

/** A named protocol, as spec section 6 lists it (spec 10.18: literally). */
export function namedProtocol(name: ProtocolName, gates: Gates): Protocol {
  switch (name) {
    case 'before': // [A1, A6]; errors return at once
      return {
        steps: ['unmapAliases', ...(gates.preFlush ? cpaFlushWithCache : []), 'prepare', 'setEnc', 'flushTlb', 'finish'],
        errorPath: [],
      };
    case 'rfc': // [A3]: set_memory_np first, so the cache flush finds no present page [I1]
      return {
        steps: [...setMemoryNp, ...cpaFlushWithCache, 'prepare', 'setEnc', 'finish', 'setPresent', 'flushTlb'],
        errorPath: [],
      };
    case 'v1': // [A4]: a finish failure returns with the pages left not present
      return {
        steps: ['unmapAliases', ...(gates.cacheFlush ? cpaFlushWithCache : []), 'clearPresentAndSetEnc', 'flushTlb', 'notify', 'setPresent'],
        errorPath: [],
      };
    case 'seven-step': // errors as v1
      return {
        steps: [...SEVEN_STEPS],
        errorPath: [],
      };
    case 'v2': // [A5]
      return {
        steps: [...setMemoryNp, 'unmapAliases', ...cpaFlushWithCache, 'prepare', 'setEnc', 'flushTlb', 'finish', 'setPresent'],
        errorPath: [],
        pvalidateVa: 'temporary',
      };
    case 'hyperv': // merged v4 [B4.3]: finish sets PRESENT again even when the hypercall fails [B4.2]
      return {
        steps: [
          'unmapAliases',
          { name: 'prepare', parts: setMemoryNp },
          'setEnc',
          'flushTlb',
          { name: 'finish', parts: ['notify', 'setPresent', 'flushTlb'] },
        ],
        errorPath: ['setPresent'],
      };
  }
}

/** An explicit list: errors return at once, leaving the pages as they are (spec 10.6). */
export function explicitProtocol(steps: readonly StepName[]): Protocol {
  return { steps: [...steps], errorPath: [] };
}

/**
 * Why an explicit list is invalid (spec 10.20), or undefined. `prepare` and `finish` are the two
 * halves of a notification, so a list with one needs the other: every `finish` has a `prepare`
 * before it and every `prepare` a `finish` after it; `notify` is the whole notification and cannot
 * be mixed with them. A step may repeat (`prepare,prepare,finish` notifies twice before the PTE
 * change, as a caller converting twice would).
 */
export function stepListProblem(steps: readonly StepName[]): string | undefined {
  const accepted = "accepted: each 'finish' after some 'prepare', each 'prepare' before some 'finish', and neither with 'notify'";
  const firstPrepare = steps.indexOf('prepare');
  const firstFinish = steps.indexOf('finish');
  if (firstFinish >= 0 && (firstPrepare < 0 || firstFinish < firstPrepare)) {
    return `--steps: 'finish' (step ${firstFinish + 1}) has no 'prepare' before it; ${accepted}`;
  }
  if (firstPrepare >= 0 && steps.lastIndexOf('prepare') > steps.lastIndexOf('finish')) {
    return `--steps: 'prepare' has no 'finish' after it; ${accepted}`;
  }
  if (steps.includes('notify') && firstPrepare >= 0) return `--steps: 'notify' combined with 'prepare'/'finish'; ${accepted}`;
  return undefined;
}
