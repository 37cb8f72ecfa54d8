// The messages between contexts: every request and what it carries. The reply to each: replies.ts; the shape
// checks a receiver runs: message-checks.ts.
import type { NoteColour } from "./colours";
import type { TextTarget } from "./dataset";

/** A quote prepared for matching (by src/anchoring, at build time): its normalised form and context. */
export interface PreparedQuote {
  quote: string;
  prefix: string;
  suffix: string;
  /** Paragraphs of the quote (normalised), split where the original has line breaks. */
  paragraphs: string[];
}

export type HighlightKind = "named" | "anonymous" | "secondhand" | "crossref" | "note";
export const HIGHLIGHT_KINDS: HighlightKind[] = ["named", "anonymous", "secondhand", "crossref", "note"];

/** What the content script needs to paint one article: its targets, nothing else. */
export interface ArticlePayload {
  article: { id: string; publisher: string; headline?: string; published?: string; referenceDate?: string };
  targets: { id: string; kind: HighlightKind; target: TextTarget; prepared?: PreparedQuote }[];
  counts: { attributions: number; crossrefs: number };
}

/** A dataset target as content.js gets it from a site's data file: prepared for matching (case-folded), and where
 *  it starts in the article's text; its own words are not needed beside their prepared form. */
export interface PreparedTarget {
  id: string;
  kind: HighlightKind;
  target: Pick<TextTarget, "start">;
  prepared: PreparedQuote;
}

/** What content.js anchors and paints: a payload whose targets come whole (the background's) or prepared (a site's
 *  data file). */
export type PagePayload = Omit<ArticlePayload, "targets"> & {
  targets: (ArticlePayload["targets"][number] | PreparedTarget)[];
};

export interface Visibility {
  all: boolean;
  kinds: Record<HighlightKind, boolean>;
  /** The reader's notes by colour (with kinds.note on); a colour absent here is shown. */
  noteColours?: Partial<Record<NoteColour, boolean>>;
}

export interface Status {
  articleId: string | null;
  matchedBy: "url" | "fingerprint" | null;
  score: number;
  anchored: number;
  orphaned: string[];
  highlightsVisible: boolean;
  /** Extra, for the popup: the page's host (the popup may not read tab URLs), and what was recognised. */
  host?: string;
  article?: ArticlePayload["article"];
  counts?: ArticlePayload["counts"];
  visibility?: Visibility;
  /** Why the script stopped early, if it did ("no body", "page too large"). */
  note?: string;
  /** False while the first recognition (and, for an article, anchoring) is still running. */
  ready?: boolean;
  /** Milliseconds, for the benchmark: content-script start → the article's overlays painted (first frame after),
   *  → the reader's notes painted too (when there are any), the last anchoring pass, the last switch of the
   *  highlights until the next frame. */
  timings?: {
    /** performance.now() at the content script's start (the page's time origin); the others count from it. */
    startedAt?: number;
    /** When the page's parsing ended (content.js starts at document_start on the publishers' pages). */
    parsedMs?: number;
    recognisedMs?: number;
    paintedMs?: number;
    /** The overlays were painted before the browser rendered any frame with text in the page's body since the
     *  content script started: from document_start, they are in the page's first frame with text (from a later
     *  start, in the first frame after it: frames rendered before the script started cannot hold them). */
    inFirstFrame?: boolean;
    /** The switches the first paint used: a name the background registered for this site (first-paint.ts), or
     *  "defaults" when none was. */
    firstPaintSwitches?: string;
    /** When the reader's notes arrived from the background. */
    notesLoadedMs?: number;
    notesPaintedMs?: number;
    anchorMs?: number;
    toggleMs?: number;
    /** The longest stretch of the extension's own work timed on the page's main thread so far: the script's first
     *  task, a known article's recognising, anchoring and painting when they share a task (the first paint's),
     *  an analysis's serialising of the page, each anchoring slice, each paint (docs/decisions/0011, 0032). */
    longestTaskMs?: number;
    /** Each timed stretch as [start, length] (ms, on the page's performance timeline), the first 500: the bench
     *  finds which of the page's long frames (Long Animation Frames, untraced) they fall in. */
    stretches?: [number, number][];
    /** How many slices the last anchoring pass took (1: it ran in one go). */
    anchorSlices?: number;
  };
  /** The reader's notes on this page: how many were placed, and the ids of those whose passage is gone. */
  notes?: { anchored: number; orphaned: string[] };
}

/** The status of a page before (or without) a recognised article. */
export const notAnArticle = (): Status => ({
  articleId: null,
  matchedBy: null,
  score: 0,
  anchored: 0,
  orphaned: [],
  highlightsVisible: false,
});

/** Content script → background. */
export type BackgroundRequest =
  /**
   * Which article is this page (a page without site data: archives, analysed pages)? Its address and a sample of
   * its shingle hashes, taken with the index's parameters compiled into content.js (asked again with the ones the
   * reply names if they differ). On a match the reply carries all the article part needs to paint.
   */
  | {
      type: "recognise";
      url: string;
      sample?: PageSample;
      /** The reader asked for this page ("Analyse this page", or the every-site opt-in): any archive is compared. */
      asked?: boolean;
    }
  | { type: "card"; articleId: string; targetId: string }
  | { type: "sidebar-view"; articleId: string }
  /** Our UI's code (page-ui.js), injected into the asking frame of the tab (src/content/page-ui-loader.ts). */
  | { type: "page-ui" }
  /**
   * From an extension frame inside a tab (the sidebar) to the content script of that same tab. Firefox gives such
   * frames no `tabs` API, so the background relays to `sender.tab`.
   */
  | { type: "relay"; message: ContentRequest }
  /** Content script: where the notes of an article are (ids and selectors only: no body reaches a page). */
  | { type: "note-anchors"; articleId: string }
  /**
   * Content script, as it creates the sidebar frame: the one-time nonce the frame will present (in its address, which
   * the page cannot read: the frame is in a closed shadow root), and what the sidebar should show first.
   */
  | { type: "sidebar-open"; nonce: string; intent?: SidebarIntent }
  /** The sidebar frame, on load: is this nonce the one our content script registered for this tab? */
  | { type: "sidebar-hello"; nonce: string }
  /** Content script: the reader asked to write a note on this passage; the sidebar of the tab picks it up. */
  | { type: "note-draft"; draft: NoteDraft }
  /** Extension pages only (the sidebar, the notes page): the notes store. */
  | { type: "notes"; op: NotesOp };

/** What the sidebar should show: the note editor on the waiting draft, or one of the reader's notes. */
export type SidebarIntent = { draft: true } | { note: string };

/** A passage the reader chose for a new note (or to re-attach an unplaced one to). */
export interface NoteDraft {
  articleId: string;
  url: string;
  target: TextTarget;
  /** Written from the card of this attribution or cross-reference. */
  attachedTo?: string;
}

export type NotesOp =
  | { op: "list"; articleId: string }
  | { op: "all" }
  /**
   * The notes a page at a time (NotesPage): newest first from `offset`, or by id after `after` ("" to start),
   * each from the last page's `next`.
   */
  | { op: "page"; offset: number; limit: number }
  | { op: "page"; after: string; limit: number }
  | { op: "add"; draft: NoteDraft; body: string; tags?: string[]; colour?: NoteColour }
  /**
   * `base`: the note's `modified` when the editor opened; a note changed since is not overwritten ("conflict").
   * Tags and colour change only when given.
   */
  | { op: "update"; id: string; body: string; base?: string; tags?: string[]; colour?: NoteColour }
  /** The tags in use, with counts (for completion and the notes page's filter). */
  | { op: "tags" }
  | { op: "remove"; id: string }
  | { op: "restore"; id: string }
  /** The trash: removed notes, restorable until purged. */
  | { op: "trash" }
  /** Delete a removed note for good. */
  | { op: "purge"; id: string }
  | { op: "reattach"; id: string; draft: NoteDraft }
  /** The draft waiting for the sidebar of the sender's tab, taken once. */
  | { op: "take-draft" }
  /**
   * W3C (the default): one AnnotationCollection as JSON text. Markdown: a list of { name, text } files, one per
   * article ("article") or one for all ("all", the default).
   */
  | { op: "export"; articleId?: string; format?: "w3c" | "markdown"; split?: "article" | "all" }
  /** `upload`: the text was sent before in parts (`upload`), too large for one message. */
  | { op: "import"; text: string; upload?: string }
  /**
   * Transport of values too large for one message (shared/messaging.ts does it for every caller): a part of an
   * upload (`index` of `count`), and a part of a reply the background kept (`PartedReply`).
   */
  | { op: "upload"; id: string; index: number; count: number; text: string }
  | { op: "part"; id: string; index: number };

export interface SampleParams {
  shingleSize: number;
  pageMod: number;
}
export interface PageSample extends SampleParams {
  hashes: number[];
}

/** Where one of the reader's notes is and how to paint it: id, selector, colour; never its text or tags. */
export interface NoteAnchor {
  id: string;
  target: TextTarget;
  colour: NoteColour;
}

/** Extension pages and the background → content script. */
export type ContentRequest =
  | { type: "status" }
  /** Scroll to a highlight, flash it and open its card (the sidebar's keyboard path to every overlay). */
  | { type: "reveal"; targetId: string }
  /** Open, close or (no `open`) toggle the sidebar; `view: "notes"` opens it on the notes (a new draft). */
  | { type: "sidebar"; open?: boolean; view?: "notes" }
  /** The notes of an article changed: repaint them. */
  | { type: "notes-changed"; articleId: string }
  /** Scroll to a note's passage and flash it. */
  | { type: "reveal-note"; id: string }
  /** The reader's current selection in the page, as a draft (for writing or re-attaching a note). */
  | { type: "selection" };

/** Settings in storage.local: a global default and per-site overrides, keyed by hostname without "www.". */
export interface Settings {
  defaults: Visibility;
  sites: Record<string, Visibility>;
}
