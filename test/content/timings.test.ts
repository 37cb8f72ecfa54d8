// The benchmark's timings: off, nothing is recorded (the status carries none); on, durations count from the start.
import { describe, expect, test } from "vitest";
import { Timings } from "../../src/content/timings";

describe("Timings", () => {
  test("off (the product build): no record, every call a no-op", () => {
    const t = new Timings(0, false);
    t.stop("recognisedMs");
    t.set("anchorMs", 5);
    expect(t.record).toBeUndefined();
  });

  test("on: the start, durations since it, and durations measured by the caller", () => {
    const start = performance.now() - 10;
    const t = new Timings(start, true);
    t.stop("recognisedMs");
    t.set("anchorMs", 3);
    expect(t.record?.startedAt).toBe(start);
    expect(t.record?.recognisedMs).toBeGreaterThanOrEqual(10);
    expect(t.record?.anchorMs).toBe(3);
  });
});
