// The reader's notes: the record kept in IndexedDB, what the UI passes in, and the one error type.
import type { TextTarget } from "../dataset/types";
import type { NoteColour } from "../model/colours";

/** A note on a passage of a known article, as stored (current schema, see schema.ts). */
export interface Note {
  /** A UUID for notes written here; an imported annotation may keep its own absolute URI. */
  id: string;
  /** Dataset article id: the note shows on every copy of the article (print view, archive …). */
  articleId: string;
  /** The page the note was written on. */
  url: string;
  /** The passage: a W3C TextQuoteSelector and TextPositionSelector into the article's cleaned text. */
  target: TextTarget;
  /** Plain text, line breaks kept. */
  body: string;
  /** ISO 8601 (Date.toISOString) timestamps. */
  created: string;
  modified: string;
  /** The attribution or cross-reference whose card the note was written from. */
  attachedTo?: string;
  /** The reader's tags, trimmed, unique regardless of case, in the order given; absent when there are none. */
  tags?: string[];
  /** The note's colour (src/model/colours.ts); absent: DEFAULT_NOTE_COLOUR (notes written before colours). */
  colour?: NoteColour;
  /** When the note was removed (ISO); it stays until purged, so the removal can be undone. */
  deleted?: string;
}

/** What the UI provides to write a note; the store adds id and timestamps. */
export type NewNote = Pick<Note, "articleId" | "url" | "target" | "body" | "attachedTo" | "tags" | "colour">;

export type NotesErrorCode =
  /** The input breaks a rule (empty body, text too long …); the message says which. */
  | "invalid"
  /** No note with that id (or it was removed). */
  | "not-found"
  /** The browser refused to store more data. */
  | "quota"
  /** More notes on one article than the limits table allows. */
  | "limit"
  /** The note was changed elsewhere (another sidebar, the notes page) since this edit began. */
  | "conflict"
  /** An open page of an older version holds the database and does not let go. */
  | "blocked"
  /** close() was called on this store. */
  | "closed"
  /** A newer version of the extension upgraded the database; this page must be reloaded. */
  | "outdated"
  /** Anything else IndexedDB reported. */
  | "failed";

/** Every failure of the notes store; `message` is written for the reader. */
export class NotesError extends Error {
  override name = "NotesError";
  constructor(
    readonly code: NotesErrorCode,
    message: string,
    options?: { cause?: unknown; current?: Note },
  ) {
    super(message, options);
    this.current = options?.current;
  }
  /** For "conflict": the note as it is stored now, so the reader can keep both versions. */
  readonly current: Note | undefined;
}
