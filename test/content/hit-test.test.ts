// @vitest-environment happy-dom
// Which highlight is under a point: the caret position must be in the range, the point on its boxes; nested
// highlights resolve to the attribution, then to the shorter passage; hidden kinds are never hit.
import { beforeEach, describe, expect, test } from "vitest";
import { hitTest } from "../../src/content/hit-test";
import type { Anchor } from "../../src/content/targets";
import { boxAt, rangeOf, setPage } from "./fakes";

const caretIn = (range: Range, at = 2) => ({ node: range.startContainer, offset: range.startOffset + at });
const all = () => true;

describe("hitTest", () => {
  let quote: Anchor;
  let official: Anchor;
  let crossref: Anchor;
  beforeEach(() => {
    setPage();
    quote = {
      ref: { kind: "target", id: "q" },
      kind: "named",
      range: rangeOf("the bridge will open in May"),
    };
    official = { ref: { kind: "target", id: "o" }, kind: "anonymous", range: rangeOf("two officials") };
    crossref = { ref: { kind: "target", id: "x" }, kind: "crossref", range: rangeOf("bridge") };
    boxAt(quote.range, 100, 100, 200);
    boxAt(official.range, 100, 140, 100);
    boxAt(crossref.range, 120, 100, 40);
  });

  test("the highlight whose range holds the caret and whose box holds the point", () => {
    expect(hitTest([quote, official], caretIn(official.range), 150, 150, all)?.ref).toEqual({
      kind: "target",
      id: "o",
    });
  });

  test("no caret, or a point beside the boxes (the caret snaps to the nearest text): nothing", () => {
    expect(hitTest([quote, official], null, 150, 150, all)).toBeNull();
    expect(hitTest([quote, official], caretIn(official.range), 400, 150, all)).toBeNull();
  });

  test("a caret outside every range: nothing", () => {
    const text = quote.range.startContainer;
    expect(hitTest([quote, official], { node: text, offset: 0 }, 150, 110, all)).toBeNull();
  });

  test("an attribution wins over a cross-reference inside it", () => {
    const caret = caretIn(crossref.range, 1);
    expect(hitTest([crossref, quote], caret, 130, 110, all)?.ref.id).toBe("q");
  });

  test("of two attributions holding the point, the shorter passage", () => {
    const inner: Anchor = { ref: { kind: "target", id: "in" }, kind: "named", range: rangeOf("will open") };
    boxAt(inner.range, 150, 100, 60);
    expect(hitTest([quote, inner], caretIn(inner.range, 1), 160, 110, all)?.ref.id).toBe("in");
  });

  test("hidden kinds are never hit", () => {
    const caret = caretIn(crossref.range, 1);
    const hit = hitTest([crossref, quote], caret, 130, 110, (a) => a.kind !== "named");
    expect(hit?.ref.id).toBe("x");
  });

  test("a note is hit as a note", () => {
    const note: Anchor = { ref: { kind: "note", id: "n1" }, kind: "note", range: rangeOf("two officials") };
    boxAt(note.range, 100, 140, 100);
    expect(hitTest([official, note], caretIn(note.range), 150, 150, all)?.ref).toEqual({
      kind: "note",
      id: "n1",
    });
  });

  test("a range whose node left the document is skipped, not thrown on", () => {
    const other = document.implementation.createHTMLDocument("x");
    const text = other.createTextNode("elsewhere");
    expect(hitTest([quote], { node: text, offset: 1 }, 150, 110, all)).toBeNull();
  });
});
