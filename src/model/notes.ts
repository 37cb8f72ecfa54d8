// The reader's notes: the record kept in IndexedDB, what the UI passes in, the codes of the store's errors.
import type { NoteColour } from "./colours";
import type { TextTarget } from "./dataset";

/** A note on a passage of a known article, as stored (current schema: src/notes/migrations.ts). */
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

/** One page of the notes (the `page` operation; the notes page reads the store this way). */
export interface NotesPage {
  notes: Note[];
  /** Where the next page starts (an offset, or the last id read: see NotesStore.listPage); null after the last. */
  next: number | string | null;
  /** Notes kept (not in the trash) in all. */
  total: number;
}

export interface ImportResult {
  added: number;
  skippedDuplicates: number;
}

/** Tags in use, with how many notes (not removed) carry each. */
export interface TagCount {
  tag: string;
  count: number;
}

export interface MarkdownFile {
  name: string;
  text: string;
}

/** An item that was not imported (index in the file's list of annotations), or the whole file (null). */
export interface Rejection {
  index: number | null;
  reason: string;
}

export interface ParsedImport {
  notes: Note[];
  rejected: Rejection[];
  /** Which kind of file it was, when it was read as one of the others than Web Annotations. */
  format?: "hypothesis";
}

export interface ImportReport extends ImportResult {
  rejected: Rejection[];
  format?: "hypothesis";
}
