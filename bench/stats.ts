// The figure the benchmarks give for a set of loads: the median (the upper middle of an even count), with the
// least and the most. A failed load is NaN and left out (it would sort anywhere).

export type Stat = { median: number; min: number; max: number };

export const stat = (xs: number[]): Stat => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)] ?? Number.NaN,
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
  };
};

/** A difference with its sign, to `digits` decimals: "+1.5", "−0.8". */
export const signed = (x: number, digits = 1): string => `${x < 0 ? "−" : "+"}${Math.abs(x).toFixed(digits)}`;
