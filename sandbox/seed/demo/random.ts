import { seededRandom, type Random as Source } from '#src/random/seeded-random';

/**
 * The demo portal's only source of randomness: the shared seeded mulberry32 with the draws the
 * generator needs. `Math.random` would make every run different.
 */
export class Random {
  private readonly source: Source;

  constructor(seed: number) {
    this.source = seededRandom(seed);
  }

  /** A generator for one part of the portal (e.g. one company), so that parts do not shift each other. */
  static forPart(seedNumber: number, part: number): Random {
    return new Random(mix(mix(seedNumber) ^ mix(part + 0x9e3779b9)));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.source();
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer uniform in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() needs at least one item');
    return item;
  }

  /** Picks by weight; `weights` is parallel to `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return this.pick(items);
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson count; a normal approximation above 30 keeps big accounts cheap. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x));

/** A 32-bit integer hash (murmur3's finaliser) to spread seeds that differ by one. */
function mix(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
