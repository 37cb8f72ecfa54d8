// The notes database: its current shape, and the ordered migrations that build it from any earlier version.
// MIGRATIONS[v] takes a database at version v to version v + 1, inside the upgrade transaction; a database at
// version 0 (new) runs them all. Never edit a released migration: add the next one.
//
//   v1  store "notes" (key "id"), indexes "articleId" and "modified". Records: NoteV1 (quote, position, text).
//   v2  records become Note (target with the quote's context, body), removal becomes a soft delete;
//       indexes "reading" ([articleId, target.start]: an article's notes in reading order) and "deleted".
//   v3  notes may carry tags and a colour (absent on older records: no tags, the default colour, so no record
//       changes); index "tags" (multiEntry: a note under each of its tags).
import type { DBSchema, IDBPDatabase, IDBPTransaction } from "idb";
import type { Note } from "../model/notes";

export const STORE = "notes";

/** The current schema, for typed access. */
export interface NotesDB extends DBSchema {
  notes: {
    key: string;
    value: Note;
    indexes: {
      articleId: string;
      modified: string;
      reading: [string, number];
      deleted: string;
      tags: string;
    };
  };
}

/** A note as version 1 stored it: the quote without context, its offsets, the text; removal deleted it. */
export interface NoteV1 {
  id: string;
  articleId: string;
  url: string;
  quote: string;
  position: { start: number; end: number };
  text: string;
  created: string;
  modified: string;
  attachedTo?: string;
}

export type VersionChangeTx = IDBPTransaction<unknown, string[], "versionchange">;
type Migration = (db: IDBPDatabase<unknown>, tx: VersionChangeTx) => Promise<void> | void;

/** A v1 record in the v2 shape. Context was not recorded, so prefix and suffix are empty. */
export function fromV1(r: NoteV1): Note {
  const { quote, position, text, ...rest } = r;
  return {
    ...rest,
    target: { exact: quote, prefix: "", suffix: "", start: position.start, end: position.end },
    body: text,
  };
}

export const MIGRATIONS: readonly Migration[] = [
  // v0 → v1
  (db) => {
    const notes = db.createObjectStore(STORE, { keyPath: "id" });
    notes.createIndex("articleId", "articleId");
    notes.createIndex("modified", "modified");
  },
  // v1 → v2
  async (_db, tx) => {
    const notes = tx.objectStore(STORE);
    for (let c = await notes.openCursor(); c; c = await c.continue()) await c.update(fromV1(c.value));
    notes.createIndex("reading", ["articleId", "target.start"]);
    notes.createIndex("deleted", "deleted");
  },
  // v2 → v3
  (_db, tx) => {
    tx.objectStore(STORE).createIndex("tags", "tags", { multiEntry: true });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs the migrations from `oldVersion` up to DB_VERSION, in order. */
export async function migrate(
  db: IDBPDatabase<unknown>,
  oldVersion: number,
  tx: VersionChangeTx,
): Promise<void> {
  for (const step of MIGRATIONS.slice(oldVersion)) await step(db, tx);
}
