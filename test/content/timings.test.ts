// The benchmark's timings: off, nothing is recorded (the status carries none); on, durations count from the start.
import { describe, expect, test, vi } from "vitest";
import { yieldToMain } from "../../src/content/slices";
import { Timings } from "../../src/content/timings";

// As in the end-to-end and benchmark builds (build.mjs defines it; in the product build the timings code is there,
// switched off).
// Set before the module is evaluated, gone once it has read it: other test files share this worker's globals.
vi.hoisted(() => {
  (globalThis as { __TIMINGS__?: boolean }).__TIMINGS__ = true;
});
delete (globalThis as { __TIMINGS__?: boolean }).__TIMINGS__;

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

  test("a stretch timed by the caller: the longest kept, each placed on the timeline where it ended", () => {
    const t = new Timings(0, true);
    t.task(4);
    t.task(2);
    const now = performance.now();
    expect(t.record?.longestTaskMs).toBe(4);
    expect(t.record?.stretches).toHaveLength(2);
    const [start, ms] = t.record?.stretches?.[1] ?? [Number.NaN, 0];
    expect(ms).toBe(2);
    expect(start).toBeLessThanOrEqual(now - 2);
    expect(start).toBeGreaterThan(now - 1000);
  });

  test("open(): ended in the same task, timed once; ended after a task boundary, not timed", async () => {
    const t = new Timings(0, true);
    const same = t.open();
    const busy = performance.now();
    while (performance.now() - busy < 3) {}
    same();
    same();
    expect(t.record?.stretches).toHaveLength(1);
    expect(t.record?.longestTaskMs).toBeGreaterThanOrEqual(3);
    const later = t.open();
    await new Promise((r) => setTimeout(r, 5));
    later();
    expect(t.record?.stretches).toHaveLength(1);
  });

  test("open(): ended after our own yield, not timed, even when the yield resumes before any task posted", async () => {
    // scheduler.yield's continuation in Chromium can come before the message open() posts: here, at once.
    vi.stubGlobal("scheduler", { yield: () => Promise.resolve() });
    try {
      const t = new Timings(0, true);
      const across = t.open();
      await yieldToMain();
      across();
      expect(t.record?.stretches).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test("open() off: nothing posted, nothing recorded", () => {
    const t = new Timings(0, false);
    t.open()();
    expect(t.record).toBeUndefined();
  });
});
