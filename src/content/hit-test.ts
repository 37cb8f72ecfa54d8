// Which highlight is under a point: the text position there, then the placed ranges that hold it and whose boxes
// contain the point. Our highlights are painted, not elements, so the page's own hit-testing cannot answer.
import type { HighlightKind } from "../model/protocol";
import type { Anchor } from "./targets";

/** Where the text is at a point, as the browser says (Firefox: caretPositionFromPoint; Chromium: caretRangeFromPoint). */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  };
  const pos = d.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Over nested highlights, the attribution wins over a cross-reference inside it (a note is its own layer). */
const ATTRIBUTION_FIRST: Record<HighlightKind, number> = {
  note: 0,
  named: 1,
  anonymous: 1,
  secondhand: 1,
  crossref: 2,
};

/**
 * The visible highlight at (x, y) whose range holds the caret position there, the most specific first (by kind,
 * then the shortest passage); null over none.
 */
export function hitTest(
  anchors: readonly Anchor[],
  caret: { node: Node; offset: number } | null,
  x: number,
  y: number,
  visible: (a: Anchor) => boolean,
): Anchor | null {
  if (!caret) return null;
  const hits = anchors.filter((a) => {
    if (!visible(a)) return false;
    try {
      if (!a.range.isPointInRange(caret.node, caret.offset)) return false;
    } catch {
      return false; // a node the page moved out of the range's document
    }
    // The caret snaps to the nearest text: the point must be on the highlight's own boxes too.
    return [...a.range.getClientRects()].some(
      (r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1,
    );
  });
  hits.sort(
    (a, b) =>
      ATTRIBUTION_FIRST[a.kind] - ATTRIBUTION_FIRST[b.kind] ||
      a.range.toString().length - b.range.toString().length,
  );
  return hits[0] ?? null;
}
