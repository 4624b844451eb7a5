/**
 * kexec and kdump during a conversion (spec 11): the kexec CPU, a CPU outside 0..readers with no
 * modelled TLB, and its three actions, `kexecBegin`, `kexecStop` and `kexecFinish`; and what its
 * progress `kx` means for the other CPUs. Nothing here exists with `kexec: none` (spec 11.9.1).
 */
import type { Action } from '../../src/model.js';
import type { CocoConfig } from './config.js';
import { alive, type CocoState, type View } from './state.js';

type CocoAction = Action<CocoState>;

/** The kexec CPU's lane: the CPU that runs kernel_kexec() or panicked (spec 11.3). */
export const KEXEC_CPU = 'kexec CPU';

/**
 * How many kexec actions stop CPUs 0..readers: `normal` stops them after begin, with
 * stop_other_cpus() [K5]; a crash first, with the NMI shootdown that halts them wherever they
 * are [K4].
 */
const stopsAt = (config: CocoConfig): number => (config.kexec === 'normal' ? 2 : 1);

/** CPUs 0..readers no longer run (spec 11.3, **stopped**). */
export function stopped(config: CocoConfig, s: View): boolean {
  return config.kexec !== 'none' && s.kx! >= stopsAt(config);
}

/**
 * Whether CPUs 0..readers may act (readers, TLB and cache fills, the owner): the guest is alive
 * and not stopped. Without kexec this is `alive` itself, so the seed's guards do no more work.
 */
export function cpusRun(config: CocoConfig): (s: View) => boolean {
  if (config.kexec === 'none') return alive;
  const stop = stopsAt(config);
  return (s) => s.kx! < stop && alive(s);
}

/**
 * Whether CPU 0 may take a step of its protocol: before any kexec action. In a crash the first
 * one stops it; in `normal` the first one is begin, which waits until CPU 0 is not inside its
 * conversion, after which CPU 0 cannot start one (it returns -EBUSY instead) [K1].
 */
export function conversionRuns(config: CocoConfig): (s: View) => boolean {
  return config.kexec === 'none' ? alive : (s) => s.kx === 0 && alive(s);
}

/**
 * CPU 0 holds `mem_enc_lock` for read (spec 11.3, **inside**): it has taken its first action,
 * which takes the lock, and not yet the `return` that releases it [K1].
 */
const inside = (s: View): boolean => s.pc > 0 && s.result === 'running';

/** The walk: the platform's `enc_kexec_finish()`, given the kernel's count of shared pages. */
function kexecFinish(config: CocoConfig, nrShared: (s: View) => number): CocoAction {
  return {
    name: 'kexecFinish', actor: KEXEC_CPU,
    guard: (s) => s.kx === 2 && alive(s),
    recipe: (s) => {
      config.guest.encKexecFinish(config, s, nrShared(s));
      s.kx = 3;
    },
    describe: (before) => `${KEXEC_CPU} kexecFinish: ${config.guest.describeKexecFinish(config, before, nrShared(before))}`,
  };
}

/**
 * `kexec -e` [K2, K5]: enc_kexec_begin() takes `mem_enc_lock` for write while every CPU runs, so it
 * waits for an in-flight conversion to return [K1, K3]; then stop_other_cpus().
 */
function normalPath(config: CocoConfig): CocoAction[] {
  return [
    {
      name: 'kexecBegin', actor: KEXEC_CPU,
      guard: (s) => s.kx === 0 && !inside(s) && alive(s),
      recipe: (s) => { s.kx = 1; },
      describe: () => `${KEXEC_CPU} kexecBegin: enc_kexec_begin() takes mem_enc_lock for write, no conversion in flight`,
    },
    {
      name: 'kexecStop', actor: KEXEC_CPU,
      guard: (s) => s.kx === 1 && alive(s),
      recipe: (s) => { s.kx = 2; },
      describe: () => `${KEXEC_CPU} kexecStop: stop_other_cpus(), CPU0..CPU${config.readers} halted`,
    },
  ];
}

/**
 * kdump [K2, K4, K6]: the NMI shootdown freezes CPUs 0..readers wherever they are, then
 * enc_kexec_begin() only tries the lock; if CPU 0 holds it, it warns and proceeds, so the
 * trylock's outcome is in the label only (spec 11.4).
 */
function crashPath(config: CocoConfig): CocoAction[] {
  return [
    {
      name: 'kexecStop', actor: KEXEC_CPU,
      guard: (s) => s.kx === 0 && alive(s),
      recipe: (s) => { s.kx = 1; },
      describe: () => `${KEXEC_CPU} kexecStop: crash, NMI shootdown, CPU0..CPU${config.readers} halted wherever they are`,
    },
    {
      name: 'kexecBegin', actor: KEXEC_CPU,
      guard: (s) => s.kx === 1 && alive(s),
      recipe: (s) => { s.kx = 2; },
      describe: (before) => `${KEXEC_CPU} kexecBegin ${inside(before)
        ? '[trylock fails: conversion in flight, proceeds]'
        : '[trylock succeeds: no conversion in flight]'}`,
    },
  ];
}

/** The kexec CPU's actions in its mode's order (spec 11.4); `config.kexec` is not `none`. */
export function kexecActions(config: CocoConfig, nrShared: (s: View) => number): CocoAction[] {
  return [...(config.kexec === 'normal' ? normalPath(config) : crashPath(config)), kexecFinish(config, nrShared)];
}
