// Upgrades: databases written by earlier versions, built here with raw idb exactly as those versions did.
import { readFileSync } from "node:fs";
import { IDBFactory } from "fake-indexeddb";
import { type IDBPDatabase, wrap } from "idb";
import { describe, expect, test } from "vitest";
import type { Note } from "../../src/model/notes";
import { DB_VERSION, openNotes } from "../../src/notes/index";
import { fromV1, type NoteV1 } from "../../src/notes/migrations";
import { dump, searchStored } from "./helpers";

const V1_NOTES: NoteV1[] = JSON.parse(
  readFileSync(new URL("../fixtures/notes/v1-notes.json", import.meta.url), "utf8"),
);

const V2_NOTES: Note[] = V1_NOTES.map(fromV1);
const V2_REMOVED: Note = {
  ...(V2_NOTES[0] as Note),
  id: "0b5e3f0c-8a41-4b8e-9a43-1f2e3d4c5b6a",
  deleted: "2011-08-03T08:00:00.000Z",
};

/** Creates database `name` at `version` with `setup` as its upgrade, and closes it. */
async function createAt(
  factory: IDBFactory,
  name: string,
  version: number,
  setup: (db: IDBPDatabase) => void,
): Promise<void> {
  const request = factory.open(name, version);
  request.onupgradeneeded = () => setup(wrap(request.result));
  const db = await wrap(request);
  db?.close();
}

/** What each earlier version left on disk, and the notes the current version must find in it. */
const EARLIER: Record<number, { create: (f: IDBFactory, name: string) => Promise<void>; expected: Note[] }> =
  {
    0: { create: async () => undefined, expected: [] },
    1: {
      // Version 1's own code: one store, two indexes, records with quote/position/text.
      create: (factory, name) =>
        createAt(factory, name, 1, (db) => {
          const store = db.createObjectStore("notes", { keyPath: "id" });
          store.createIndex("articleId", "articleId");
          store.createIndex("modified", "modified");
          for (const note of V1_NOTES) store.put(note);
        }),
      expected: V1_NOTES.map(fromV1),
    },
    2: {
      // Version 2's own code (before tags and colours): the v1 store and indexes plus "reading" and "deleted",
      // records in the Note shape without tags or colour; a removed note stays with `deleted`.
      create: (factory, name) =>
        createAt(factory, name, 2, (db) => {
          const store = db.createObjectStore("notes", { keyPath: "id" });
          store.createIndex("articleId", "articleId");
          store.createIndex("modified", "modified");
          store.createIndex("reading", ["articleId", "target.start"]);
          store.createIndex("deleted", "deleted");
          for (const note of V2_NOTES) store.put(note);
          store.put(V2_REMOVED);
        }),
      expected: V2_NOTES,
    },
  };

describe("schema versions", () => {
  test("DB_VERSION is the number of migrations, and every earlier version has a fixture", () => {
    expect(DB_VERSION).toBe(3);
    expect(Object.keys(EARLIER).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, v) => v));
  });

  test("a version-1 database opens with every note converted", async () => {
    const factory = new IDBFactory();
    await EARLIER[1]?.create(factory, "v1");
    const store = await openNotes({ factory, name: "v1" });
    const [libya1, libya2, csm] = V1_NOTES as [NoteV1, NoteV1, NoteV1];
    expect(await store.get(libya1.id)).toEqual({
      id: libya1.id,
      articleId: "nyt-libya-2011-07",
      url: libya1.url,
      target: { exact: "Abdul Fattah Younes", prefix: "", suffix: "", start: 412, end: 431 },
      body: "Check who confirmed the killing.\nThe Times cites two rebel officials.",
      created: "2011-08-01T09:15:00.000Z",
      modified: "2011-08-02T10:00:00.000Z",
    });
    expect((await store.get(libya2.id))?.attachedTo).toBe("nyt-libya-2011-07-a3");
    // The new "reading" index covers the converted records.
    expect((await store.listByArticle("nyt-libya-2011-07")).map((n) => n.id)).toEqual([libya2.id, libya1.id]);
    expect((await store.listByArticle("csm-libya-2011-08")).map((n) => n.id)).toEqual([csm.id]);
    expect(await searchStored(store, "transitional council")).toHaveLength(1);
    store.close();
  });

  test.each(Array.from({ length: DB_VERSION }, (_, v) => v))("upgrade from version %i", async (version) => {
    const factory = new IDBFactory();
    const earlier = EARLIER[version];
    if (!earlier) throw new Error(`no fixture for version ${version}`);
    await earlier.create(factory, "db");
    const store = await openNotes({ factory, name: "db" });
    const byId = (a: Note, b: Note) => a.id.localeCompare(b.id);
    expect((await store.listAll()).sort(byId)).toEqual([...earlier.expected].sort(byId));
    expect(await dump(factory, "db")).toHaveLength(earlier.expected.length + (version === 2 ? 1 : 0));
    // The upgraded database works like a new one.
    const added = await store.add({
      articleId: "nyt-libya-2011-07",
      url: "https://www.nytimes.com/2011/07/29/world/africa/29libya.html",
      target: { exact: "rebels", prefix: "the ", suffix: " said", start: 7, end: 13 },
      body: "After the upgrade.",
    });
    expect((await store.listByArticle("nyt-libya-2011-07"))[0]).toEqual(added);
    store.close();
    const db = await wrap(factory.open("db"));
    expect(db?.version).toBe(DB_VERSION);
    expect([...(db?.transaction("notes").store.indexNames ?? [])].sort()).toEqual([
      "articleId",
      "deleted",
      "modified",
      "reading",
      "tags",
    ]);
    db?.close();
  });

  test("a version-2 database (today's before tags) keeps every note, removed ones too, and takes tags and colours", async () => {
    const factory = new IDBFactory();
    await EARLIER[2]?.create(factory, "v2");
    const store = await openNotes({ factory, name: "v2" });
    const byId = (a: Note, b: Note) => a.id.localeCompare(b.id);
    // Every record unchanged: no tags, no colour (the default colour).
    expect(((await dump(factory, "v2")) as Note[]).sort(byId)).toEqual([...V2_NOTES, V2_REMOVED].sort(byId));
    expect((await store.listDeleted()).map((n) => n.id)).toEqual([V2_REMOVED.id]);
    const [first, second] = V2_NOTES as [Note, Note];
    const tagged = await store.update(first.id, {
      body: first.body,
      tags: ["council", " Council ", "NATO"],
      colour: "violet",
    });
    expect(tagged).toMatchObject({ tags: ["council", "NATO"], colour: "violet", body: first.body });
    await store.update(second.id, { body: second.body, tags: ["council"] });
    expect(await store.listTags()).toEqual([
      { tag: "council", count: 2 },
      { tag: "NATO", count: 1 },
    ]);
    // The restored note comes back without tags; tags of removed notes are not counted.
    await store.remove(second.id);
    expect(await store.listTags()).toEqual([
      { tag: "council", count: 1 },
      { tag: "NATO", count: 1 },
    ]);
    store.close();
  });

  test("a migration that fails leaves the database at its old version with its data", async () => {
    const factory = new IDBFactory();
    await createAt(factory, "broken", 1, (db) => {
      const store = db.createObjectStore("notes", { keyPath: "id" });
      store.createIndex("articleId", "articleId");
      store.createIndex("modified", "modified");
      for (const note of V1_NOTES) store.put(note);
      store.put({ id: "corrupt", quote: "no position" }); // fromV1 cannot convert this one
    });
    const e = await openNotes({ factory, name: "broken" }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: "failed", message: expect.stringMatching(/TypeError/) });
    const db = await wrap(factory.open("broken"));
    expect(db?.version).toBe(1);
    expect(await db?.getAll("notes")).toHaveLength(V1_NOTES.length + 1);
    db?.close();
  });
});
