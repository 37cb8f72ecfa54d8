// The store under pressure: the per-article limit (written, imported, restored), edits that cross in two
// sidebars, the trash, a failed or blocked open, and the one limits table the messages share.
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, test } from "vitest";
import { LIMITS } from "../../src/model/limits";
import { isBackgroundRequest as isRequest } from "../../src/model/message-checks";
import type { Note } from "../../src/model/notes";
import { NotesError, openNotes } from "../../src/notes/index";
import { noteProblem } from "../../src/notes/validate";
import { ARTICLE, clock, freshStore, newNote, PAGE, passage } from "./helpers";

async function errorOf(p: Promise<unknown>): Promise<NotesError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof NotesError)) throw new Error(`expected a NotesError, got ${String(e)}`);
  return e;
}

const stored = (i: number, articleId = ARTICLE): Note => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  articleId,
  url: PAGE,
  target: passage(`passage ${i}`, i * 20),
  body: `note ${i}`,
  created: "2024-03-01T10:00:00.000Z",
  modified: "2024-03-01T10:00:00.000Z",
});
const many = (n: number, from = 0, articleId = ARTICLE) =>
  Array.from({ length: n }, (_, i) => stored(from + i, articleId));

describe("notes per article", () => {
  test("a new note past the limit is refused with the reason; other articles are not affected", async () => {
    const { store } = await freshStore();
    await store.importMany(many(LIMITS.notesPerArticle));
    const e = await errorOf(store.add(newNote()));
    expect(e.code).toBe("limit");
    expect(e.message).toMatch(/already has 2,000 notes, the most one article can keep/);
    await expect(store.add(newNote({ articleId: "wt-libya-2011-04" }))).resolves.toBeDefined();
  });

  test("an import that would pass the limit imports nothing and says which article", async () => {
    const { store } = await freshStore();
    await store.importMany(many(10));
    const e = await errorOf(store.importMany(many(LIMITS.notesPerArticle, 100)));
    expect(e.code).toBe("limit");
    expect(e.message).toMatch(/2,000 notes on the article nyt-libya-2011-07; with the 10 already kept/);
    expect(e.message).toMatch(/Nothing was imported/);
    expect(await store.listAll()).toHaveLength(10);
  });

  test("notes in the trash do not count, and a restore past the limit is refused", async () => {
    const { store } = await freshStore();
    await store.importMany(many(LIMITS.notesPerArticle));
    const first = stored(0);
    await store.remove(first.id);
    const written = await store.add(newNote());
    const e = await errorOf(store.restore(first.id));
    expect(e.code).toBe("limit");
    await store.remove(written.id);
    await expect(store.restore(first.id)).resolves.not.toHaveProperty("deleted");
  });
});

describe("two editors on one note", () => {
  test("an edit from a stale version is refused with the stored note; the reader's text is not lost", async () => {
    const { store } = await freshStore(clock());
    const note = await store.add(newNote({ body: "first" }));
    const there = await store.update(note.id, { body: "edited in the notes page", base: note.modified });
    const e = await errorOf(store.update(note.id, { body: "edited in the sidebar", base: note.modified }));
    expect(e.code).toBe("conflict");
    expect(e.current).toEqual(there);
    expect((await store.get(note.id))?.body).toBe("edited in the notes page");
    // Keeping both: the reader's version as a new note on the same passage; keeping theirs, nothing written.
    const mine = await store.add({ ...newNote({ body: "edited in the sidebar" }), target: note.target });
    expect((await store.listByArticle(ARTICLE)).map((n) => n.body).sort()).toEqual([
      "edited in the notes page",
      "edited in the sidebar",
    ]);
    // Keeping mine: an update from the version now stored.
    await expect(store.update(note.id, { body: mine.body, base: there.modified })).resolves.toMatchObject({
      body: "edited in the sidebar",
    });
  });
});

describe("the trash", () => {
  test("lists removed notes, most recently removed first; purge deletes one for good, only from the trash", async () => {
    const { store } = await freshStore(clock());
    const a = await store.add(newNote({ body: "a" }));
    const b = await store.add(newNote({ body: "b" }));
    const c = await store.add(newNote({ body: "c" }));
    await store.remove(a.id);
    await store.remove(b.id);
    expect((await store.listDeleted()).map((n) => n.body)).toEqual(["b", "a"]);
    expect((await errorOf(store.purge(c.id))).code).toBe("invalid");
    await store.purge(a.id);
    expect(await store.get(a.id)).toBeUndefined();
    expect((await store.listDeleted()).map((n) => n.body)).toEqual(["b"]);
    expect((await errorOf(store.purge(a.id))).code).toBe("not-found");
  });

  test("keeps removed notes for the limits table's 30 days", async () => {
    expect(LIMITS.trashDays).toBe(30);
  });
});

describe("opening", () => {
  test("an upgrade blocked by an old connection that never lets go fails with a clear message", async () => {
    const factory = new IDBFactory();
    // A page of an older version: version 1, and no versionchange handler.
    await new Promise<void>((resolve, reject) => {
      const r = factory.open("blocked-test", 1);
      r.onupgradeneeded = () => r.result.createObjectStore("notes", { keyPath: "id" });
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
    });
    const e = await errorOf(openNotes({ factory, name: "blocked-test", blockedMs: 50 }));
    expect(e.code).toBe("blocked");
    expect(e.message).toMatch(/keeps your notes open/);
  });
});

describe("one limits table for notes and messages", () => {
  const op = (o: unknown) => ({ type: "notes", op: o });
  test("an id the validation accepts is one every message accepts, and the next length neither", () => {
    const url = (n: number) => `https://example.org/${"a".repeat(n - 20)}`;
    const ok = url(LIMITS.id);
    expect(ok).toHaveLength(LIMITS.id);
    expect(noteProblem({ ...stored(1), id: ok })).toBeNull();
    for (const m of ["update", "remove", "restore", "purge"])
      expect(isRequest(op({ op: m, id: ok, body: "x" })), m).toBe(true);
    expect(noteProblem({ ...stored(1), id: url(LIMITS.id + 1) })).toMatch(/id/i);
    expect(isRequest(op({ op: "remove", id: url(LIMITS.id + 1) }))).toBe(false);
  });
});
