// The one table of limits on what the reader's notes and the messages that carry them may hold. Validation of a
// note (written or imported) and the shape checks of every message read these numbers, so a note that imports
// can always be edited, deleted and re-attached. Imports nothing.
export const LIMITS = {
  /** Characters in a note's body. */
  body: 100_000,
  /** Characters in the selected passage. */
  exact: 10_000,
  /** Characters of context before or after the passage that a note or a message may hold. */
  context: 1_000,
  /** Characters of context a new selector keeps on each side (the reader's selections, like the dataset's). */
  contextKept: 32,
  /** An article id's characters (the pattern: ARTICLE_ID). */
  articleId: 100,
  url: 8_192,
  /** A note's id: ours are UUIDs; an imported one may be another service's URL. */
  id: 300,
  /** The highlight a note was written from (an attribution or cross-reference id), and any highlight's id. */
  attachedTo: 200,
  /** Characters in one tag, and tags on one note. */
  tag: 64,
  tagsPerNote: 32,
  /** Notes kept on one article: anchoring all of them runs on every load of its page. */
  notesPerArticle: 2_000,
  /**
   * An import file: its size in bytes, its annotations, and its text as one message carries it (characters); a
   * larger text travels in parts of `messagePart` characters (the 50,000 notes of `importItems` make about 40 MB).
   */
  importBytes: 64 * 1024 * 1024,
  importItems: 50_000,
  importText: 25 * 1024 * 1024,
  /**
   * Characters of a large value (an export, an import's text) in one message: Chromium refuses a message over
   * 64 MiB of JSON, and a character may take six there (\uXXXX).
   */
  messagePart: 8 * 1024 * 1024,
  /** Notes in one page of the `page` operation. */
  notesPage: 5_000,
  /** Removed notes stay this long in the trash, then go for good. */
  trashDays: 30,
} as const;

/** An article id: lowercase letters, digits and dashes, not starting with a dash, at most LIMITS.articleId (100;
 *  test/model/limits.test.ts holds the two together). A literal, not built from LIMITS: a bundle that never tests an
 *  id (status.js) then leaves it and LIMITS out. */
export const ARTICLE_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
