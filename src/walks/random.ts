/**
 * The random numbers of a simulation: a small generator of our own, so that the same seed gives
 * the same walks on every machine and Node version (Math.random cannot be seeded). Each run has
 * its own stream, derived from the seed and the run's number, so a run is reproduced from the
 * seed alone whatever the runs before it did.
 */
import { mix } from '../fingerprint.js';

/** The largest seed: seeds are whole numbers that a double holds exactly. */
const MAX_SEED = Number.MAX_SAFE_INTEGER;
/** What a seed may be, as help and errors say it. */
export const SEED_ACCEPTED = `a whole number from 0 to ${MAX_SEED}`;

/** Steps a 32-bit counter by an odd constant (the golden ratio) and scrambles it: every count is visited once. */
const WEYL = 0x9e3779b9;

/** A generator of whole numbers below a bound, for run `run` of the simulation seeded with `seed`. */
export interface RandomStream {
  /** A whole number in [0, n), each equally likely up to a bias below n / 2^32. */
  below(n: number): number;
}

/** The stream of run `run` under `seed` (a whole number from 0 to MAX_SEED). */
export function randomStream(seed: number, run: number): RandomStream {
  const low = seed % 2 ** 32;
  const high = Math.floor(seed / 2 ** 32);
  let counter = mix(mix(low ^ WEYL) ^ high) ^ mix(run + 1);
  return {
    below(n) {
      counter = (counter + WEYL) | 0;
      // Multiplying by n and dropping 32 bits maps [0, 2^32) onto [0, n) with no division.
      return Math.floor((mix(counter) * n) / 2 ** 32);
    },
  };
}
