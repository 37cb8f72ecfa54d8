// A tiny seeded PRNG (mulberry32) and helpers, so every generated page and tree is the same on every run.

import { seeded } from "../../src/extract/ranker";

/** mulberry32 (the one the ranker trains with): 32-bit state, period 2^32, floats in [0, 1). */
export const mulberry32 = seeded;

export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (!list.length) throw new Error("pick from an empty list");
    return list[this.int(list.length)] as T;
  }
  /** `k` distinct items of `list` (fewer if it is shorter), in list order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const idx = list.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    return idx
      .slice(0, Math.min(k, list.length))
      .sort((a, b) => a - b)
      .map((i) => list[i] as T);
  }
}
