// The local index of analysed pages in IndexedDB (src/analysis/local-index-store.ts), on fake-indexeddb: a
// speaker's quotations on other pages, newest first; a page replaced, not doubled; the oldest dropped past the
// most kept; search, export, erase; and the running count.
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  FIRST_VERSION_STORES,
  gramFilter,
  type IndexedPage,
  LOCAL_INDEX_DB,
  LocalIndexStore,
} from "../../src/analysis/local-index-store";
import { writeFirstVersion } from "../fakes/local-index-first-version";

const page = (n: number, quotes: [string, string][]): IndexedPage => ({
  url: `https://news.example/${n}`,
  publisher: "News",
  dateLabel: `${n} June`,
  indexedAt: new Date(Date.UTC(2026, 5, n)).toISOString(),
  quotes: quotes.map(([key, exact]) => ({ speaker: key.toUpperCase(), key, exact })),
});

let store: LocalIndexStore;
afterEach(async () => {
  await store.erase();
  store.close();
});

describe("the local index in IndexedDB", () => {
  it("finds a speaker's quotations on the other pages, newest first, at most the limit", async () => {
    store = new LocalIndexStore();
    await store.put(
      "p1",
      page(1, [
        ["jalil", "one"],
        ["ghoga", "two"],
      ]),
    );
    await store.put("p3", page(3, [["jalil", "three"]]));
    await store.put(
      "p2",
      page(2, [
        ["jalil", "four"],
        ["jalil", "five"],
      ]),
    );
    const found = await store.bySpeaker(["jalil", "ghoga", "nobody"], "p3", 2);
    expect(found.get("jalil")?.map((f) => f.quote.exact)).toEqual(["five", "four"]);
    expect(found.get("ghoga")?.map((f) => [f.id, f.page.url])).toEqual([["p1", "https://news.example/1"]]);
    expect(found.has("nobody")).toBe(false);
    expect(await store.totals()).toEqual({ pages: 3, quotes: 5 });
  });

  it("replaces a page analysed again, its old quotations gone", async () => {
    store = new LocalIndexStore();
    await store.put(
      "p1",
      page(1, [
        ["jalil", "old"],
        ["ghoga", "old too"],
      ]),
    );
    await store.put("p1", page(4, [["jalil", "new"]]));
    expect((await store.bySpeaker(["jalil", "ghoga"], "x")).get("jalil")?.map((f) => f.quote.exact)).toEqual([
      "new",
    ]);
    expect((await store.bySpeaker(["ghoga"], "x")).size).toBe(0);
    expect(await store.totals()).toEqual({ pages: 1, quotes: 1 });
  });

  it("drops the oldest pages past the most kept", async () => {
    store = new LocalIndexStore(2);
    await store.put("b", page(2, [["jalil", "b"]]));
    await store.put("a", page(1, [["jalil", "a"]]));
    await store.put("c", page(3, [["jalil", "c"]]));
    expect(Object.keys(await store.all())).toEqual(["b", "c"]);
    expect(await store.totals()).toEqual({ pages: 2, quotes: 2 });
    expect((await store.bySpeaker(["jalil"], "x")).get("jalil")?.map((f) => f.id)).toEqual(["c", "b"]);
  });

  it("searches speakers and words, exports every page, erases all", async () => {
    store = new LocalIndexStore();
    await store.put("p1", page(1, [["jalil", "We accept a settlement"]]));
    await store.put(
      "p2",
      page(2, [
        ["ghoga", "No settlement"],
        ["ghoga", "Talks go on"],
      ]),
    );
    expect((await store.search("SETTLEMENT")).map((r) => r.quote.exact)).toEqual([
      "No settlement",
      "We accept a settlement",
    ]);
    expect((await store.search("ghoga")).length).toBe(2);
    expect(await store.search("  ")).toEqual([]);
    const all = await store.all();
    expect(Object.keys(all)).toEqual(["p1", "p2"]);
    expect(all.p1).toEqual(page(1, [["jalil", "We accept a settlement"]]));
    await store.erase();
    expect(await store.totals()).toEqual({ pages: 0, quotes: 0 });
    expect((await store.bySpeaker(["jalil"], "x")).size).toBe(0);
  });

  it("answers a search that many pages match from the newest pages only, without reading the others", async () => {
    store = new LocalIndexStore();
    await store.putMany(
      Array.from({ length: 300 }, (_, i) => [`p${i}`, page(i + 1, [["jalil", `settlement ${i}`]])] as const),
    );
    const get = vi.spyOn(IDBObjectStore.prototype, "get");
    try {
      const found = await store.search("settlement", 5);
      expect(found.map((f) => f.id)).toEqual(["p299", "p298", "p297", "p296", "p295"]);
      // The records of the five pages listed, not of the 300 that match.
      expect(get.mock.contexts.filter((s) => (s as IDBObjectStore).name === "pages").length).toBe(5);
    } finally {
      get.mockRestore();
    }
  });

  it("reads every page's text when the newest hold too few matches, and still lists the newest first", async () => {
    store = new LocalIndexStore();
    await store.putMany(
      Array.from(
        { length: 600 },
        (_, i) => [`p${i}`, page(i + 1, [["jalil", i < 10 ? `ceasefire ${i}` : `talks ${i}`]])] as const,
      ),
    );
    expect((await store.search("ceasefire", 3)).map((f) => f.quote.exact)).toEqual([
      "ceasefire 9",
      "ceasefire 8",
      "ceasefire 7",
    ]);
    expect(await store.search("nobody said this")).toEqual([]);
  });

  it("reads no older page's text for words nobody said when the pages' filters rule them out", async () => {
    store = new LocalIndexStore();
    await store.putMany(
      Array.from(
        { length: 600 },
        (_, i) => [`p${i}`, page(i + 1, [["jalil", `talks went on ${i}`]])] as const,
      ),
    );
    const get = vi.spyOn(IDBObjectStore.prototype, "get");
    const getAll = vi.spyOn(IDBObjectStore.prototype, "getAll");
    try {
      expect(await store.search("nobody said this")).toEqual([]);
      const reads = (spy: typeof get | typeof getAll, name: string) =>
        spy.mock.contexts.filter((s) => (s as IDBObjectStore).name === name).length;
      // The newest 500 pages' texts, then the filters alone: no other text is read.
      expect(reads(get, "text")).toBe(500);
      expect(reads(getAll, "text")).toBe(0);
      expect(reads(getAll, "grams")).toBeGreaterThan(0);
    } finally {
      get.mockRestore();
      getAll.mockRestore();
    }
  });

  it("finds whatever a page's text holds through its filter: accents, other scripts, surrogate pairs", async () => {
    store = new LocalIndexStore();
    const texts = [
      "Mustafa Abdel-Jalil: «Qaddafi doit partir», a déclaré le président du Conseil",
      "Ο εκπρόσωπος είπε ότι οι συνομιλίες συνεχίζονται 🕊️ στη Βεγγάζη",
      "المتحدث قال إن المحادثات مستمرة",
    ];
    // The newest 500 pages hold none of it: every find below goes through the older pages' filters.
    await store.putMany([
      ...texts.map((t, i): [string, IndexedPage] => [`old${i}`, page(i + 1, [["speaker", t]])]),
      ...Array.from({ length: 500 }, (_, i): [string, IndexedPage] => [
        `p${i}`,
        page(i + 10, [["jalil", `t ${i}`]]),
      ]),
    ]);
    for (const [i, t] of texts.entries()) {
      const line = `SPEAKER ${t}`.toLowerCase();
      for (let at = 0; at + 3 <= line.length; at += 7) {
        const q = line.slice(at, at + 3 + (at % 11));
        if (q.trim().length < 3) continue; // trimmed by the search: no three-character run to filter by
        expect(
          (await store.search(q)).map((f) => f.id),
          q,
        ).toContain(`old${i}`);
      }
    }
  });

  it("gives the pages already indexed their filters when it upgrades a database of the first version", async () => {
    await writeFirstVersion({
      db: LOCAL_INDEX_DB,
      stores: FIRST_VERSION_STORES,
      pages: [1, 2].map((n) => ({
        id: `p${n}`,
        indexedAt: `2026-06-0${n}`,
        speaker: "Jalil",
        exact: `talks ${n}`,
      })),
    });
    store = new LocalIndexStore();
    await store.totals(); // opens the database: the upgrade
    store.close();
    const v2 = await new Promise<IDBDatabase>((ok) => {
      const open = indexedDB.open(LOCAL_INDEX_DB);
      open.onsuccess = () => ok(open.result);
    });
    const filters = await new Promise<unknown[]>((ok) => {
      const all = v2.transaction("grams").objectStore("grams").getAll();
      all.onsuccess = () => ok(all.result);
    });
    v2.close();
    expect(filters).toEqual([gramFilter("jalil talks 1"), gramFilter("jalil talks 2")]);
    store = new LocalIndexStore();
  });
});
