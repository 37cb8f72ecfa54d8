// One recognised article on this page, from recognition to teardown: it owns the placed highlights (anchors), the
// painter and our UI in the page (created on first need), hit-testing, hover and selection logic, the cards
// already asked for, and the reader's notes (where they are, never what they say). dispose() undoes all of it.
import type {
  ContentRequest,
  HighlightKind,
  NoteAnchor,
  NoteDraft,
  PagePayload,
  Status,
  Visibility,
} from "../model/protocol";
import type { ContentReply } from "../model/replies";
import type { CardView } from "../model/views";
import { visibilityFor } from "../model/visibility";
import { anchorInPageSteps } from "./anchor";
import { caretAt, hitTest } from "./hit-test";
import { noteMarks, pageIsDark } from "./note-marks";
import type { PageUi } from "./page-ui";
import { loadLater } from "./page-ui-loader";
import { Painter } from "./paint";
import { PointerLogic } from "./pointer";
import { SelectionLogic } from "./selection";
import { Cancelled, FIRST_SLICE_MS, runSliced, SLICE_MS, type SliceOptions, yieldToMain } from "./slices";
import { type Anchor, sameRef, type TargetRef } from "./targets";
import type { Timings } from "./timings";
import { afterFirstInput, listenToReader } from "./trusted";

/** Changes inside the highlights' common ancestor tested against their ranges in one observer callback, past which
 *  the callback counts as touching them (changedUnder). */
const EXACT_TESTS_MAX = 200;

/** What the session asks of the background; null when it did not answer (the extension reloaded). */
export interface BackgroundPort {
  noteAnchors(articleId: string): Promise<NoteAnchor[] | null>;
  card(articleId: string, targetId: string): Promise<CardView | null>;
  /** Hand over a passage for a new note (the background opens the sidebar's editor on it). */
  noteDraft(draft: NoteDraft): Promise<unknown>;
}

export interface SessionDeps {
  doc: Document;
  payload: PagePayload;
  /** The status the loader answers with: the session keeps its article fields up to date. */
  status: Status;
  background: BackgroundPort;
  /** The benchmark's timings (a no-op outside its builds). */
  timings?: Timings;
  /** Our UI in the page; by default the real one (a closed shadow root), its code loaded on first need. */
  makeUi?: (actions: ConstructorParameters<typeof PageUi>[0]) => PageUi | Promise<PageUi>;
  /** The anchoring's slices (budgets, how the thread is given back); by default slices.ts's. */
  slicing?: Pick<SliceOptions, "firstBudgetMs" | "budgetMs" | "pause" | "now">;
  /** The browser injected our highlight sheet with the site's data (see paint.ts). */
  sheetInPage?: boolean;
}

export class ArticleSession {
  readonly payload: PagePayload;
  private readonly doc: Document;
  private readonly win: Window;
  private readonly status: Status;
  private readonly background: BackgroundPort;
  private readonly makeUi: NonNullable<SessionDeps["makeUi"]>;
  private readonly painter: Painter;
  private anchors: Anchor[] = [];
  private notes: NoteAnchor[] = [];
  private ui: PageUi | null = null;
  private uiLoading: Promise<PageUi> | null = null;
  private readonly cards = new Map<string, Promise<CardView | null>>();
  private listening: AbortController | null = null;
  /** Set by dispose(), and only there. */
  disposed = false;
  private readonly timings: Timings | undefined;
  private readonly slicing: SessionDeps["slicing"];
  visibility: Visibility;
  readonly pointer: PointerLogic;
  readonly selection: SelectionLogic;
  /** How long the last anchoring pass took, its slices' time (the loader waits longer on a page slow to anchor). */
  lastAnchorMs = 0;
  /** The most targets any pass placed on this page (a hydration that rebuilt the article lowers it for a moment). */
  private mostAnchored = 0;
  /** The latest anchoring pass: an older one still in slices gives up when a newer one starts. */
  private pass = 0;
  /** The last pass that finished placed every target and note it was given (none since: setNotes clears it). */
  private placedEvery = false;

  constructor(deps: SessionDeps) {
    this.doc = deps.doc;
    this.win = deps.doc.defaultView as Window;
    this.payload = deps.payload;
    this.status = deps.status;
    this.background = deps.background;
    this.timings = deps.timings;
    this.slicing = deps.slicing;
    this.makeUi = deps.makeUi ?? (async (actions) => new (await loadLater()).PageUi(actions));
    this.painter = new Painter(this.doc, deps.sheetInPage);
    this.visibility = visibilityFor(undefined, this.doc.location?.hostname ?? "");
    this.status.article = this.payload.article;
    this.status.counts = this.payload.counts;
    this.pointer = new PointerLogic({
      hitTest: (x, y) => this.hitTest(x, y),
      selecting: () => {
        const sel = this.doc.getSelection();
        return Boolean(sel && !sel.isCollapsed && sel.toString());
      },
      hasSelection: () => Boolean(this.doc.getSelection()?.toString()),
      openCard: (a, focus) => this.openCard(a, focus),
      closeCard: () => this.ui?.closeCard(),
      requestFrame: (cb) => this.win.requestAnimationFrame(cb),
      cancelFrame: (id) => this.win.cancelAnimationFrame(id),
    });
    this.selection = new SelectionLogic({
      doc: this.doc,
      articleId: this.payload.article.id,
      insideOwnUi: (node) => this.ui?.contains(node) ?? false,
      showNoteButton: (rect, onClick) => this.withUi((ui) => ui.showNoteButton(rect, onClick)),
      hideNoteButton: () => this.ui?.showNoteButton(null),
      sendDraft: (draft) => this.background.noteDraft(draft),
    });
  }

  /** The placed highlights (dataset targets and notes). */
  placed(): readonly Anchor[] {
    return this.anchors;
  }

  /** Our UI in the page (cards, launcher, note button, sidebar frame), created on first need: its code is not in
   *  content.js but loaded then (page-ui-loader.ts). Rejects if the session ended meanwhile or the code failed. */
  pageUi(): Promise<PageUi> {
    this.uiLoading ??= Promise.resolve(
      this.makeUi({
        reveal: (id) => void this.reveal({ kind: "target", id }),
        addNote: (id) => void this.noteOn(id),
      }),
    ).then(
      (ui) => {
        if (this.disposed) {
          ui.destroy();
          throw new Cancelled();
        }
        this.ui = ui;
        return ui;
      },
      (e: unknown) => {
        if (!this.disposed) this.status.note = `cards and sidebar unavailable: ${String(e)}`;
        this.uiLoading = null; // the next need tries again
        throw e;
      },
    );
    return this.uiLoading;
  }

  /** Do `f` with our UI once it is there, unless the session ended first. */
  private withUi(f: (ui: PageUi) => void): Promise<void> {
    return this.pageUi().then(
      (ui) => {
        if (!this.disposed) f(ui);
      },
      () => undefined,
    );
  }

  /** The UI if it exists (the tests' hooks read it; nothing creates it for them). */
  existingUi(): PageUi | null {
    return this.ui;
  }

  /**
   * Anchor the dataset's targets and the reader's notes in one pass over the page's text, in slices
   * (slices.ts): true when it finished at once (the first slice is run in this task: a known article's targets
   * fit in it), else a promise that it finished (false: the session ended or a newer pass replaced it). False when
   * there is nothing to anchor in. `firstFrame`: the overlays of a known article wait on this pass to be in the
   * page's first frame, so its first slice is the longer one (FIRST_SLICE_MS), counted from `since` when the task
   * did the recognition first; any later pass (notes, a page that changed) and an analysed page's start in a task
   * that already did other work take a plain slice.
   */
  anchor(firstFrame = false, since?: number): boolean | Promise<boolean> {
    if (this.disposed || !this.doc.body) return false;
    const pass = ++this.pass;
    const refs: TargetRef[] = [];
    const all = [
      ...this.payload.targets.map((t) => ({ ...t, ref: { kind: "target", id: t.id } as const })),
      ...this.notes.map((n) => ({
        kind: "note" as const,
        target: n.target,
        ref: { kind: "note", id: n.id } as const,
      })),
    ].map(({ ref, ...t }, i) => {
      refs.push(ref);
      // The anchoring pass needs unique ids only: a target's position in this list. A dataset target's quote comes
      // prepared (a site's data file, the background's payload): not prepared again here.
      return { ...t, id: String(i) };
    });
    let work = 0;
    let slices = 0;
    const run = runSliced(anchorInPageSteps(this.doc, all), {
      firstBudgetMs: firstFrame ? FIRST_SLICE_MS : SLICE_MS,
      ...(firstFrame && since !== undefined ? { since } : {}),
      ...this.slicing,
      cancelled: () => this.disposed || pass !== this.pass,
      onSlice: (ms) => {
        work += ms;
        slices++;
        this.timings?.task(ms);
      },
    });
    const done = ({
      anchored,
      orphaned,
    }: {
      anchored: { id: string; range: Range }[];
      orphaned: string[];
    }) => {
      this.anchors = anchored.map((a) => {
        const i = Number(a.id);
        return { ref: refs[i] as TargetRef, kind: all[i]?.kind as HighlightKind, range: a.range };
      });
      const lost = orphaned.map((id) => refs[Number(id)] as TargetRef);
      this.placedEvery = lost.length === 0;
      this.status.anchored = this.anchors.filter((a) => a.ref.kind === "target").length;
      this.mostAnchored = Math.max(this.mostAnchored, this.status.anchored);
      this.status.orphaned = lost.filter((r) => r.kind === "target").map((r) => r.id);
      this.status.notes = {
        anchored: this.anchors.length - this.status.anchored,
        orphaned: lost.filter((r) => r.kind === "note").map((r) => r.id),
      };
      this.lastAnchorMs = work;
      this.timings?.set("anchorMs", work);
      this.timings?.set("anchorSlices", slices);
      return true;
    };
    if (run.sync) return done(run.value);
    return run.value.then(done, (e: unknown) => {
      if (e instanceof Cancelled) return false;
      throw e;
    });
  }

  /** Register the anchored ranges by kind, as the switches say; the first time, start following the reader. */
  paint(): void {
    if (this.disposed) return;
    const t0 = performance.now();
    this.painter.clear();
    const byKind = new Map<HighlightKind, Range[]>();
    for (const a of this.anchors) {
      const list = byKind.get(a.kind);
      if (list) list.push(a.range);
      else byKind.set(a.kind, [a.range]);
    }
    for (const [kind, ranges] of byKind) if (kind !== "note") this.painter.set(kind, ranges);
    this.applyVisibility();
    if (!this.listening) {
      this.listening = new AbortController();
      listenToReader(
        this.doc,
        { pointer: this.pointer, selection: this.selection, ownUi: (t) => this.ui?.contains(t) ?? false },
        this.listening.signal,
      );
      // The highlights first: our own UI (the shadow host, its styles, the launcher; 12–20 ms of the main thread)
      // comes after the reader's first input, its code loaded then, and so stays out of the page's load; anything
      // that needs it sooner asks for it (pageUi()). docs/decisions/0019-ui-at-first-input.md
      afterFirstInput(this.win, () => void this.withUi((ui) => ui.showLauncher(true)), this.listening.signal);
    }
    this.timings?.task(performance.now() - t0);
  }

  /** The page changed: anchor again and paint (once the anchoring finished, when it took more than a slice: then
   *  in a task of its own, not after the last slice's). */
  reanchor(): void | Promise<void> {
    const anchoring = this.anchor();
    if (anchoring === true) this.paint();
    else if (anchoring)
      return anchoring.then(async (finished) => {
        if (!finished) return;
        await (this.slicing?.pause ?? yieldToMain)();
        this.paint();
      });
  }

  /**
   * The page took the article's text from under the highlights: a placed one's text is gone from the document, or
   * (`textAdded`) text came back after fewer targets were placed than before — a framework's hydration, which
   * replaces the article's nodes, in one task or two. Then anchoring again at once, before the next frame, puts the
   * overlays back in it. A browser keeps a live range in the document when its nodes are taken out: it moves the
   * range's ends to where they were, and the range is left collapsed there (every placed range holds some text); a
   * range's ends outside the document are for DOMs without live ranges.
   */
  lost(textAdded: boolean): boolean {
    if (this.disposed) return false;
    const gone = (r: Range) => r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected;
    if (this.anchors.some((a) => gone(a.range))) return true;
    return textAdded && this.status.anchored < this.mostAnchored;
  }

  /** New switches (from storage, or read at start). */
  setVisibility(v: Visibility): void {
    this.visibility = v;
    this.applyVisibility();
  }

  /** The reader's notes on this article (where they are): anchored with the next pass. */
  setNotes(notes: NoteAnchor[]): void {
    if (notes.length || this.notes.length) this.placedEvery = false;
    this.notes = notes;
  }

  /** Whether these changes the page made may have changed the text under a placed highlight: text changed in one,
   *  a node added inside one, or nodes taken out of one. A ticker, an ad put in or taken out between paragraphs,
   *  or comments added elsewhere change none. A change is first placed against the highlights' common ancestor,
   *  which walks up the tree only: one beside it touches none, one above it only when it moves that ancestor. Only
   *  changes inside it are tested against the highlights' ranges, at most EXACT_TESTS_MAX a call: placing a node
   *  against a range counts the siblings before it (Chromium), so testing each of a 5 MB page's comments that way
   *  took 1.9–2.3 s in one task (traced), where a pass takes some 20 ms. */
  changedUnder(records: readonly MutationRecord[]): boolean {
    if (!this.anchors.length) return false;
    let hull: Range;
    try {
      hull = this.hull();
    } catch {
      return true; // the highlights are no longer in one tree: anchor again
    }
    const scope = hull.commonAncestorContainer;
    let tests = 0;
    const under = (n: Node) =>
      ++tests > EXACT_TESTS_MAX ||
      (hull.intersectsNode(n) && this.anchors.some((a) => a.range.intersectsNode(n)));
    // Nodes taken out: a highlight that held them holds the place they left (one whose boundary was in them now
    // starts or ends there); when that place is not known any more, the element they left counts whole.
    const removedUnder = (r: MutationRecord) => {
      if (++tests > EXACT_TESTS_MAX) return true; // finding the place also counts the siblings before it
      const at = this.removalPoint(r);
      if (!at) return under(r.target);
      return hull.isPointInRange(...at) && this.anchors.some((a) => a.range.isPointInRange(...at));
    };
    for (const r of records) {
      if (scope.contains(r.target)) {
        if (r.type === "characterData" ? under(r.target) : r.removedNodes.length > 0 && removedUnder(r))
          return true;
        for (const n of r.addedNodes) if (n.isConnected && under(n)) return true;
      } else if (r.target.contains(scope)) {
        for (const n of r.addedNodes) if (n.contains(scope)) return true;
        for (const n of r.removedNodes) if (n.contains(scope)) return true;
      }
    }
    return false;
  }

  /** Where a record's nodes were taken out, in the element they left; null when their siblings have moved since. */
  private removalPoint(r: MutationRecord): [Node, number] | null {
    const at = this.doc.createRange();
    try {
      if (r.nextSibling) at.setStartBefore(r.nextSibling);
      else if (r.previousSibling) at.setStartAfter(r.previousSibling);
      else at.setStart(r.target, 0);
    } catch {
      return null; // the sibling has been taken out of the page since
    }
    return at.startContainer === r.target ? [r.target, at.startOffset] : null;
  }

  /** One range from the start of the earliest placed highlight to the end of the last. */
  private hull(): Range {
    let first = (this.anchors[0] as Anchor).range;
    let last = first;
    for (const { range } of this.anchors) {
      if (range.compareBoundaryPoints(Range.START_TO_START, first) < 0) first = range;
      if (range.compareBoundaryPoints(Range.END_TO_END, last) > 0) last = range;
    }
    const hull = this.doc.createRange();
    hull.setStart(first.startContainer, first.startOffset);
    hull.setEnd(last.endContainer, last.endOffset);
    return hull;
  }

  /** Every target and note is placed and still in the document: a pass over more of the page's text as it arrives
   *  would place nothing new (index.ts followParsing; its pass at the end of parsing still looks at all of it). */
  placedAll(): boolean {
    return this.placedEvery && !this.lost(false);
  }

  get noteCount(): number {
    return this.notes.length;
  }

  /** Ask the background where the reader's notes are. */
  async loadNotes(): Promise<void> {
    this.setNotes((await this.background.noteAnchors(this.payload.article.id)) ?? []);
  }

  /** The visible highlight under a point of the viewport. */
  hitTest(x: number, y: number): Anchor | null {
    const v = this.visibility;
    return hitTest(this.anchors, caretAt(this.doc, x, y), x, y, (a) => v.all && v.kinds[a.kind]);
  }

  /** A card's view, asked of the background once per target. */
  private card(targetId: string): Promise<CardView | null> {
    let c = this.cards.get(targetId);
    if (!c) {
      c = this.background.card(this.payload.article.id, targetId);
      this.cards.set(targetId, c);
    }
    return c;
  }

  async openCard(a: Anchor, focus: boolean): Promise<void> {
    // A note's text is shown only in the sidebar (an extension page), never in the page.
    if (a.ref.kind === "note") {
      if (focus) await this.withUi((ui) => ui.toggleSidebar(true, { note: a.ref.id }));
      return;
    }
    const view = await this.card(a.ref.id);
    if (view) await this.withUi((ui) => ui.showCard(view, a.range.getClientRects(), { focus }));
  }

  /** Scroll to a highlight, flash it and open its card (a note: the sidebar on it). */
  async reveal(ref: TargetRef): Promise<void> {
    const a = this.anchors.find((x) => sameRef(x.ref, ref));
    if (!a) return;
    a.range.startContainer.parentElement?.scrollIntoView({
      block: "center",
      behavior: "instant" as ScrollBehavior,
    });
    // A note's passage flashes in our closed layer: the page-shared registry would tell the page what was noted.
    if (a.ref.kind === "note") {
      await this.withUi((ui) => {
        ui.marks.flash(a.range);
        ui.toggleSidebar(true, { note: a.ref.id });
      });
    } else {
      this.painter.flash(a.range);
      await this.openCard(a, true);
    }
  }

  /** Start a note on a highlight's passage (from its card). */
  private async noteOn(targetId: string): Promise<void> {
    const a = this.anchors.find((x) => x.ref.kind === "target" && x.ref.id === targetId);
    await this.selection.noteOn(a ? { targetId, range: a.range } : undefined);
  }

  /** A request from the extension the loader does not answer itself; `reply` answers it. */
  handle(m: ContentRequest, reply: (r: ContentReply<ContentRequest>) => void): void {
    if (this.disposed) return;
    if (m.type === "reveal") void this.reveal({ kind: "target", id: m.targetId });
    else if (m.type === "reveal-note") void this.reveal({ kind: "note", id: m.id });
    else if (m.type === "sidebar")
      void this.withUi((ui) => ui.toggleSidebar(m.open, m.view === "notes" ? { draft: true } : undefined));
    else if (m.type === "notes-changed" && m.articleId === this.payload.article.id)
      void this.loadNotes().then(() => this.reanchor());
    else if (m.type === "selection") reply(this.selection.draft());
  }

  /**
   * The page's scheme: light until it is read, once a frame has been rendered; as last read after that. Read in our
   * paint, the computed style made the browser compute the style of all that changed since the last frame in our
   * task, and the frame computed it again for the style we add: on a 5 MB page, 20–80 ms before each frame of its
   * parse and 100–190 ms once it ended; on a 500 KB page's first paint 14.5 ms in our read, then 26.6 in the frame
   * (traced). Just after a frame the page's style is clean and the read costs next to nothing; a dark page's first
   * frame shows the light scheme's colours, the next one its own.
   */
  private dark = false;
  private schemeRead = false;
  private schemeDue = false;

  /**
   * Read the page's scheme once the next frame is rendered; repaint in the other scheme if it changed. The first
   * read is made whenever it comes; later ones not while the page is still being parsed (its end of parsing paints
   * again).
   */
  private schemeAfterFrame(): void {
    if (this.schemeDue || (this.schemeRead && this.doc.readyState === "loading")) return;
    this.schemeDue = true;
    this.win.requestAnimationFrame(() =>
      yieldToMain().then(() => {
        this.schemeDue = false;
        if (this.disposed) return;
        this.schemeRead = true;
        const dark = pageIsDark(this.doc);
        if (dark === this.dark) return;
        this.dark = dark;
        this.painter.scheme(dark);
        this.paintNotes();
      }),
    );
  }

  private applyVisibility(): void {
    if (this.disposed) return;
    this.painter.apply(this.visibility);
    this.paintNotes();
    this.schemeAfterFrame();
    this.status.highlightsVisible =
      this.visibility.all && Object.values(this.visibility.kinds).some(Boolean) && this.status.anchored > 0;
  }

  /** The reader's notes as boxes in our closed layer (see note-marks.ts); nothing to do before any is placed. */
  private paintNotes(): void {
    if (!this.ui && !this.anchors.some((a) => a.ref.kind === "note")) return;
    // As the session is when the UI is there (its code may still be loading).
    void this.withUi((ui) => {
      ui.marks.dark(this.dark);
      const placed = this.anchors.filter((a) => a.ref.kind === "note");
      ui.marks.set(noteMarks(placed, this.notes, this.visibility, this.dark));
    });
  }

  /** The page is going away or the article is no longer this page's: stop listening, remove what we added. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.listening?.abort();
    this.pointer.dispose();
    this.painter.clear();
    this.ui?.destroy();
    this.ui = null;
    this.anchors = [];
    this.cards.clear();
  }
}
