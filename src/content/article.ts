// The article part of the content script: anchoring, painting, cards, the sidebar frame, notes. Bundled into
// content.js but initialised only on a recognised article: other pages only parse it.
import { describeRange } from "../anchoring/dom";
import {
  type ArticlePayload,
  type ContentRequest,
  type HighlightKind,
  type NoteAnchor,
  type NoteDraft,
  noteColourVisible,
  type Settings,
  type Status,
  type Visibility,
  visibilityFor,
} from "../messages";
import { noteColourStyle } from "../model/colours";
import type { CardView } from "../views";
import { anchorInPage } from "./anchor";
import { api } from "./api";
import { Painter, supported } from "./paint";
import { trusted } from "./trusted";
import { PageUi } from "./ui";

export interface Loader {
  status: Status;
  timings: NonNullable<Status["timings"]>;
  /** performance.now() when the content script started. */
  started: number;
  send<T>(message: unknown): Promise<T | null>;
}

export interface ArticleHandle {
  /** What the article part adds to the status. */
  status(): Partial<Status>;
  /** Handle a request the loader does not; `reply` answers it. */
  onMessage(m: ContentRequest, reply: (r: unknown) => void): void;
  /** The page changed: anchor again. */
  reanchor(): void;
  /** Our own UI's boxes and state, for the end-to-end tests' driver (in their builds only). */
  boxes(selector: string, withText?: string): ReturnType<PageUi["boxesOf"]>;
  ui(): ReturnType<PageUi["snapshot"]> | null;
}

let status: Status;
let timings: Loader["timings"];
let send: Loader["send"];
let payload: ArticlePayload | null = null;
let visibility: Visibility = visibilityFor(undefined, location.hostname);
const painter = new Painter(document);
let anchors: { id: string; kind: HighlightKind; range: Range }[] = [];
let ui: PageUi | null = null;
let listening = false; // pointer and selection listeners installed
const cards = new Map<string, Promise<CardView | null>>();

/** Anchor the dataset's targets and the reader's notes in one pass over the page's text. */
function anchor(): void {
  if (!payload || !document.body) return;
  const t0 = performance.now();
  const noteTargets = notes.map((n) => ({ id: `note:${n.id}`, kind: "note" as const, target: n.target }));
  const all = [...payload.targets, ...noteTargets];
  const { anchored, orphaned } = anchorInPage(document, all);
  const kindOf = new Map(all.map((t) => [t.id, t.kind]));
  anchors = anchored.map((a) => ({ id: a.id, kind: kindOf.get(a.id) as HighlightKind, range: a.range }));
  status.anchored = anchors.filter((a) => a.kind !== "note").length;
  status.orphaned = orphaned.filter((id) => !id.startsWith("note:"));
  status.notes = {
    anchored: anchors.length - status.anchored,
    orphaned: orphaned.filter((id) => id.startsWith("note:")).map((id) => id.slice(5)),
  };
  timings.anchorMs = performance.now() - t0;
}

/** Register the anchored ranges by kind, as the switches say; the first time, start following the reader. */
function paint(): void {
  painter.clear();
  const byKind = new Map<HighlightKind, Range[]>();
  for (const a of anchors) {
    const list = byKind.get(a.kind);
    if (list) list.push(a.range);
    else byKind.set(a.kind, [a.range]);
  }
  for (const [kind, ranges] of byKind) if (kind !== "note") painter.set(kind, ranges);
  applyVisibility();
  if (!listening) {
    listening = true;
    listenForPointer();
    listenForSelection();
    // The highlights first: our own UI (the shadow host, its styles, the launcher) comes in the task after the
    // frame that paints them; anything that needs it sooner creates it (pageUi()).
    requestAnimationFrame(() => setTimeout(() => pageUi().showLauncher(true), 0));
  }
}

function anchorAndPaint(): void {
  anchor();
  paint();
}

/** Our UI in the page (cards, launcher, note button, sidebar frame), created on first need. */
function pageUi(): PageUi {
  ui ??= new PageUi({ reveal: (id) => void reveal(id), addNote: (id) => void draftFor(id) });
  return ui;
}

// ---- notes: where they are (never what they say), and new passages for them -----------------------------

let notes: NoteAnchor[] = [];

async function loadNotes(): Promise<void> {
  if (!payload) return;
  notes = (await send<typeof notes>({ type: "note-anchors", articleId: payload.article.id })) ?? [];
}

/** The reader's selection in the page as a note draft, or null. */
function selectionDraft(attachedTo?: string, range?: Range): NoteDraft | null {
  const sel = window.getSelection();
  const r = range ?? (sel && !sel.isCollapsed && sel.rangeCount ? sel.getRangeAt(0) : null);
  if (
    !payload ||
    !r ||
    !document.body?.contains(r.commonAncestorContainer) ||
    ui?.contains(r.commonAncestorContainer as never)
  )
    return null;
  const target = describeRange(document.body, r);
  if (!target.exact.trim()) return null;
  return { articleId: payload.article.id, url: location.href, target, ...(attachedTo ? { attachedTo } : {}) };
}

/** Hand a passage to the background, which opens the sidebar's note editor on it. */
async function draftFor(targetId?: string): Promise<void> {
  const anchor = targetId ? anchors.find((a) => a.id === targetId) : undefined;
  const draft = selectionDraft(targetId, anchor?.range);
  if (draft) await send({ type: "note-draft", draft });
}

function listenForSelection(): void {
  const update = () => {
    const sel = window.getSelection();
    const range = sel && !sel.isCollapsed && sel.rangeCount ? sel.getRangeAt(0) : null;
    if (!range || !selectionDraft()) return ui?.showNoteButton(null);
    const rects = range.getClientRects();
    pageUi().showNoteButton(rects[rects.length - 1] ?? null, () => {
      void draftFor();
      ui?.showNoteButton(null);
    });
  };
  // Not at the release of a click in our own UI: the Note button's own click would show it again.
  document.addEventListener(
    "mouseup",
    trusted((e: MouseEvent) => ui?.contains(e.target) || setTimeout(update, 0)),
  );
  document.addEventListener(
    "keyup",
    trusted((e: KeyboardEvent) => e.shiftKey && update()),
  );
  document.addEventListener(
    "selectionchange",
    () => window.getSelection()?.isCollapsed && ui?.showNoteButton(null),
  );
}

// ---- cards: hover, click, and the sidebar's reveal ------------------------------------------------------

function card(targetId: string): Promise<CardView | null> {
  let c = cards.get(targetId);
  if (!c && payload) {
    c = send<CardView>({ type: "card", articleId: payload.article.id, targetId });
    cards.set(targetId, c);
  }
  return c ?? Promise.resolve(null);
}

const ATTRIBUTION_FIRST: Record<HighlightKind, number> = {
  note: 0,
  named: 1,
  anonymous: 1,
  secondhand: 1,
  crossref: 2,
};

/** The visible highlight under a point: the text position there, then the ranges that hold it. */
function hitTest(x: number, y: number): (typeof anchors)[number] | null {
  const doc = document as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  };
  let node: Node | null = null;
  let offset = 0;
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) ({ offsetNode: node, offset } = pos);
  else {
    const r = document.caretRangeFromPoint?.(x, y);
    if (r) ({ startContainer: node, startOffset: offset } = r);
  }
  if (!node) return null;
  const hits = anchors.filter((a) => {
    if (!(visibility.all && visibility.kinds[a.kind])) return false;
    try {
      if (!a.range.isPointInRange(node as Node, offset)) return false;
    } catch {
      return false;
    }
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

async function openCard(a: (typeof anchors)[number], focus: boolean): Promise<void> {
  // A note's text is shown only in the sidebar (an extension page), never in the page.
  if (a.kind === "note") {
    if (focus) pageUi().toggleSidebar(true, { note: a.id.slice(5) });
    return;
  }
  const view = await card(a.id);
  if (view) pageUi().showCard(view, a.range.getClientRects(), { focus });
}

/** The reader has text selected in the page (or is selecting it): a hover card would only get in the way, over the
 *  ✎ Note button. */
function selecting(): boolean {
  const sel = window.getSelection();
  return Boolean(sel && !sel.isCollapsed && sel.toString());
}

function listenForPointer(): void {
  let frame = 0;
  /** The latest pointer move not yet looked at: a frame looks at where the pointer is now, not where it was. */
  let latest: PointerEvent | null = null;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The card the reader opened with a click: leaving its highlight does not close it. */
  let pinned: string | null = null;
  let under: string | null = null;
  // Only the reader's own pointer: a page can dispatch synthetic events at a highlight's coordinates.
  document.addEventListener(
    "pointermove",
    trusted((e: PointerEvent) => {
      latest = e;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const p = latest;
        latest = null;
        if (!p) return;
        if (ui?.contains(p.target)) {
          clearTimeout(closeTimer);
          return;
        }
        // A button held (a drag, a selection being made) or text selected: as if over no highlight.
        const hit = p.buttons || selecting() ? null : hitTest(p.clientX, p.clientY);
        if ((hit?.id ?? null) === under) return;
        under = hit?.id ?? null;
        clearTimeout(hoverTimer);
        clearTimeout(closeTimer);
        if (hit) {
          // Hover intent: quick passes over several highlights open nothing, and never stack cards.
          hoverTimer = setTimeout(() => {
            if (selecting()) return;
            void openCard(hit, false).then(() => {
              if (pinned !== hit.id) pinned = null;
            });
          }, 250);
        } else if (!pinned) {
          closeTimer = setTimeout(() => ui?.closeCard(), 400);
        }
      });
    }),
    { passive: true },
  );
  document.addEventListener(
    "click",
    trusted((e: MouseEvent) => {
      if (ui?.contains(e.target)) return;
      const hit = hitTest(e.clientX, e.clientY);
      if (hit && window.getSelection()?.toString()) return; // the end of a selection, not a click on the highlight
      // A click settles it: a hover about to open, a leave about to close, a frame not yet looked at, all came before.
      cancelAnimationFrame(frame);
      frame = 0;
      latest = null;
      clearTimeout(hoverTimer);
      clearTimeout(closeTimer);
      under = hit?.id ?? null;
      pinned = under;
      if (hit) void openCard(hit, true);
      else ui?.closeCard();
    }),
  );
}

async function reveal(targetId: string): Promise<void> {
  const a = anchors.find((x) => x.id === targetId);
  if (!a) return;
  const el = a.range.startContainer.parentElement;
  el?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
  // A note's passage flashes in our closed layer: the page-shared registry would tell the page what was noted.
  if (a.kind === "note") pageUi().marks.flash(a.range);
  else painter.flash(a.range);
  if (a.kind === "note") pageUi().toggleSidebar(true, { note: a.id.slice(5) });
  else await openCard(a, true);
}

/**
 * The reader's notes, in their colours, as boxes in our closed shadow root (never in the page-shared highlight
 * registry, which any page script can read). Boxes are multiplied into a light page (screened into a dark one), so
 * the page's text keeps its colour under them, as under a highlighter.
 */
function paintNotes(): void {
  const placed = anchors.filter((a) => a.kind === "note");
  if (!placed.length && !ui) return;
  const colours = new Map(notes.map((n) => [`note:${n.id}`, n.colour]));
  const dark = pageIsDark();
  pageUi().marks.dark(dark);
  pageUi().marks.set(
    placed
      .filter((a) => noteColourVisible(visibility, colours.get(a.id)))
      .map((a) => {
        const style = noteColourStyle(colours.get(a.id))[dark ? "dark" : "light"];
        return { range: a.range, colour: style.background, line: style.line };
      }),
  );
}

/** Whether the page is dark: its body's (else its root's) background colour, read once per paint. */
function pageIsDark(): boolean {
  for (const el of [document.body, document.documentElement]) {
    const m =
      el && /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(el).backgroundColor);
    if (!m || m[4] === "0") continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
  }
  return false;
}

function applyVisibility(): void {
  if (!payload) return;
  painter.scheme(pageIsDark());
  painter.apply(visibility);
  paintNotes();
  status.highlightsVisible =
    visibility.all && Object.values(visibility.kinds).some(Boolean) && status.anchored > 0;
}

/** What the article part starts from: the payload at once, the switches as they come, and where the reader's
 *  notes are when the background sent them already (else they are asked once the overlays are painted: the
 *  background may have to wake up). */
export interface ArticleBegin {
  payload: ArticlePayload;
  settings: Promise<Settings | undefined>;
  notes?: NoteAnchor[];
}

/**
 * Anchor the article's targets while the switches are read, paint them as the switches say, then anchor and paint
 * the reader's notes once the background has them; then keep all of it up to date. Resolves when the notes are in.
 */
export async function startArticle(loader: Loader, begin: ArticleBegin): Promise<ArticleHandle | null> {
  ({ status, timings, send } = loader);
  if (!supported()) {
    status.note = "this browser cannot paint highlights (CSS Custom Highlight API missing)";
    return null;
  }
  payload = begin.payload;
  status.article = payload.article;
  status.counts = payload.counts;
  anchor();
  let switched = false; // the switches changed while the stored ones were being read: the change wins
  api.storage.onChanged.addListener((changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== "local" || !changes.settings) return;
    switched = true;
    visibility = visibilityFor(changes.settings.newValue as Settings | undefined, location.hostname);
    const t0 = performance.now();
    applyVisibility();
    requestAnimationFrame(() => {
      timings.toggleMs = performance.now() - t0;
    });
  });
  const stored = await begin.settings;
  if (!switched) visibility = visibilityFor(stored, location.hostname);
  requestAnimationFrame(() => {
    timings.paintedMs = performance.now() - loader.started;
  });
  paint();
  if (begin.notes) notes = begin.notes;
  else await loadNotes();
  timings.notesLoadedMs = performance.now() - loader.started;
  if (notes.length) {
    anchorAndPaint();
    requestAnimationFrame(() => {
      timings.notesPaintedMs = performance.now() - loader.started;
    });
  }
  return {
    status: () => ({ visibility }),
    reanchor: anchorAndPaint,
    boxes: (selector, withText) => ui?.boxesOf(selector, withText) ?? [],
    ui: () => ui?.snapshot() ?? null,
    onMessage(m, reply) {
      if (m.type === "reveal") void reveal(m.targetId);
      else if (m.type === "reveal-note") void reveal(`note:${m.id}`);
      else if (m.type === "sidebar")
        pageUi().toggleSidebar(m.open, m.view === "notes" ? { draft: true } : undefined);
      else if (m.type === "notes-changed" && m.articleId === payload?.article.id)
        void loadNotes().then(anchorAndPaint);
      else if (m.type === "selection") reply(selectionDraft());
    },
  };
}
