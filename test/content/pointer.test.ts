// Hover and click on the highlights, as plain calls with fake timers: hover intent, the grace period of a leave, a
// card pinned by a click, and what a held button, a selection or our own UI change.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { HOVER_OPEN_MS, LEAVE_CLOSE_MS, PointerLogic } from "../../src/content/pointer";
import type { Anchor } from "../../src/content/targets";

const A: Anchor = { ref: { kind: "target", id: "a" }, kind: "named", range: {} as Range };
const B: Anchor = { ref: { kind: "target", id: "b" }, kind: "anonymous", range: {} as Range };

function setup() {
  const log: string[] = [];
  /** x < 100: A; 100 ≤ x < 200: B; else nothing. */
  let selected = "";
  const frames: (() => void)[] = [];
  const logic = new PointerLogic({
    hitTest: (x) => (x < 100 ? A : x < 200 ? B : null),
    selecting: () => selected !== "",
    hasSelection: () => selected !== "",
    openCard: async (a, focus) => {
      log.push(`open ${a.ref.id}${focus ? " focus" : ""}`);
    },
    closeCard: () => log.push("close"),
    requestFrame: (cb) => frames.push(cb),
    cancelFrame: (id) => {
      if (id) frames[id - 1] = () => undefined;
    },
  });
  const frame = () => {
    for (const f of frames.splice(0)) f();
  };
  const move = (x: number, extra: { buttons?: number; overOwnUi?: boolean } = {}) => {
    logic.move({ x, y: 10, buttons: extra.buttons ?? 0, overOwnUi: extra.overOwnUi ?? false });
    frame();
  };
  return { logic, log, move, frame, select: (s: string) => (selected = s) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("hover", () => {
  test("a card opens once the pointer rests on a highlight, without focus", async () => {
    const { move, log } = setup();
    move(50);
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS - 1);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(["open a"]);
  });

  test("a quick pass over two highlights opens only the last", async () => {
    const { move, log } = setup();
    move(50);
    await vi.advanceTimersByTimeAsync(100);
    move(150);
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS);
    expect(log).toEqual(["open b"]);
  });

  test("moves within a frame are looked at once, where the pointer is now", async () => {
    const { logic, frame, log } = setup();
    logic.move({ x: 50, y: 0, buttons: 0, overOwnUi: false });
    logic.move({ x: 150, y: 0, buttons: 0, overOwnUi: false });
    frame();
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS);
    expect(log).toEqual(["open b"]);
  });

  test("leaving a highlight closes its card after a grace period", async () => {
    const { move, log } = setup();
    move(50);
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS);
    move(300);
    await vi.advanceTimersByTimeAsync(LEAVE_CLOSE_MS - 1);
    expect(log).toEqual(["open a"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(["open a", "close"]);
  });

  test("reaching our own UI (the card) within the grace period keeps the card", async () => {
    const { move, log } = setup();
    move(50);
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS);
    move(300);
    move(300, { overOwnUi: true });
    await vi.advanceTimersByTimeAsync(LEAVE_CLOSE_MS * 2);
    expect(log).toEqual(["open a"]);
  });

  test("a held button (a drag, a selection being made) is as if over no highlight", async () => {
    const { move, log } = setup();
    move(50, { buttons: 1 });
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS * 2);
    expect(log).toEqual([]);
  });

  test("with text selected no hover card opens (it would cover the ✎ Note button)", async () => {
    const { move, log, select } = setup();
    select("officials");
    move(50);
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS * 2);
    expect(log).toEqual([]);
  });

  test("a selection made while the hover timer runs cancels the card", async () => {
    const { move, log, select } = setup();
    move(50);
    select("officials");
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS);
    expect(log).toEqual([]);
  });
});

describe("click", () => {
  test("a click on a highlight opens its card with focus and pins it: leaving does not close it", async () => {
    const { logic, move, log } = setup();
    logic.click({ x: 50, y: 10, overOwnUi: false });
    await vi.advanceTimersByTimeAsync(0);
    move(300);
    await vi.advanceTimersByTimeAsync(LEAVE_CLOSE_MS * 2);
    expect(log).toEqual(["open a focus"]);
  });

  test("a click elsewhere closes the card", () => {
    const { logic, log } = setup();
    logic.click({ x: 300, y: 10, overOwnUi: false });
    expect(log).toEqual(["close"]);
  });

  test("a click settles it: a hover about to open another card does not", async () => {
    const { logic, move, log } = setup();
    move(150);
    logic.click({ x: 50, y: 10, overOwnUi: false });
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS * 2);
    expect(log).toEqual(["open a focus"]);
  });

  test("a click just after leaving does not let the pending close shut the new card", async () => {
    const { logic, move, log } = setup();
    move(150);
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS);
    move(300);
    logic.click({ x: 50, y: 10, overOwnUi: false });
    await vi.advanceTimersByTimeAsync(LEAVE_CLOSE_MS * 2);
    expect(log).toEqual(["open b", "open a focus"]);
  });

  test("the release of a selection over a highlight is not a click on it", () => {
    const { logic, log, select } = setup();
    select("officials");
    logic.click({ x: 50, y: 10, overOwnUi: false });
    expect(log).toEqual([]);
  });

  test("a click in our own UI is the UI's business", () => {
    const { logic, log } = setup();
    logic.click({ x: 50, y: 10, overOwnUi: true });
    expect(log).toEqual([]);
  });

  test("after dispose no timer fires", async () => {
    const { logic, move, log } = setup();
    move(50);
    logic.dispose();
    await vi.advanceTimersByTimeAsync(HOVER_OPEN_MS * 2);
    expect(log).toEqual([]);
  });
});
