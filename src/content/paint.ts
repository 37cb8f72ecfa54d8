// Painting with the CSS Custom Highlight API: ranges registered by kind, no change to the page's DOM text.
// Toggling is a registry change. The colours are one sheet (model/kinds.ts highlightSheet), both schemes under their
// own names: the browser injects it with the site's data before the page is parsed (highlights.css), so that the
// first paint adds no style sheet to the page, which made the browser compute the whole page's style again
// (docs/decisions/0039-the-highlight-sheet-with-the-site-data.md); where content.js came without it (archives,
// pages analysed on this device), it is one <style> of ours, the page's like any other.
import { FLASH_NAME, highlightName, highlightSheet } from "../model/kinds";
import { HIGHLIGHT_KINDS, type HighlightKind, type Visibility } from "../model/protocol";

const STYLE_ID = "source-annotator-style";

export function supported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in globalThis.CSS && typeof Highlight === "function";
}

export class Painter {
  private ranges = new Map<HighlightKind, Range[]>();
  private flashEnd: ReturnType<typeof setTimeout> | undefined;
  private dark = false;
  /** The switches last applied (a change of scheme registers the highlights again under its names). */
  private applied: Visibility | null = null;

  constructor(
    private readonly doc: Document,
    /** The browser injected highlights.css with the site's data: no <style> of ours. */
    private readonly sheetInPage = false,
  ) {}

  set(kind: HighlightKind, ranges: Range[]): void {
    this.ranges.set(kind, ranges);
  }

  clear(): void {
    this.ranges.clear();
    this.applied = null;
    for (const k of HIGHLIGHT_KINDS) {
      CSS.highlights.delete(highlightName(k, "light"));
      CSS.highlights.delete(highlightName(k, "dark"));
    }
  }

  /** The colours for a dark page (or a light one): what is painted moves to that scheme's names. */
  scheme(dark: boolean): void {
    if (dark === this.dark) return;
    this.dark = dark;
    if (this.applied) this.apply(this.applied);
  }

  /** Register the visible kinds, unregister the others. Idempotent: re-painting never duplicates. */
  apply(v: Visibility): void {
    this.ensureStyle();
    this.applied = v;
    const [scheme, other] = this.dark ? (["dark", "light"] as const) : (["light", "dark"] as const);
    for (const kind of HIGHLIGHT_KINDS) {
      const ranges = this.ranges.get(kind) ?? [];
      CSS.highlights.delete(highlightName(kind, other));
      // Copies: the registry is shared with the page, which could otherwise re-point our own ranges.
      if (v.all && v.kinds[kind] && ranges.length)
        CSS.highlights.set(highlightName(kind, scheme), new Highlight(...ranges.map((r) => r.cloneRange())));
      else CSS.highlights.delete(highlightName(kind, scheme));
    }
  }

  /** Flash one range for a moment (the sidebar's "show me"), whatever the switches say. */
  flash(range: Range, ms = 1600): void {
    this.ensureStyle();
    CSS.highlights.set(FLASH_NAME, new Highlight(range.cloneRange()));
    // Its own moment: the end of an earlier flash does not cut this one short.
    clearTimeout(this.flashEnd);
    this.flashEnd = setTimeout(() => CSS.highlights.delete(FLASH_NAME), ms);
  }

  private ensureStyle(): void {
    if (this.sheetInPage || this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement("style");
    style.id = STYLE_ID;
    style.setAttribute("data-sa-ignore", "");
    style.textContent = highlightSheet();
    (this.doc.head ?? this.doc.documentElement).append(style);
  }
}
