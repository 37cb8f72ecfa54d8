// The virtual list's arithmetic (src/notes-page/windowing.ts): row offsets from measured and estimated heights,
// the rows within a stretch of the list (never none, never past the ends, the focused row kept when adjacent),
// and where the keys move.
import { describe, expect, test } from "vitest";
import { rowAfterKey, rowOffsets, visibleRows } from "../../src/notes-page/windowing";

describe("windowing", () => {
  const offsets = rowOffsets(50_000, (i) => (i % 2 ? 100 : 200)); // rows of 200 and 100 px

  test("offsets: each row starts where the one before ends; the last entry is the list's height", () => {
    expect([...offsets.slice(0, 4)]).toEqual([0, 200, 300, 500]);
    expect(offsets[50_000]).toBe(25_000 * 300);
  });

  test("the rows overlapping a stretch, and only those", () => {
    expect(visibleRows(offsets, 0, 1000)).toEqual({ from: 0, to: 7 }); // 0–200, …, 900–1100
    expect(visibleRows(offsets, 250, 300)).toEqual({ from: 1, to: 2 });
    expect(visibleRows(offsets, 300, 301)).toEqual({ from: 2, to: 3 });
    // Far down: row 40,000 starts at 20,000 × 300 = 6,000,000.
    expect(visibleRows(offsets, 6_000_000, 6_000_900)).toEqual({ from: 40_000, to: 40_006 });
  });

  test("at and past the ends: at least one row, never out of range", () => {
    expect(visibleRows(offsets, -5000, -10)).toEqual({ from: 0, to: 1 });
    expect(visibleRows(offsets, 1e12, 1e12 + 10)).toEqual({ from: 49_999, to: 50_000 });
    expect(visibleRows(offsets, 7_499_950, 9e9)).toEqual({ from: 49_999, to: 50_000 });
    expect(
      visibleRows(
        rowOffsets(0, () => 1),
        0,
        100,
      ),
    ).toEqual({ from: 0, to: 0 });
  });

  test("a focused row just outside is kept; a far one is not pulled in", () => {
    expect(visibleRows(offsets, 300, 301, 1)).toEqual({ from: 1, to: 3 });
    expect(visibleRows(offsets, 300, 301, 3)).toEqual({ from: 2, to: 4 });
    expect(visibleRows(offsets, 300, 301, 40)).toEqual({ from: 2, to: 3 });
  });

  test("keys: one row, a screen, the ends, clamped", () => {
    expect(rowAfterKey("ArrowDown", 5, 10, 3)).toBe(6);
    expect(rowAfterKey("ArrowDown", 9, 10, 3)).toBe(9);
    expect(rowAfterKey("ArrowUp", 0, 10, 3)).toBe(0);
    expect(rowAfterKey("PageDown", 5, 10, 3)).toBe(8);
    expect(rowAfterKey("PageUp", 2, 10, 3)).toBe(0);
    expect(rowAfterKey("Home", 5, 10, 3)).toBe(0);
    expect(rowAfterKey("End", 5, 10, 3)).toBe(9);
    expect(rowAfterKey("Enter", 5, 10, 3)).toBeNull();
  });
});
