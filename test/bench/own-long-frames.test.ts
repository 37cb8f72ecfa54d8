// The untraced attribution: the page's frames over 50 ms and the extension's own timed stretches.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { madeLongBy, ownShareOfLongFrames, timingsBuild } from "../../bench/longtasks";
import { firstFrameAfterParsing } from "../../bench/page-metrics";
import { TIMINGS_BANNER } from "../../bench/timings-banner";

describe("ownShareOfLongFrames", () => {
  test("a stretch counts as far as it overlaps a frame, in whichever frame it falls", () => {
    const frames: [number, number][] = [
      [100, 60], // 100–160
      [300, 80], // 300–380
    ];
    const stretches: [number, number][] = [
      [90, 20], // 10 ms of it in the first frame
      [150, 5], // all of it in the first
      [200, 30], // between the frames
      [370, 30], // 10 ms in the second
    ];
    expect(ownShareOfLongFrames(frames, stretches)).toEqual([
      { frame: 60, ours: 15 },
      { frame: 80, ours: 10 },
    ]);
  });

  test("nested or overlapping stretches count once", () => {
    const stretches: [number, number][] = [
      [100, 40], // the first paint's whole stretch: 100–140
      [105, 20], // its anchoring slice
      [130, 5], // its paint
      [135, 15], // overlapping the end: to 150
    ];
    expect(ownShareOfLongFrames([[90, 70]], stretches)).toEqual([{ frame: 70, ours: 50 }]);
  });

  test("no stretches, or no long frames", () => {
    expect(ownShareOfLongFrames([[0, 55]], [])).toEqual([{ frame: 55, ours: 0 }]);
    expect(ownShareOfLongFrames([], [[0, 55]])).toEqual([]);
  });
});

describe("madeLongBy", () => {
  test("ours when the task is short without our time, or when our time alone is over 50 ms", () => {
    expect(madeLongBy(60, 12)).toBe(true); // 48 ms without us
    expect(madeLongBy(60, 5)).toBe(false); // long without us
    expect(madeLongBy(4431, 2253)).toBe(true); // long without us, but 2.3 s of it ours
    expect(madeLongBy(45, 45)).toBe(false); // not a long task
  });
});

describe("timingsBuild", () => {
  test("a build without the timings stops the bench with what to do; one with them passes", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "timings-build-"));
    try {
      // The product build has the timings' code too, switched off: the field names alone tell nothing.
      writeFileSync(
        path.join(dir, "content.js"),
        '"use strict";(()=>{var f=!1,a={startedAt:0};a.longestTaskMs=1;})();',
      );
      expect(() => timingsBuild(dir)).toThrow(/node build\.mjs --timings --e2e/);
      writeFileSync(
        path.join(dir, "content.js"),
        `${TIMINGS_BANNER}\n"use strict";(()=>{var f=!0,a={startedAt:0};a.longestTaskMs=1;})();`,
      );
      expect(() => timingsBuild(dir)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("firstFrameAfterParsing", () => {
  // A load as Chromium reported one of an article's: parsing ended at 74 ms, the frame rendered from 93 ms, the
  // first paint presented at 168 ms.
  const frames = [
    { start: 5, ms: 60, renderStart: 52 }, // rendered while the page was still parsed
    { start: 47, ms: 70, renderStart: 93 }, // the first frame after parsing ended
    { start: 400, ms: 55, renderStart: 440 }, // a later one
  ];

  test("the long frame that rendered between the end of parsing and the first paint", () => {
    expect(firstFrameAfterParsing({ frames, parsed: 74, fcp: 168 })).toBe(70);
  });

  test("none there: that frame took 50 ms or less (0), not a later long frame's length", () => {
    expect(
      firstFrameAfterParsing({ frames: [frames[0], frames[2]] as typeof frames, parsed: 74, fcp: 168 }),
    ).toBe(0);
  });

  test("a first paint before the end of parsing, or none, gives no figure", () => {
    expect(firstFrameAfterParsing({ frames, parsed: 74, fcp: 60 })).toBeNaN();
    expect(firstFrameAfterParsing({ frames, parsed: 74, fcp: null })).toBeNaN();
    expect(firstFrameAfterParsing({ frames, parsed: null, fcp: 168 })).toBeNaN();
  });
});
