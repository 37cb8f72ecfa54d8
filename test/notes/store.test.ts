import { afterEach, describe, expect, test, vi } from "vitest";
import type { Note } from "../../src/model/notes";
import { DB_VERSION, NotesError, openNotes } from "../../src/notes/index";
import { ARTICLE, clock, dump, freshStore, newNote, PAGE, passage } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The NotesError code a promise rejects with. */
async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof NotesError)) throw new Error(`expected a NotesError, got ${String(e)}`);
  return e.code;
}

describe("add, get, update", () => {
  test("add stores a complete note and returns it", async () => {
    const { store } = await freshStore(clock());
    const note = await store.add(newNote({ body: "Line one\nLine two", attachedTo: "nyt-libya-2011-07-a3" }));
    expect(note).toEqual({
      id: expect.stringMatching(UUID),
      articleId: ARTICLE,
      url: PAGE,
      target: passage("said Mustafa Abdul-Jalil", 95, "the council, ", ", its chairman"),
      body: "Line one\nLine two",
      created: "2024-03-01T10:00:01.000Z",
      modified: "2024-03-01T10:00:01.000Z",
      attachedTo: "nyt-libya-2011-07-a3",
    });
    expect(await store.get(note.id)).toEqual(note);
    expect(await store.get("no-such-id")).toBeUndefined();
  });

  test("add keeps only the known fields of the input", async () => {
    const { store } = await freshStore();
    const input = { ...newNote(), extra: "x", target: { ...newNote().target, extra: 1 } };
    const note = await store.add(input);
    expect(Object.keys(note).sort()).toEqual([
      "articleId",
      "body",
      "created",
      "id",
      "modified",
      "target",
      "url",
    ]);
    expect(Object.keys(note.target).sort()).toEqual(["end", "exact", "prefix", "start", "suffix"]);
  });

  test.each([
    ["blank body", { body: " \n\t " }, /The note is empty/],
    [
      "body too long",
      { body: "x".repeat(100_001) },
      /The note is too long: 100,001 characters \(at most 100,000\)/,
    ],
    ["empty passage", { target: passage("", 3) }, /selected text is empty/],
    ["passage too long", { target: passage("y".repeat(10_001), 0) }, /selected text is too long/],
    [
      "start after end",
      { target: { ...passage("abc", 10), end: 5 } },
      /start \(10\) must come before its end \(5\)/,
    ],
    ["negative start", { target: passage("abc", -1) }, /whole numbers from 0/],
    ["bad article id", { articleId: "Not An Id!" }, /article id is not valid/],
    ["javascript: URL", { url: "javascript:alert(1)" }, /http or https/],
    ["control character", { body: "bell\u0007" }, /control characters/],
    ["lone surrogate", { body: "broken \ud800 text" }, /lone surrogate/],
    ["blank card id", { attachedTo: "" }, /card id is empty/],
  ])("add rejects a %s with code invalid", async (_name, over, message) => {
    const { store, factory, name } = await freshStore();
    const e = await store.add(newNote(over)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NotesError);
    expect(e).toMatchObject({ code: "invalid", message: expect.stringMatching(message) });
    expect(await dump(factory, name)).toEqual([]);
  });

  test("a body of exactly 100,000 characters and a passage of 10,000 are accepted", async () => {
    const { store } = await freshStore();
    await expect(
      store.add(newNote({ body: "b".repeat(100_000), target: passage("e".repeat(10_000), 0) })),
    ).resolves.toBeTruthy();
  });

  test("update replaces the body and sets modified, keeping created", async () => {
    const { store } = await freshStore(clock());
    const note = await store.add(newNote());
    const updated = await store.update(note.id, { body: "Second thoughts." });
    expect(updated).toEqual({ ...note, body: "Second thoughts.", modified: "2024-03-01T10:00:02.000Z" });
    expect(await store.get(note.id)).toEqual(updated);
  });

  test("update validates the body and knows missing and removed notes", async () => {
    const { store } = await freshStore();
    const note = await store.add(newNote());
    expect(await codeOf(store.update(note.id, { body: "" }))).toBe("invalid");
    expect(await codeOf(store.update("missing", { body: "x" }))).toBe("not-found");
    await store.remove(note.id);
    expect(await codeOf(store.update(note.id, { body: "x" }))).toBe("not-found");
    expect((await store.get(note.id))?.body).toBe("Named source.");
  });
});

describe("retarget", () => {
  test("moves a note to another passage and page, setting modified", async () => {
    const { store } = await freshStore(clock());
    const note = await store.add(newNote());
    const print = `${PAGE}?pagewanted=print`;
    const moved = await store.retarget(note.id, passage("Abdul-Jalil", 108, "said Mustafa ", ","), print);
    expect(moved).toEqual({
      ...note,
      url: print,
      target: passage("Abdul-Jalil", 108, "said Mustafa ", ","),
      modified: "2024-03-01T10:00:02.000Z",
    });
    expect(await store.get(note.id)).toEqual(moved);
    expect(await codeOf(store.retarget(note.id, passage("", 3), print))).toBe("invalid");
    expect(await codeOf(store.retarget(note.id, passage("x", 3), "ftp://x"))).toBe("invalid");
    expect(await codeOf(store.retarget("missing", passage("x", 3), print))).toBe("not-found");
    await store.remove(note.id);
    expect(await codeOf(store.retarget(note.id, passage("x", 3), print))).toBe("not-found");
  });
});

describe("remove, restore, purge", () => {
  test("remove is a soft delete that restore undoes", async () => {
    const { store } = await freshStore(clock());
    const note = await store.add(newNote());
    const removed = await store.remove(note.id);
    expect(removed).toEqual({ ...note, deleted: "2024-03-01T10:00:02.000Z" });
    expect(await store.listAll()).toEqual([]);
    expect(await store.listByArticle(ARTICLE)).toEqual([]);
    expect(await store.get(note.id)).toEqual(removed);
    expect(await store.remove(note.id)).toEqual(removed); // removing again keeps the first time
    expect(await store.restore(note.id)).toEqual(note);
    expect(await store.listAll()).toEqual([note]);
    expect(await store.restore(note.id)).toEqual(note);
    expect(await codeOf(store.remove("missing"))).toBe("not-found");
    expect(await codeOf(store.restore("missing"))).toBe("not-found");
  });

  test("purgeDeleted deletes only notes removed longer ago than the given age", async () => {
    let now = Date.parse("2024-03-01T00:00:00.000Z");
    const { store, factory, name } = await freshStore(() => new Date(now));
    const [old, recent, kept] = await Promise.all([
      store.add(newNote()),
      store.add(newNote()),
      store.add(newNote()),
    ]);
    if (!old || !recent || !kept) throw new Error("setup");
    await store.remove(old.id);
    now += 10 * 60_000;
    await store.remove(recent.id);
    now += 60_000;
    expect(await store.purgeDeleted(5 * 60_000)).toBe(1);
    expect(await store.get(old.id)).toBeUndefined();
    expect((await store.get(recent.id))?.deleted).toBeTruthy();
    expect(await dump(factory, name)).toHaveLength(2);
    expect(await store.purgeDeleted(0)).toBe(1);
    expect(await store.listAll()).toEqual([kept]);
    expect(await codeOf(store.purgeDeleted(-1))).toBe("invalid");
  });
});

describe("lists", () => {
  test("listByArticle gives one article's notes in reading order, not removed ones", async () => {
    const { store } = await freshStore(clock());
    const at = (start: number, articleId = ARTICLE) =>
      store.add(newNote({ articleId, target: passage("passage", start), body: `at ${start}` }));
    const late = await at(900);
    const early = await at(12);
    await at(5, "csm-libya-2011-08");
    const middle = await at(300);
    const gone = await at(450);
    await store.remove(gone.id);
    expect((await store.listByArticle(ARTICLE)).map((n) => n.id)).toEqual([early.id, middle.id, late.id]);
    expect(await store.listByArticle("unknown-article")).toEqual([]);
  });

  test("listAll gives every note not removed, most recently modified first", async () => {
    const { store } = await freshStore(clock());
    const a = await store.add(newNote({ body: "a" }));
    const b = await store.add(newNote({ body: "b", articleId: "csm-libya-2011-08" }));
    const c = await store.add(newNote({ body: "c" }));
    await store.update(a.id, { body: "a, edited" });
    await store.remove(c.id);
    expect((await store.listAll()).map((n) => n.body)).toEqual(["a, edited", b.body]);
  });
});

describe("importMany", () => {
  const note = (id: string, body = `note ${id}`): Note => ({
    id,
    articleId: ARTICLE,
    url: PAGE,
    target: passage("quoted", 10),
    body,
    created: "2020-01-01T00:00:00.000Z",
    modified: "2020-01-02T00:00:00.000Z",
  });
  const ids = ["7b0e9d6c-1a2b-4c3d-8e4f-5a6b7c8d9e01", "7b0e9d6c-1a2b-4c3d-8e4f-5a6b7c8d9e02"] as const;

  test("writes notes as given and skips ids already stored or repeated", async () => {
    const { store } = await freshStore();
    expect(await store.importMany([note(ids[0])])).toEqual({ added: 1, skippedDuplicates: 0 });
    const result = await store.importMany([note(ids[0], "changed"), note(ids[1]), note(ids[1], "again")]);
    expect(result).toEqual({ added: 1, skippedDuplicates: 2 });
    expect(await store.get(ids[0])).toEqual(note(ids[0]));
    expect(await store.get(ids[1])).toEqual(note(ids[1]));
  });

  test("without skipExisting, an imported note replaces the stored one", async () => {
    const { store } = await freshStore();
    await store.importMany([note(ids[0])]);
    expect(await store.importMany([note(ids[0], "replaced")], { skipExisting: false })).toEqual({
      added: 1,
      skippedDuplicates: 0,
    });
    expect((await store.get(ids[0]))?.body).toBe("replaced");
  });

  test("one invalid note refuses the whole batch", async () => {
    const { store, factory, name } = await freshStore();
    const bad = { ...note(ids[1]), body: "" };
    const e = await store.importMany([note(ids[0]), bad]).catch((err: unknown) => err);
    expect(e).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/^Note 2 of 2: The note is empty/),
    });
    expect(await dump(factory, name)).toEqual([]);
  });
});

describe("quota exceeded", () => {
  const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

  test("a put or add that throws QuotaExceededError is NotesError quota, and nothing changes", async () => {
    const { store, factory, name } = await freshStore();
    const first = await store.add(newNote());
    const before = await dump(factory, name);
    vi.spyOn(IDBObjectStore.prototype, "add").mockImplementation(() => {
      throw quota();
    });
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw quota();
    });
    const e = await store.add(newNote({ body: "another" })).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NotesError);
    expect(e).toMatchObject({ code: "quota", message: expect.stringMatching(/no storage space left/) });
    expect(await codeOf(store.update(first.id, { body: "edited" }))).toBe("quota");
    expect(await codeOf(store.remove(first.id))).toBe("quota");
    vi.restoreAllMocks();
    expect(await dump(factory, name)).toEqual(before);
  });

  test("a transaction aborted with QuotaExceededError (full disk at commit) is NotesError quota", async () => {
    const { store, factory, name } = await freshStore();
    const first = await store.add(newNote());
    const before = await dump(factory, name);
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = realPut.apply(this, args);
      // fake-indexeddb's internal abort-with-error: what a browser does when the disk fills while committing.
      (this.transaction as unknown as { _abort(name: string): void })._abort("QuotaExceededError");
      return request;
    });
    expect(await codeOf(store.update(first.id, { body: "edited" }))).toBe("quota");
    vi.restoreAllMocks();
    expect(await dump(factory, name)).toEqual(before);
  });

  test("a quota error in the middle of importMany leaves the store exactly as it was", async () => {
    const { store, factory, name } = await freshStore(clock());
    await store.add(newNote({ body: "already here" }));
    const removed = await store.add(newNote({ body: "removed, still kept for undo" }));
    await store.remove(removed.id);
    const before = await dump(factory, name);
    const batch: Note[] = Array.from({ length: 10 }, (_, i) => ({
      id: `5e1f0c2a-3b4d-4e5f-8a6b-7c8d9e0f1a${String(i).padStart(2, "0")}`,
      articleId: ARTICLE,
      url: PAGE,
      target: passage("quoted", i * 10),
      body: `imported ${i}`,
      created: "2020-01-01T00:00:00.000Z",
      modified: "2020-01-01T00:00:00.000Z",
    }));
    for (const failAt of [1, 6, 10]) {
      const realPut = IDBObjectStore.prototype.put;
      let calls = 0;
      vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
        if (++calls === failAt) throw quota();
        return realPut.apply(this, args);
      });
      expect(await codeOf(store.importMany(batch))).toBe("quota");
      vi.restoreAllMocks();
      expect(await dump(factory, name)).toEqual(before);
    }
  });
});

describe("two tabs", () => {
  test("two connections writing at once lose nothing", async () => {
    const { store: tabA, factory, name } = await freshStore();
    const tabB = await openNotes({ factory, name });
    const adds = (tab: typeof tabA, label: string) =>
      Array.from({ length: 60 }, (_, i) =>
        tab.add(newNote({ body: `${label} ${i}`, target: passage("passage", i * 7) })),
      );
    const written = await Promise.all([...adds(tabA, "A"), ...adds(tabB, "B")]);
    expect(new Set(written.map((n) => n.id)).size).toBe(120);
    // Each tab edits the other's notes, removes some of its own, and both edit the same note, all at once.
    const shared = written[0] as Note;
    await Promise.all(
      written.flatMap((n, i) => {
        const other = n.body.startsWith("A") ? tabB : tabA;
        const self = other === tabA ? tabB : tabA;
        const ops: Promise<unknown>[] = [other.update(n.id, { body: `${n.body} edited` })];
        if (i % 10 === 9) ops.push(self.add(newNote({ body: `extra ${i}` })));
        if (i === 0)
          ops.push(
            tabA.update(shared.id, { body: "A 0 edited" }),
            tabB.update(shared.id, { body: "A 0 edited" }),
          );
        return ops;
      }),
    );
    const all = await tabB.listAll();
    expect(all).toHaveLength(132);
    expect(all.filter((n) => n.body.endsWith(" edited"))).toHaveLength(120);
    expect(await tabA.listAll()).toEqual(all);
    tabA.close();
    tabB.close();
  });

  test("a removal in one tab and an edit in the other never undo each other", async () => {
    const { store: tabA, factory, name } = await freshStore();
    const tabB = await openNotes({ factory, name });
    const notes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tabA.add(newNote({ body: `n${i}` }))),
    );
    // Half the pairs start with the removal, half with the edit.
    const results = await Promise.all(
      notes.map((n, i) => {
        const remove = () => tabA.remove(n.id);
        const edit = () =>
          tabB.update(n.id, { body: `${n.body} edited` }).then(
            () => "edited",
            (e: NotesError) => e.code,
          );
        return i % 2
          ? Promise.all([remove(), edit()]).then(([, r]) => r)
          : Promise.all([edit(), remove()]).then(([r]) => r);
      }),
    );
    expect(new Set(results)).toEqual(new Set(["edited", "not-found"]));
    for (const [i, n] of notes.entries()) {
      const stored = await tabB.get(n.id);
      expect(stored?.deleted).toBeTruthy(); // the removal always holds
      expect(stored?.body).toBe(results[i] === "edited" ? `${n.body} edited` : n.body);
    }
    tabA.close();
    tabB.close();
  });
});

describe("connections", () => {
  /** Opens the database the way a newer version of the extension would. */
  function openNewer(factory: IDBFactory, name: string): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const request = factory.open(name, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("blocked by an open connection"));
    });
  }

  test("a newer version's upgrade closes this connection; later calls fail with outdated", async () => {
    const { store, factory, name } = await freshStore();
    const note = await store.add(newNote());
    const newer = await openNewer(factory, name);
    const e = await store.listAll().catch((err: unknown) => err);
    expect(e).toMatchObject({ code: "outdated", message: expect.stringMatching(/Reload this page/) });
    newer.close();
    // A page reloaded with the newer version would find the note; the old code still cannot open.
    expect(await codeOf(store.get(note.id))).toBe("outdated");
  });

  test("after the database is deleted elsewhere, the next call reopens a fresh one", async () => {
    const { store, factory, name } = await freshStore();
    await store.add(newNote());
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("blocked"));
    });
    expect(await store.listAll()).toEqual([]);
    await store.add(newNote({ body: "after" }));
    expect((await store.listAll()).map((n) => n.body)).toEqual(["after"]);
  });

  test("after close(), every call fails with closed", async () => {
    const { store } = await freshStore();
    const note = await store.add(newNote());
    store.close();
    expect(await codeOf(store.get(note.id))).toBe("closed");
    expect(await codeOf(store.add(newNote()))).toBe("closed");
  });
});
