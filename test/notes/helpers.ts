// Shared by the notes tests: an isolated fake IndexedDB per test, sample notes, a clock, a raw dump.
import "fake-indexeddb/auto"; // IDB globals (IDBKeyRange, the classes idb's wrap recognises)
import { IDBFactory } from "fake-indexeddb";
import { wrap } from "idb";
import type { TextTarget } from "../../src/model/dataset";
import type { NewNote } from "../../src/model/notes";
import { type NotesStore, openNotes } from "../../src/notes/index";
import { type SearchHit, type SearchOptions, searchNotes } from "../../src/notes/search";

export const ARTICLE = "nyt-libya-2011-07";
export const PAGE = "https://www.nytimes.com/2011/07/29/world/africa/29libya.html";

export const passage = (exact: string, start: number, prefix = "", suffix = ""): TextTarget => ({
  exact,
  prefix,
  suffix,
  start,
  end: start + exact.length,
});

export const newNote = (over: Partial<NewNote> = {}): NewNote => ({
  articleId: ARTICLE,
  url: PAGE,
  target: passage("said Mustafa Abdul-Jalil", 95, "the council, ", ", its chairman"),
  body: "Named source.",
  ...over,
});

/** A clock that advances one second per reading, from `start`. */
export function clock(start = "2024-03-01T10:00:00.000Z"): () => Date {
  let t = Date.parse(start);
  return () => {
    t += 1000;
    return new Date(t);
  };
}

export interface Fresh {
  store: NotesStore;
  factory: IDBFactory;
  name: string;
}

/** A store on its own fake IndexedDB. */
export async function freshStore(now?: () => Date): Promise<Fresh> {
  const factory = new IDBFactory();
  const name = "notes-test";
  const store = await openNotes({ factory, name, ...(now ? { now } : {}) });
  return { store, factory, name };
}

/** Every record in the database as stored, removed notes included, in key order. */
export async function dump(factory: IDBFactory, name: string): Promise<unknown[]> {
  const db = await wrap(factory.open(name));
  if (!db) throw new Error("no database");
  try {
    return await db.getAll("notes");
  } finally {
    db.close();
  }
}

/** A search over the stored notes, as the notes page runs it: on every note not removed (listAll). */
export const searchStored = async (
  store: NotesStore,
  query: string,
  opts?: SearchOptions,
): Promise<SearchHit[]> => searchNotes(await store.listAll(), query, opts);
