// Two builds' costs compared round by round. In each round of roundCosts the builds' browsers run one after the
// other, so the machine's drift over a run falls on both alike; and a browser instance moves all the loads of its
// round together (decision 0025), so the loads of one round are not independent samples. Here each round gives one
// ratio (the median of one build's loads in that round over the other's), the comparison is the median of those
// ratios, and its 95% interval a percentile bootstrap over the rounds (seeded: the same figures for the same loads).
import { mulberry32 } from "../test/robustness/prng";

export interface PairedRatio {
  /** Median over the rounds of (b's median / a's median) in the round. */
  ratio: number;
  /** 95% bootstrap interval of that median. */
  low: number;
  high: number;
  /** Rounds with loads of both builds. */
  rounds: number;
}

function median(xs: number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The loads of one build and page in roundCosts' order, cut into its rounds of `perRound` loads. */
export function byRound(loads: number[], perRound: number): number[][] {
  const rounds: number[][] = [];
  for (let i = 0; i < loads.length; i += perRound) rounds.push(loads.slice(i, i + perRound));
  return rounds;
}

/** b against a, round by round (`a[r]` and `b[r]`: the loads of round r). */
export function pairedRatio(a: number[][], b: number[][], resamples = 4000, seed = 19): PairedRatio {
  const ratios = a.map((round, r) => median(b[r] ?? []) / median(round)).filter(Number.isFinite);
  if (!ratios.length) return { ratio: Number.NaN, low: Number.NaN, high: Number.NaN, rounds: 0 };
  const rand = mulberry32(seed);
  const medians: number[] = [];
  for (let i = 0; i < resamples; i++)
    medians.push(median(ratios.map(() => ratios[Math.floor(rand() * ratios.length)] as number)));
  medians.sort((x, y) => x - y);
  return {
    ratio: median(ratios),
    low: medians[Math.floor(0.025 * resamples)] as number,
    high: medians[Math.ceil(0.975 * resamples) - 1] as number,
    rounds: ratios.length,
  };
}
