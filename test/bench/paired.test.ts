import { describe, expect, it } from "vitest";
import { byRound, pairedDifference, pairedRatio } from "../../bench/paired";

describe("two builds compared round by round", () => {
  it("takes out what a round's browser adds to both builds", () => {
    // Rounds whose browsers differ by a factor of three; b is 10% over a in each.
    const a = [
      [10, 11, 12],
      [30, 31, 32],
      [20, 21, 22],
    ];
    const b = a.map((round) => round.map((x) => x * 1.1));
    const p = pairedRatio(a, b);
    expect(p.value).toBeCloseTo(1.1, 10);
    expect(p.low).toBeCloseTo(1.1, 10);
    expect(p.high).toBeCloseTo(1.1, 10);
    expect(p.rounds).toBe(3);
  });

  it("gives an interval that holds the rounds' spread", () => {
    const a = [[10], [10], [10], [10], [10], [10], [10], [10], [10]];
    const b = [[10], [11], [12], [9], [10.5], [13], [10], [11.5], [12.5]];
    const p = pairedRatio(a, b);
    expect(p.value).toBeCloseTo(1.1, 10);
    expect(p.low).toBeLessThan(p.value);
    expect(p.high).toBeGreaterThan(p.value);
    expect(p.low).toBeGreaterThanOrEqual(0.9);
    expect(p.high).toBeLessThanOrEqual(1.3);
    // Seeded: the same loads give the same interval.
    expect(pairedRatio(a, b)).toEqual(p);
  });

  it("leaves out failed loads and rounds without loads of both builds", () => {
    const a = [[10, Number.NaN], [20], [Number.NaN]];
    const b = [[12], [24, Number.NaN], [30]];
    const p = pairedRatio(a, b);
    expect(p.rounds).toBe(2);
    expect(p.value).toBeCloseTo(1.2, 10);
  });

  it("takes differences the same way (an extension's added milliseconds)", () => {
    const without = [
      [40, 42],
      [60, 62],
      [50, 52],
    ];
    const ours = without.map((round) => round.map((x) => x + 18));
    const p = pairedDifference(without, ours);
    expect(p.value).toBeCloseTo(18, 10);
    expect(p.low).toBeCloseTo(18, 10);
    expect(p.high).toBeCloseTo(18, 10);
  });

  it("cuts roundCosts' loads into rounds", () => {
    expect(byRound([1, 2, 3, 4, 5, 6], 3)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});
