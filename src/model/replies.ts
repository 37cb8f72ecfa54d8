// The reply to every request of protocol.ts, by request type: callers never choose a reply type, and the handlers
// are checked against these maps (a handler returning anything else does not compile).
import type { ImportReport, MarkdownFile, Note, NotesPage, TagCount } from "./notes";
import type {
  ArticlePayload,
  BackgroundRequest,
  ContentRequest,
  NoteAnchor,
  NoteDraft,
  NotesOp,
  SampleParams,
  Settings,
  SidebarIntent,
  Status,
} from "./protocol";
import type { CardView, SidebarView } from "./views";

/** Everything the article part needs to paint, sent with the recognition: no second round trip. */
export interface RecognisedArticle {
  payload: ArticlePayload;
  notes: NoteAnchor[];
  settings?: Settings;
}

export type RecogniseReply =
  /** No URL rule matched and the page's address says it cannot be the article: do not read its text. */
  | { articleId: null; skipText: true }
  /** Not a known article by its address (`sampleParams`: send a text sample taken with these to know more). */
  | { articleId: null; score: number; sampleParams?: SampleParams }
  | { articleId: string; matchedBy: "url" | "fingerprint"; score: number; start: RecognisedArticle };

/** The background's answer to a sidebar's hello: whether it is our frame, its tab, and what to show first. */
export type SidebarHello = { ok: false } | { ok: true; intent?: SidebarIntent };

/** Every notes operation answers with a result, never a thrown error (errors do not cross messaging well). */
export type NotesResult<T> =
  | { ok: true; value: T }
  /** `current`: for a "conflict", the note as stored now. */
  | { ok: false; code: string; message: string; current?: Note };

/**
 * A reply too large for one message: the background keeps its text (JSON when `json`) and hands it out in `count`
 * parts (`part` operations); shared/messaging.ts joins them into the NotesResult the caller asked for.
 */
export interface PartedReply {
  ok: true;
  parted: { id: string; count: number; json: boolean };
}

/** The value of a successful notes operation, by `op`. */
export interface NotesValues {
  list: Note[];
  all: Note[];
  page: NotesPage;
  add: Note;
  update: Note;
  tags: TagCount[];
  remove: Note;
  restore: Note;
  trash: Note[];
  purge: undefined;
  reattach: Note;
  "take-draft": NoteDraft | null;
  /** W3C: the collection as JSON text; Markdown: the files (see NotesValue). */
  export: string | MarkdownFile[];
  import: ImportReport;
  upload: undefined;
  part: string;
}

/** The value of one notes operation: an export's depends on its format. */
export type NotesValue<O extends NotesOp> = O extends { op: "export"; format: "markdown" }
  ? MarkdownFile[]
  : O extends { op: "export" }
    ? string
    : NotesValues[O["op"]];

/** The content script's reply to each request (undefined: it answers nothing, the request is an order). */
export interface ContentReplies {
  status: Status;
  reveal: undefined;
  sidebar: undefined;
  "notes-changed": undefined;
  "reveal-note": undefined;
  selection: NoteDraft | null;
}

export type ContentReply<R extends ContentRequest> = ContentReplies[R["type"]];

/** The background's reply to each request; `relay` and `notes` are made exact per request by BackgroundReply. */
export interface BackgroundReplies {
  /** Null when the recognised article's data file cannot be read. */
  recognise: RecogniseReply | null;
  card: CardView | null;
  "sidebar-view": SidebarView | null;
  /** Whether page-ui.js was injected (false: not from a content script, or the browser refused). */
  "page-ui": boolean;
  /** The content script's reply; null when the sender may not relay or the tab did not answer. */
  relay: ContentReply<ContentRequest> | null;
  "note-anchors": NoteAnchor[];
  /** Null when the sender is not a content script in a tab. */
  "sidebar-open": true | null;
  "sidebar-hello": SidebarHello;
  "note-draft": null;
  notes: NotesResult<NotesValues[keyof NotesValues]> | PartedReply;
}

export type BackgroundReply<R extends BackgroundRequest> = R extends {
  type: "notes";
  op: infer O extends NotesOp;
}
  ? NotesResult<NotesValue<O>>
  : R extends { type: "relay"; message: infer M extends ContentRequest }
    ? ContentReply<M> | null
    : BackgroundReplies[R["type"]];
