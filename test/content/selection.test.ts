// @vitest-environment happy-dom
// The reader's selection as a note draft and the ✎ Note button, as plain calls.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { SelectionLogic } from "../../src/content/selection";
import type { NoteDraft } from "../../src/model/protocol";
import { boxAt, rangeOf, setPage } from "./fakes";

function setup(ownUi?: Element) {
  const sent: NoteDraft[] = [];
  const button: { shown: DOMRect | null; click?: () => void } = { shown: null };
  const logic = new SelectionLogic({
    doc: document,
    articleId: "a1",
    insideOwnUi: (node) => !!ownUi && (node === ownUi || ownUi.contains(node)),
    showNoteButton: (rect, onClick) => {
      button.shown = rect;
      button.click = onClick;
    },
    hideNoteButton: () => {
      button.shown = null;
    },
    sendDraft: async (d) => {
      sent.push(d);
    },
  });
  return { logic, sent, button };
}

function select(range: Range): void {
  const sel = document.getSelection() as Selection;
  sel.removeAllRanges();
  sel.addRange(range);
}

beforeEach(() => {
  setPage();
  document.getSelection()?.removeAllRanges();
});
afterEach(() => vi.useRealTimers());

describe("a note draft", () => {
  test("of the selected article text: the passage with its context, the article and the address", () => {
    select(rangeOf("two officials"));
    const d = setup().logic.draft();
    expect(d?.articleId).toBe("a1");
    expect(d?.target.exact).toBe("two officials");
    expect(d?.target.prefix.endsWith("according to ")).toBe(true);
    expect(d?.url).toBe(location.href);
    expect(d && "attachedTo" in d).toBe(false);
  });

  test("of a highlight's passage, attached to its target", () => {
    const d = setup().logic.draft("t1", rangeOf("the bridge will open in May"));
    expect(d).toMatchObject({ attachedTo: "t1", target: { exact: "the bridge will open in May" } });
  });

  test("none without a selection, of white space, or inside our own UI", () => {
    expect(setup().logic.draft()).toBeNull();
    const p = document.getElementById("p") as HTMLElement;
    p.append(document.createTextNode("   "));
    const blank = document.createRange();
    blank.setStart(p.lastChild as Text, 0);
    blank.setEnd(p.lastChild as Text, 3);
    expect(setup().logic.draft(undefined, blank)).toBeNull();
    const ui = document.createElement("div");
    ui.textContent = "Sources";
    document.body.append(ui);
    const inUi = document.createRange();
    inUi.selectNodeContents(ui);
    expect(setup(ui).logic.draft(undefined, inUi)).toBeNull();
  });
});

describe("the ✎ Note button", () => {
  test("shown at the end of a selection once the mouse is released; its click sends the draft and hides it", async () => {
    vi.useFakeTimers();
    const range = rangeOf("two officials");
    boxAt(range, 10, 20);
    select(range);
    const { logic, button, sent } = setup();
    logic.released(false);
    expect(button.shown).toBeNull(); // after the release's own task
    await vi.advanceTimersByTimeAsync(0);
    expect(button.shown?.bottom).toBe(40);
    button.click?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((d) => d.target.exact)).toEqual(["two officials"]);
    expect(button.shown).toBeNull();
  });

  test("not for a release in our own UI (the button's own click would show it again)", async () => {
    vi.useFakeTimers();
    select(rangeOf("two officials"));
    const { logic, button } = setup();
    logic.released(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(button.shown).toBeNull();
  });

  test("a selection extended with Shift and a key shows it; a key without Shift does nothing", () => {
    const range = rangeOf("two officials");
    boxAt(range, 10, 20);
    select(range);
    const { logic, button } = setup();
    logic.keyReleased(false);
    expect(button.shown).toBeNull();
    logic.keyReleased(true);
    expect(button.shown).not.toBeNull();
  });

  test("hidden once the selection is gone", () => {
    const range = rangeOf("two officials");
    boxAt(range, 10, 20);
    select(range);
    const { logic, button } = setup();
    logic.update();
    expect(button.shown).not.toBeNull();
    document.getSelection()?.removeAllRanges();
    logic.changed();
    expect(button.shown).toBeNull();
  });
});
