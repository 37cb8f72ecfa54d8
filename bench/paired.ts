// Two builds' costs compared round by round. In each round of roundCosts the builds' browsers run one after the
// other, so the machine's drift over a run falls on both alike; and a browser instance moves all the loads of its
// round together (decision 0025), so the loads of one round are not independent samples. Here each round gives one
// comparison of the two builds' medians in that round (a ratio or a difference), the figure is the median of those,
// and its 95% interval a percentile bootstrap over the rounds (seeded: the same figures for the same loads).
import { mulberry32 } from "../test/robustness/prng";

export interface Paired {
  /** Median over the rounds of the round's comparison (b's median against a's in the round). */
  value: number;
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

/** b against a, round by round (`a[r]` and `b[r]`: the loads of round r), each round compared by `compare`. */
function paired(
  a: number[][],
  b: number[][],
  compare: (a: number, b: number) => number,
  resamples = 4000,
  seed = 19,
): Paired {
  const values = a.map((round, r) => compare(median(round), median(b[r] ?? []))).filter(Number.isFinite);
  if (!values.length) return { value: Number.NaN, low: Number.NaN, high: Number.NaN, rounds: 0 };
  const rand = mulberry32(seed);
  const medians: number[] = [];
  for (let i = 0; i < resamples; i++)
    medians.push(median(values.map(() => values[Math.floor(rand() * values.length)] as number)));
  medians.sort((x, y) => x - y);
  return {
    value: median(values),
    low: medians[Math.floor(0.025 * resamples)] as number,
    high: medians[Math.ceil(0.975 * resamples) - 1] as number,
    rounds: values.length,
  };
}

/** b over a: the median of the rounds' ratios of medians. */
export const pairedRatio = (a: number[][], b: number[][]): Paired => paired(a, b, (x, y) => y / x);

/** b less a: the median of the rounds' differences of medians. */
export const pairedDifference = (a: number[][], b: number[][]): Paired => paired(a, b, (x, y) => y - x);
