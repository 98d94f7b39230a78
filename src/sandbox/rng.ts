// A small seedable PRNG (mulberry32): the same rngSeed gives the same sequence of injected
// faults and latencies, so a fault-injection test or benchmark can be replayed exactly.
import { randomInt } from 'node:crypto';

export type Rng = () => number;

/** Uniform numbers in [0, 1); seeded from crypto when no seed is given. */
export function createRng(seed: number = randomInt(2 ** 31)): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
