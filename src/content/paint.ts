// Painting with the CSS Custom Highlight API: ranges registered by kind, no change to the page's DOM text.
// Toggling is a registry change; styles live in one <style> element the page cannot confuse with its own.
import { HIGHLIGHT_KINDS, type HighlightKind, type Visibility } from "../model/protocol";

const STYLE_ID = "source-annotator-style";

// Translucent backgrounds keep the page's own text colour, so contrast holds on light and dark pages alike;
// cross-references are underlined so they show through an attribution's colour.
const STYLES = `
::highlight(sa-named) { background-color: rgba(56, 132, 255, 0.28); }
::highlight(sa-anonymous) { background-color: rgba(255, 166, 0, 0.38); }
::highlight(sa-secondhand) { background-color: rgba(190, 80, 255, 0.28); }
::highlight(sa-crossref) { text-decoration: underline 2px rgb(0, 150, 110); text-underline-offset: 3px; }
::highlight(sa-flash) { background-color: rgba(255, 110, 0, 0.5); }
`;

export const highlightName = (kind: HighlightKind) => `sa-${kind}`;

export function supported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in globalThis.CSS && typeof Highlight === "function";
}

export class Painter {
  private ranges = new Map<HighlightKind, Range[]>();
  private flashEnd: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {}

  set(kind: HighlightKind, ranges: Range[]): void {
    this.ranges.set(kind, ranges);
  }

  clear(): void {
    this.ranges.clear();
    for (const k of HIGHLIGHT_KINDS) CSS.highlights.delete(highlightName(k));
  }

  /** Register the visible kinds, unregister the others. Idempotent: re-painting never duplicates. */
  apply(v: Visibility): void {
    this.ensureStyle();
    for (const kind of HIGHLIGHT_KINDS) {
      const ranges = this.ranges.get(kind) ?? [];
      // Copies: the registry is shared with the page, which could otherwise re-point our own ranges.
      if (v.all && v.kinds[kind] && ranges.length)
        CSS.highlights.set(highlightName(kind), new Highlight(...ranges.map((r) => r.cloneRange())));
      else CSS.highlights.delete(highlightName(kind));
    }
  }

  /** Flash one range for a moment (the sidebar's "show me"), whatever the switches say. */
  flash(range: Range, ms = 1600): void {
    this.ensureStyle();
    CSS.highlights.set("sa-flash", new Highlight(range.cloneRange()));
    // Its own moment: the end of an earlier flash does not cut this one short.
    clearTimeout(this.flashEnd);
    this.flashEnd = setTimeout(() => CSS.highlights.delete("sa-flash"), ms);
  }

  private ensureStyle(): void {
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement("style");
    style.id = STYLE_ID;
    style.setAttribute("data-sa-ignore", "");
    style.textContent = STYLES;
    (this.doc.head ?? this.doc.documentElement).append(style);
  }
}
