// Painting with the CSS Custom Highlight API: ranges registered by kind, no change to the page's DOM text.
// Toggling is a registry change; styles live in one <style> element the page cannot confuse with its own.
import { highlightCss } from "../model/kinds";
import { HIGHLIGHT_KINDS, type HighlightKind, type Visibility } from "../model/protocol";

const STYLE_ID = "source-annotator-style";

// The kinds' colours come from src/model/kinds.ts, one set for light pages and one for dark; cross-references are
// underlined so they show through an attribution's colour.
const styles = (dark: boolean) =>
  `${highlightCss(dark ? "dark" : "light", highlightName)}
::highlight(sa-flash) { background-color: rgba(255, 110, 0, 0.5); }
`;

export const highlightName = (kind: HighlightKind) => `sa-${kind}`;

export function supported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in globalThis.CSS && typeof Highlight === "function";
}

export class Painter {
  private ranges = new Map<HighlightKind, Range[]>();
  private flashEnd: ReturnType<typeof setTimeout> | undefined;
  private dark = false;

  constructor(private readonly doc: Document) {}

  set(kind: HighlightKind, ranges: Range[]): void {
    this.ranges.set(kind, ranges);
  }

  clear(): void {
    this.ranges.clear();
    for (const k of HIGHLIGHT_KINDS) CSS.highlights.delete(highlightName(k));
  }

  /** The colours for a dark page (or a light one): the style is rewritten when it changes. */
  scheme(dark: boolean): void {
    if (dark === this.dark) return;
    this.dark = dark;
    const style = this.doc.getElementById(STYLE_ID);
    if (style) style.textContent = styles(dark);
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
    style.textContent = styles(this.dark);
    (this.doc.head ?? this.doc.documentElement).append(style);
  }
}
