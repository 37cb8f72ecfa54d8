// One typed protocol for every message between contexts. Each handler checks the sender and the shape.
import type { PreparedQuote } from "./anchoring/text";
import type { TextTarget } from "./dataset/types";
import { DEFAULT_NOTE_COLOUR, isNoteColour, NOTE_COLOURS, type NoteColour } from "./model/colours";
import { LIMITS } from "./model/limits";
import type { Note } from "./notes/types";

export type HighlightKind = "named" | "anonymous" | "secondhand" | "crossref" | "note";
export const HIGHLIGHT_KINDS: HighlightKind[] = ["named", "anonymous", "secondhand", "crossref", "note"];

/** What the content script needs to paint one article: its targets, nothing else. */
export interface ArticlePayload {
  article: { id: string; publisher: string; headline?: string; published?: string; referenceDate?: string };
  targets: { id: string; kind: HighlightKind; target: TextTarget; prepared?: PreparedQuote }[];
  counts: { attributions: number; crossrefs: number };
}

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
    recognisedMs?: number;
    loadedMs?: number;
    paintedMs?: number;
    /** When the reader's notes arrived from the background. */
    notesLoadedMs?: number;
    notesPaintedMs?: number;
    anchorMs?: number;
    toggleMs?: number;
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

/** The background's answer to a sidebar's hello: whether it is our frame, its tab, and what to show first. */
export type SidebarHello = { ok: false } | { ok: true; intent?: SidebarIntent };

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
  | { op: "import"; text: string };

/** Every notes operation answers with a result, never a thrown error (errors do not cross messaging well). */
export type NotesResult<T> =
  | { ok: true; value: T }
  /** `current`: for a "conflict", the note as stored now. */
  | { ok: false; code: string; message: string; current?: Note };

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

/** Everything the article part needs to paint, sent with the recognition: no second round trip. */
export interface ArticleStart {
  payload: ArticlePayload;
  notes: NoteAnchor[];
  settings?: Settings;
}

export type RecogniseReply =
  /** No URL rule matched and the page's address says it cannot be the article: do not read its text. */
  | { articleId: null; skipText: true }
  /** Not a known article by its address (`sampleParams`: send a text sample taken with these to know more). */
  | { articleId: null; score: number; sampleParams?: SampleParams }
  | { articleId: string; matchedBy: "url" | "fingerprint"; score: number; start: ArticleStart };

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

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isSample = (v: unknown): v is PageSample =>
  isObj(v) &&
  Number.isInteger(v.shingleSize) &&
  Number.isInteger(v.pageMod) &&
  Array.isArray(v.hashes) &&
  v.hashes.length <= 200_000 &&
  v.hashes.every((n) => Number.isInteger(n) && n >= 0);

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  if (!isObj(m)) return false;
  switch (m.type) {
    case "recognise":
      return (
        typeof m.url === "string" &&
        m.url.length < LIMITS.url &&
        (m.sample === undefined || isSample(m.sample)) &&
        (m.asked === undefined || typeof m.asked === "boolean")
      );
    case "card":
      return isArticleId(m.articleId) && isTargetId(m.targetId);
    case "sidebar-view":
      return isArticleId(m.articleId);
    case "relay":
      return isContentRequest(m.message);
    case "note-anchors":
      return isArticleId(m.articleId);
    case "note-draft":
      return isDraft(m.draft);
    case "sidebar-open":
      return isNonce(m.nonce) && (m.intent === undefined || isIntent(m.intent));
    case "sidebar-hello":
      return isNonce(m.nonce);
    case "notes":
      return isNotesOp(m.op);
    default:
      return false;
  }
}

const isNonce = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v);
const isIntent = (v: unknown): v is SidebarIntent =>
  isObj(v) &&
  (v.draft === true || (typeof v.note === "string" && v.note.length > 0 && v.note.length <= LIMITS.id));

const isArticleId = (v: unknown): v is string => typeof v === "string" && /^[a-z0-9-]{1,100}$/.test(v);
const isTargetId = (v: unknown): v is string => typeof v === "string" && /^[a-z0-9/#@-]{1,160}$/.test(v);

const isStr = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;
const isId = (v: unknown): v is string => isStr(v, LIMITS.id) && v.length > 0;

function isTarget(t: unknown): t is TextTarget {
  return (
    isObj(t) &&
    isStr(t.exact, LIMITS.exact) &&
    t.exact.length > 0 &&
    isStr(t.prefix, LIMITS.context) &&
    isStr(t.suffix, LIMITS.context) &&
    Number.isInteger(t.start) &&
    Number.isInteger(t.end) &&
    (t.start as number) >= 0 &&
    (t.end as number) >= (t.start as number)
  );
}

function isDraft(d: unknown): d is NoteDraft {
  return (
    isObj(d) &&
    isArticleId(d.articleId) &&
    isStr(d.url, LIMITS.url) &&
    isTarget(d.target) &&
    (d.attachedTo === undefined || isTargetId(d.attachedTo))
  );
}

const isTags = (v: unknown): v is string[] =>
  v === undefined ||
  (Array.isArray(v) && v.length <= LIMITS.tagsPerNote && v.every((t) => isStr(t, LIMITS.tag)));
const isColour = (v: unknown) => v === undefined || isNoteColour(v);

function isNotesOp(o: unknown): o is NotesOp {
  if (!isObj(o)) return false;
  switch (o.op) {
    case "list":
      return isArticleId(o.articleId);
    case "all":
    case "take-draft":
    case "trash":
    case "tags":
      return true;
    case "add":
      return isDraft(o.draft) && isStr(o.body, LIMITS.body) && isTags(o.tags) && isColour(o.colour);
    case "update":
      return (
        isId(o.id) &&
        isStr(o.body, LIMITS.body) &&
        (o.base === undefined || isStr(o.base, 40)) &&
        isTags(o.tags) &&
        isColour(o.colour)
      );
    case "remove":
    case "restore":
    case "purge":
      return isId(o.id);
    case "reattach":
      return isId(o.id) && isDraft(o.draft);
    case "export":
      return (
        (o.articleId === undefined || isArticleId(o.articleId)) &&
        (o.format === undefined || o.format === "w3c" || o.format === "markdown") &&
        (o.split === undefined || o.split === "article" || o.split === "all")
      );
    case "import":
      return isStr(o.text, LIMITS.importText);
    default:
      return false;
  }
}

export function isContentRequest(m: unknown): m is ContentRequest {
  if (!isObj(m)) return false;
  switch (m.type) {
    case "status":
      return true;
    case "reveal":
      return isTargetId(m.targetId);
    case "sidebar":
      return (
        (m.open === undefined || typeof m.open === "boolean") && (m.view === undefined || m.view === "notes")
      );
    case "notes-changed":
      return isArticleId(m.articleId);
    case "reveal-note":
      return isId(m.id);
    case "selection":
      return true;
    default:
      return false;
  }
}

/** Settings in storage.local: a global default and per-site overrides, keyed by hostname without "www.". */
export interface Settings {
  defaults: Visibility;
  sites: Record<string, Visibility>;
}

export const DEFAULT_VISIBILITY: Visibility = {
  all: true,
  kinds: { named: true, anonymous: true, secondhand: true, crossref: true, note: true },
};

export function siteKey(hostname: string): string {
  const h = hostname.toLowerCase().replace(/^(?:www|m|mobile|amp)\./, "");
  return h;
}

export function visibilityFor(settings: Partial<Settings> | undefined, hostname: string): Visibility {
  const v = settings?.sites?.[siteKey(hostname)] ?? settings?.defaults ?? DEFAULT_VISIBILITY;
  // Kinds (and note colours) added since the settings were saved are shown.
  return {
    all: v.all,
    kinds: { ...DEFAULT_VISIBILITY.kinds, ...v.kinds },
    ...(v.noteColours ? { noteColours: { ...v.noteColours } } : {}),
  };
}

/**
 * Whether notes of `colour` (absent: the default colour) are painted: all highlights on, the notes on, and that
 * colour not switched off.
 */
export function noteColourVisible(v: Visibility, colour: NoteColour | undefined): boolean {
  return v.all && v.kinds.note && v.noteColours?.[colour ?? DEFAULT_NOTE_COLOUR] !== false;
}

export { NOTE_COLOURS, type NoteColour };
