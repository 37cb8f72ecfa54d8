// The benchmark's figures: a set of loads' median, least and most; a difference with its sign.
import { describe, expect, test } from "vitest";
import { signed, stat } from "../../bench/stats";

describe("stat", () => {
  test("a failed load (NaN) is left out; the median of an even count is its upper middle", () => {
    expect(stat([3, Number.NaN, 1, 4, 2])).toEqual({ median: 3, min: 1, max: 4 });
  });
});

describe("signed", () => {
  test("a negative difference reads with a minus sign, not '+-'", () => {
    expect(signed(-0.8)).toBe("−0.8");
    expect(signed(1.54)).toBe("+1.5");
    expect(signed(-12.4, 0)).toBe("−12");
    expect(signed(0)).toBe("+0.0");
  });
});
