/**
 * Everything but CPU 0's protocol (spec section 4): the hardware's TLB and cache, the zeropad
 * readers on CPUs 1..readers, and the owner of the range once CPU 0 has returned.
 */
import type { Action } from '../../src/model.js';
import {
  describeLookup, isStale, KEYS, lookup, mismatchOutcome, recordMismatch, useTranslation, writeBackLine,
} from './access.js';
import type { CocoConfig } from './config.js';
import { cpusRun } from './kexec.js';
import { alive, range, returnedError, type CocoState, type Enc, type View } from './state.js';

type CocoAction = Action<CocoState>;
/** Whether the CPUs may act in a state (the guest alive, and under kexec not stopped). */
type Guard = (s: View) => boolean;

export const cpuName = (c: number): string => `CPU${c}`;

/** A translation of a page: its direct-map PTE, or its lazy-vmap alias. */
type Mapping = 'pte' | 'alias';

/** The attribute mapping `m` of page `p` would fill a TLB with, or null when it is not present. */
function mapped(s: View, m: Mapping, p: number): Enc | null {
  if (m === 'alias') return s.alias[p]!;
  const pte = s.pte[p]!;
  return pte.present ? pte.enc : null;
}

const tlbOf = (m: Mapping): 'tlb' | 'aliasTlb' => (m === 'pte' ? 'tlb' : 'aliasTlb');

/** specFill(c, m): speculation or prefetch caches a present translation, at any time [H1, H2]. */
function specFill(runs: Guard, c: number, m: Mapping, p: number): CocoAction {
  return {
    name: 'specFill', actor: cpuName(c), args: `${m}[${p}]`,
    guard: (s) => runs(s) && mapped(s, m, p) !== null,
    recipe: (s) => { s[tlbOf(m)][c]![p] = mapped(s, m, p); },
    describe: (before) => `${cpuName(c)} specFill ${m}[${p}]: ${tlbOf(m)}[${c}][${p}] := {${mapped(before, m, p)}}`,
  };
}

/** tlbDrop(c, m): the hardware may drop any TLB entry at any time [H2]. */
function tlbDrop(runs: Guard, c: number, m: Mapping, p: number): CocoAction {
  return {
    name: 'tlbDrop', actor: cpuName(c), args: `${m}[${p}]`,
    guard: (s) => runs(s) && s[tlbOf(m)][c]![p] !== null,
    recipe: (s) => { s[tlbOf(m)][c]![p] = null; },
    describe: (before) => `${cpuName(c)} tlbDrop ${m}[${p}]: ${tlbOf(m)}[${c}][${p}] {${before[tlbOf(m)][c]![p]}} dropped`,
  };
}

/**
 * zeropadLoad(c, p): a page-crossing load_unaligned_zeropad() touching page p through the direct
 * map [C1]. A not-present translation is a #PF that ex_handler_zeropad fixes up: nothing changes
 * [C2, C3]. A permitted read leaves a clean line (spec 10.13); a mismatch leaves the cache alone.
 */
function zeropadLoad(config: CocoConfig, runs: Guard, c: number, p: number): CocoAction {
  return {
    name: 'zeropadLoad', actor: cpuName(c), args: `page ${p}`,
    guard: runs,
    recipe: (s) => {
      const t = lookup(s, c, p);
      if (!t) return;
      // The walk fills the TLB before the access is judged (spec 4: "fill the TLB from it and use
      // it"), so a fatal mismatch leaves the filled entry in the dead guest's state too.
      useTranslation(s, c, p, t);
      if (!config.guest.permitted(s, p, t.enc)) recordMismatch(config, s, t.enc);
      else if (s.line && s.line[p]![t.enc] === 'none') s.line[p]![t.enc] = 'clean';
    },
    describe: (before) => {
      const t = lookup(before, c, p);
      const outcome = !t ? '#PF, ex_handler_zeropad fixup'
        : config.guest.permitted(before, p, t.enc) ? 'permitted read'
          : `mismatch, ${mismatchOutcome(config, t.enc).what}`;
      return `${cpuName(c)} zeropadLoad page ${p}: ${describeLookup(t)}, host: ${config.guest.describeHost(before, p)} -> ${outcome}`;
    },
  };
}

/**
 * ownerAccess(p): after `return ok` the caller uses the range; after `return error` (or `-EBUSY`, spec 11.4) with
 * `onError: free` a new owner, who believes the page private, does (spec 3.5, 10.14). It runs on
 * CPU 0 through the direct map like a zeropad load, but a not-present translation is an oops; a
 * permitted access writes (a dirty line, spec 10.13).
 */
function ownerAccess(config: CocoConfig, runs: Guard, p: number): CocoAction {
  const reallocated = returnedError;
  const free = config.onError === 'free';
  return {
    name: 'ownerAccess', actor: cpuName(0), args: `page ${p}`,
    guard: (s) => runs(s) && (s.result === 'ok' || (free && reallocated(s))),
    recipe: (s) => {
      const t = lookup(s, 0, p);
      const hazard = !t || !config.guest.permitted(s, p, t.enc) || t.enc !== 'private';
      if (reallocated(s) && hazard) s.errorHazard = true;
      if (!t) {
        s.oops = true;
        return;
      }
      useTranslation(s, 0, p, t);
      if (!config.guest.permitted(s, p, t.enc)) recordMismatch(config, s, t.enc);
      else if (s.line) s.line[p]![t.enc] = 'dirty';
    },
    describe: (before) => {
      const t = lookup(before, 0, p);
      const who = reallocated(before) ? ' (reallocated after the error, used as private)' : '';
      const outcome = !t ? '#PF, kernel oops'
        : !config.guest.permitted(before, p, t.enc) ? `mismatch, ${mismatchOutcome(config, t.enc).what}`
          : reallocated(before) && t.enc !== 'private' ? 'permitted write to a shared page the allocator believes private'
            : 'permitted write';
      return `${cpuName(0)} ownerAccess page ${p}${who}: ${describeLookup(t)}, host: ${config.guest.describeHost(before, p)} -> ${outcome}`;
    },
  };
}

/** Whether some present translation of page p (PTE, alias, or a TLB entry of either) has attribute k (spec 10.13). */
function translatedAs(s: View, p: number, k: Enc): boolean {
  return mapped(s, 'pte', p) === k || s.alias[p] === k || s.tlb.some((row) => row[p] === k) || s.aliasTlb.some((row) => row[p] === k);
}

/** cacheFill(p, k): a speculative read through a permitted translation leaves a clean line [B3.4, H5]. */
function cacheFill(config: CocoConfig, runs: Guard, p: number, k: Enc): CocoAction {
  return {
    name: 'cacheFill', actor: 'cache', args: `page ${p} {${k}}`,
    guard: (s) => runs(s) && s.line![p]![k] === 'none' && config.guest.permitted(s, p, k) && translatedAs(s, p, k),
    recipe: (s) => { s.line![p]![k] = 'clean'; },
    describe: () => `cache cacheFill page ${p} {${k}}: line[${p}].${k} := clean`,
  };
}

/** writeBack(p, k): any line may be evicted at any time, also after kexec stopped the CPUs (spec 11.4); a dirty one under a key the host does not permit is stale. */
function writeBack(config: CocoConfig, p: number, k: Enc): CocoAction {
  return {
    name: 'writeBack', actor: 'cache', args: `page ${p} {${k}}`,
    guard: (s) => alive(s) && s.line![p]![k] !== 'none',
    recipe: (s) => { writeBackLine(config, s, p, k); },
    describe: (before) => {
      const line = before.line![p]![k];
      const stale = isStale(config, before, p, k);
      return `cache writeBack page ${p} {${k}}: ${line} line leaves the cache, host: ${config.guest.describeHost(before, p)}${stale ? ' -> stale write-back' : ''}`;
    },
  };
}

/** The environment's actions, in a fixed order: the owner, then per CPU its TLB and loads, then the cache. */
export function environmentActions(config: CocoConfig): CocoAction[] {
  const pages = range(config.pages);
  const runs = cpusRun(config);
  const mappings: Mapping[] = config.aliases ? ['pte', 'alias'] : ['pte'];
  const perCpu = (c: number): CocoAction[] => [
    ...(config.speculation ? mappings.flatMap((m) => pages.map((p) => specFill(runs, c, m, p))) : []),
    ...mappings.flatMap((m) => pages.map((p) => tlbDrop(runs, c, m, p))),
    ...(c > 0 ? pages.map((p) => zeropadLoad(config, runs, c, p)) : []),
  ];
  const cache = config.coherentCache ? [] : pages.flatMap((p) => KEYS.flatMap((k) => [
    ...(config.speculation ? [cacheFill(config, runs, p, k)] : []),
    writeBack(config, p, k),
  ]));
  return [...pages.map((p) => ownerAccess(config, runs, p)), ...range(config.readers + 1).flatMap(perCpu), ...cache];
}
