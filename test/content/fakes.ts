// Fakes for the content script's unit tests: a page with a paragraph, targets in it, our UI as a recorder, and the
// CSS highlight registry (happy-dom has none).
import { vi } from "vitest";
import type { PageUi } from "../../src/content/page-ui";
import type { ArticlePayload, HighlightKind } from "../../src/model/protocol";

export const TEXT =
  "The minister said on Tuesday that “the bridge will open in May”, according to two officials who asked not to be named.";

/** A target for a passage of TEXT. */
export function targetOf(id: string, kind: HighlightKind, exact: string) {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`not in the text: ${exact}`);
  const end = start + exact.length;
  return {
    id,
    kind,
    target: {
      exact,
      prefix: TEXT.slice(Math.max(0, start - 32), start),
      suffix: TEXT.slice(end, end + 32),
      start,
      end,
    },
  };
}

export function payloadOf(targets: ArticlePayload["targets"]): ArticlePayload {
  return {
    article: { id: "a1", publisher: "Example" },
    targets,
    counts: { attributions: targets.length, crossrefs: 0 },
  };
}

export function setPage(): void {
  document.body.innerHTML = `<article><h1>Bridge</h1><p id="p">${TEXT}</p></article>`;
}

/** A registry that records what is registered, as CSS.highlights would. */
export function fakeHighlights(): Map<string, unknown> {
  const registry = new Map<string, unknown>();
  vi.stubGlobal("CSS", { highlights: registry });
  vi.stubGlobal(
    "Highlight",
    class {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    },
  );
  return registry;
}

/** Our UI in the page, as calls recorded. */
export function fakeUi() {
  const calls: { method: string; args: unknown[] }[] = [];
  const rec =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push({ method, args });
    };
  const ui = {
    calls,
    host: document.createElement("div"),
    contains(t: unknown) {
      return t === ui.host;
    },
    closeCard: rec("closeCard"),
    showNoteButton: rec("showNoteButton"),
    showCard: rec("showCard"),
    toggleSidebar: rec("toggleSidebar"),
    showLauncher: rec("showLauncher"),
    destroy: rec("destroy"),
    boxesOf: () => [],
    snapshot: () => null,
    marks: { flash: rec("marks.flash"), dark: rec("marks.dark"), set: rec("marks.set") },
  };
  return { ui, asPageUi: ui as unknown as PageUi, calls };
}

/** A box for a range (happy-dom lays nothing out). */
export function boxAt(range: Range, left: number, top: number, width = 100, height = 20): void {
  const r = { left, top, right: left + width, bottom: top + height, width, height, x: left, y: top };
  range.getClientRects = () => [r] as unknown as DOMRectList;
}

/** A range over the first occurrence of `exact` in the paragraph. */
export function rangeOf(exact: string): Range {
  const text = (document.getElementById("p") as HTMLElement).firstChild as Text;
  const start = text.data.indexOf(exact);
  const r = document.createRange();
  r.setStart(text, start);
  r.setEnd(text, start + exact.length);
  return r;
}
