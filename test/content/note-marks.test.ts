// @vitest-environment happy-dom
// The reader's notes as marks: only the colours the switches show, in the note's colour for a light or dark page;
// and whether a page is dark, from its body's background (else its root's).
import { afterEach, describe, expect, test } from "vitest";
import { noteMarks, pageIsDark } from "../../src/content/note-marks";
import type { Anchor } from "../../src/content/targets";
import { noteColourStyle } from "../../src/model/colours";
import type { NoteAnchor } from "../../src/model/protocol";
import { visibilityFor } from "../../src/model/visibility";

const range = {} as Range;
const placed: Anchor[] = [
  { ref: { kind: "note", id: "n1" }, kind: "note", range },
  { ref: { kind: "note", id: "n2" }, kind: "note", range },
  { ref: { kind: "target", id: "t1" }, kind: "named", range },
];
const target = { exact: "x", prefix: "", suffix: "", start: 0, end: 1 };
const notes: NoteAnchor[] = [
  { id: "n1", colour: "rose", target },
  { id: "n2", colour: "green", target },
];

afterEach(() => {
  document.body.removeAttribute("style");
  document.documentElement.removeAttribute("style");
});

describe("noteMarks", () => {
  test("one mark per placed note, in its colour; targets are not notes", () => {
    const v = visibilityFor(undefined, "example.com");
    const marks = noteMarks(placed, notes, v, false);
    expect(marks.map((m) => m.colour)).toEqual([
      noteColourStyle("rose").light.background,
      noteColourStyle("green").light.background,
    ]);
    expect(noteMarks(placed, notes, v, true)[0]?.colour).toBe(noteColourStyle("rose").dark.background);
  });

  test("a colour switched off, the notes switched off, or all highlights off: no mark of it", () => {
    const v = visibilityFor(undefined, "example.com");
    expect(noteMarks(placed, notes, { ...v, noteColours: { rose: false } }, false)).toHaveLength(1);
    expect(noteMarks(placed, notes, { ...v, kinds: { ...v.kinds, note: false } }, false)).toEqual([]);
    expect(noteMarks(placed, notes, { ...v, all: false }, false)).toEqual([]);
  });
});

describe("pageIsDark", () => {
  test("from the body's background, else the root's; a transparent one does not count", () => {
    expect(pageIsDark(document)).toBe(false);
    document.body.style.backgroundColor = "rgb(20, 20, 24)";
    expect(pageIsDark(document)).toBe(true);
    document.body.style.backgroundColor = "rgba(0, 0, 0, 0)";
    document.documentElement.style.backgroundColor = "rgb(250, 250, 250)";
    expect(pageIsDark(document)).toBe(false);
  });
});
