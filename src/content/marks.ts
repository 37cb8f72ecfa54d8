// The reader's note marks, drawn as boxes inside our closed shadow root instead of the page-shared CSS highlight
// registry: a page script can enumerate CSS.highlights (and read or re-point the ranges in it), but it cannot see
// into a closed shadow root, and boxes that take no pointer events do not change what elementFromPoint answers.
// Boxes follow the text: they are measured again when the page reflows, is resized, or a scrolling box scrolls.
// Many notes (a thousand) are drawn in slices (slices.ts), the page's thread given back between them.
import { runSliced, yieldToMain } from "./slices";

/** The boxes' slices are shorter than the anchoring's: measuring a range's rectangles costs the browser style and
 *  layout work on top of ours (traced, 15 ms slices of ours made 51–79 ms tasks on the 1,000-notes page). */
const BOX_SLICE_MS = 6;

/** The layer, not each box, is blended into the page, and a box's colours are plain properties, not custom ones:
 *  a thousand boxes blended one by one and each resolving two variables made rendering tasks of 54–64 ms after
 *  they were added (style 19–32 ms, paint 10–15 ms; traced on the 1,000-notes page, none of it our script). Boxes
 *  that overlap now mix as one layer before it is multiplied into the page. */
const BOX_CSS = `
.marks { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; pointer-events: none;
  mix-blend-mode: multiply; }
.mark { position: absolute; pointer-events: none; box-sizing: border-box; border-radius: 2px;
  background: rgba(255, 221, 0, 0.42); border-bottom: 2px solid rgb(200, 120, 0); }
.marks.dark { mix-blend-mode: screen; }
.mark.flash { background: rgba(255, 110, 0, 0.45); border-bottom-color: rgb(200, 70, 0); }
`;

export interface Mark {
  range: Range;
  /** A CSS colour for the box (the note's colour); the default marker yellow otherwise. */
  colour?: string;
  line?: string;
}

/** Boxes over ranges of the page, in a layer of a (closed) shadow root. */
export class MarkLayer {
  readonly layer: HTMLDivElement;
  private marks: Mark[] = [];
  private flashRange: Range | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  /** The latest drawing: an older one still in slices stops when a newer one starts. */
  private drawing = 0;
  private observer: ResizeObserver | null = null;
  private following: AbortController | null = null;
  private disposed = false;

  constructor(
    root: ShadowRoot,
    private readonly win: Window = window,
  ) {
    const style = win.document.createElement("style");
    style.textContent = BOX_CSS;
    this.layer = win.document.createElement("div");
    this.layer.className = "marks";
    root.append(style, this.layer);
  }

  /** The marks to draw (replacing the previous ones), drawn after the next frame (schedule). */
  set(marks: Mark[]): void {
    this.marks = marks;
    this.follow();
    this.schedule();
  }

  /** Each mark drawn now, its text and colour (the end-to-end tests' hook reads them; the page cannot). */
  drawn(): { text: string; colour: string }[] {
    return this.layer.hidden
      ? []
      : this.marks.map((m) => ({ text: m.range.toString(), colour: m.colour ?? "" }));
  }

  /** Screen the marks into a dark page instead of multiplying them into a light one. */
  dark(on: boolean): void {
    this.layer.classList.toggle("dark", on);
  }

  /** One range in the flash style for a moment (a revealed note), whatever the switches say. */
  flash(range: Range, ms = 1600): void {
    this.flashRange = range;
    this.draw();
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      this.flashRange = null;
      this.draw();
    }, ms);
  }

  /** Measure again once the next frame is rendered, when the page's layout is clean (coalesced). Measured at
   *  once, or in the frame's callback, after the page or our layer changed, the first box made the browser lay the
   *  page out in our task (25–34 ms of tasks of 50–59 ms on the 1,000-notes page, traced). */
  schedule(): void {
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() =>
      yieldToMain().then(() => {
        this.frame = 0;
        if (!this.disposed) this.draw();
      }),
    );
  }

  /** Draw every box: each range's client rects, placed relative to the layer wherever its containing block is.
   *  The first slice now (a few notes: all of them); the rest in slices, the boxes added when all are measured. */
  draw(): void {
    const pass = ++this.drawing;
    const doc = this.win.document;
    const origin = this.layer.getBoundingClientRect();
    // Every box is measured first, in slices, with nothing written between: a write before a measurement would
    // make the browser lay the page out again (a forced layout per slice, tens of ms on a long page). The boxes
    // are then added at once.
    const specs: string[] = [];
    const measure = (range: Range, cls: string, colour?: string, line?: string) => {
      const colours = `${colour ? `background:${colour};` : ""}${line ? `border-bottom-color:${line};` : ""}`;
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        // One style write per box (its colours with it), not three.
        specs.push(
          cls,
          `${colours}left:${r.left - origin.left}px;top:${r.top - origin.top}px;width:${r.width}px;height:${r.height}px`,
        );
      }
    };
    const layer = this.layer;
    const flashRange = this.flashRange;
    const marks = this.marks;
    function* boxes() {
      let t0 = performance.now();
      for (const m of marks) {
        measure(m.range, "mark", m.colour, m.line);
        if (performance.now() - t0 > BOX_SLICE_MS) {
          yield;
          t0 = performance.now();
        }
      }
      if (flashRange) measure(flashRange, "mark flash");
      // Then written, in slices too (nothing is measured any more: no layout is forced), shown at once at the end.
      const frag = doc.createDocumentFragment();
      for (let i = 0; i < specs.length; i += 2) {
        const box = doc.createElement("div");
        box.className = specs[i] as string;
        box.style.cssText = specs[i + 1] as string;
        frag.append(box);
        if (performance.now() - t0 > BOX_SLICE_MS) {
          yield;
          t0 = performance.now();
        }
      }
      layer.replaceChildren(frag);
    }
    const run = runSliced(boxes(), {
      firstBudgetMs: BOX_SLICE_MS,
      budgetMs: BOX_SLICE_MS,
      cancelled: () => pass !== this.drawing,
    });
    if (!run.sync) run.value.catch(() => undefined); // cancelled: a newer drawing replaced it
  }

  /** Stop following the page (the session ended). */
  dispose(): void {
    this.disposed = true;
    this.observer?.disconnect();
    this.observer = null;
    this.following?.abort();
    this.following = null;
    this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.drawing++; // a drawing still in slices stops
    clearTimeout(this.flashTimer);
  }

  /** Follow reflows (text wraps differently), resizes and scrolling boxes while there is something to draw. */
  private follow(): void {
    if (this.observer || !this.marks.length) return;
    const again = () => this.schedule();
    this.following = new AbortController();
    const { signal } = this.following;
    this.observer = new ResizeObserver(again);
    if (this.win.document.body) this.observer.observe(this.win.document.body);
    this.win.addEventListener("resize", again, { passive: true, signal });
    // A mark inside a scrolling box (not the page itself) moves when that box scrolls.
    this.win.document.addEventListener(
      "scroll",
      (e) => {
        if (e.target !== this.win.document) again();
      },
      { capture: true, passive: true, signal },
    );
    this.win.document.fonts?.ready.then(again, () => undefined);
  }
}
