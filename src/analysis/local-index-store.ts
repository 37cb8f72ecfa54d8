// The local index of analysed pages ("what else has this person said?", issue 18) in IndexedDB, in the
// extension's origin: one record per page, and one per quotation keyed by its speaker's name key and when it was
// indexed, so a speaker's newest quotations are one key-range read however many pages are kept (issue 19: 10,000
// and more); a running count of quotations in a third store. No browser extension API here (Node tests load
// fake-indexeddb/auto). It used to be one storage.local value read whole at every analysis (see docs/decisions/0008).
// Each page also has a filter of its text's three-character runs, so a search reads only the pages that may hold
// the words asked for (docs/decisions/0038-local-index-search-filters.md).
import { type DBSchema, type IDBPDatabase, openDB, type StoreNames } from "idb";

export const LOCAL_INDEX_DB = "source-annotator-local-index";
/** 2: the pages' filters (`grams`), made for the pages already there when the database is upgraded. */
const VERSION = 2;
/** Pages kept, the oldest indexed dropped first. */
export const MAX_PAGES = 20_000;
/** The newest pages whose texts a search reads first. */
const SEARCH_FIRST = 500;
/** Bits of a page's filter (512 bytes a page). */
const GRAM_BITS = 4096;

/** The bit of the three characters of `s` at `i`, by a multiplicative hash (its top 12 bits). */
const gramBit = (s: string, i: number) =>
  Math.imul(
    Math.imul(Math.imul(s.charCodeAt(i), 0x01000193) ^ s.charCodeAt(i + 1), 0x01000193) ^ s.charCodeAt(i + 2),
    0x9e3779b1,
  ) >>> 20;

/** The bits of each three-character run of `s` (none when it is shorter): a page's filter holds every bit of the
 *  runs of its text, so a text without one of a query's bits cannot hold the query. */
function gramBits(s: string): Set<number> {
  const bits = new Set<number>();
  for (let i = 0; i + 3 <= s.length; i++) bits.add(gramBit(s, i));
  return bits;
}

/** A page's filter: the bits of its text's three-character runs (`text` as searched: lower case). */
export function gramFilter(text: string): Uint32Array {
  const filter = new Uint32Array(GRAM_BITS / 32);
  for (const b of gramBits(text)) filter[b >>> 5] = (filter[b >>> 5] as number) | (1 << (b & 31));
  return filter;
}

/** The stores of the database's first version: name, key path (none: keys given), an index on one field. Data,
 *  so that tests can make a database as that version left it (no filters) with the same stores. */
export const FIRST_VERSION_STORES = [
  ["pages", "id", "indexedAt"],
  ["quotes", ["key", "indexedAt", "id", "n"], "id"],
  ["text"],
  ["totals"],
] as const satisfies readonly (readonly [StoreNames<Schema>, (string | string[])?, string?])[];

/** What inBatches reads: an object store (of a transaction that is still active). */
interface Readable<K, V> {
  getAll(query?: IDBKeyRange, count?: number): Promise<V[]>;
  getAllKeys(query?: IDBKeyRange, count?: number): Promise<K[]>;
}

/** Every record of a store, in batches of keys and values in key order (a cursor step per record is many times
 *  slower at 100,000s); `store()` gives the store to read each batch from. */
async function* inBatches<K extends IDBValidKey, V>(
  store: () => Readable<K, V>,
  batch: number,
): AsyncGenerator<{ keys: K[]; values: V[] }> {
  let after: IDBKeyRange | undefined;
  for (;;) {
    const from = store();
    const [values, keys] = await Promise.all([from.getAll(after, batch), from.getAllKeys(after, batch)]);
    if (values.length) yield { keys, values };
    const last = keys.at(-1);
    if (values.length < batch || last === undefined) return;
    after = IDBKeyRange.lowerBound(last, true);
  }
}

export interface IndexedQuote {
  speaker: string;
  /** The speaker's name key (link.ts nameKey, words joined): Abdel Jalil and Abdul-Jalil have the same. */
  key: string;
  exact: string;
}
export interface IndexedPage {
  url: string;
  headline?: string;
  publisher: string;
  dateLabel: string;
  date?: string;
  indexedAt: string;
  quotes: IndexedQuote[];
}
/** A page's record: what its quotations' lines show, and how many it has (they are in `quotes`). */
interface StoredPage extends Omit<IndexedPage, "quotes"> {
  id: string;
  quoteCount: number;
}
/** One quotation, with what its card line shows of its page, keyed so that a speaker's are one key range, newest
 *  last: [key, indexedAt, page id, n]. */
interface StoredQuote extends IndexedQuote {
  id: string;
  n: number;
  indexedAt: string;
  page: Pick<IndexedPage, "url" | "publisher" | "dateLabel" | "date">;
}
interface Schema extends DBSchema {
  pages: { key: string; value: StoredPage; indexes: { indexedAt: string } };
  quotes: { key: [string, string, string, number]; value: StoredQuote; indexes: { id: string } };
  /** Each page's quotations as one lower-case text (speaker and words, a line each): what a search reads. */
  text: { key: string; value: string };
  /** Each page's filter of its text (gramFilter). */
  grams: { key: string; value: Uint32Array };
  totals: { key: "quotes" | "pages"; value: number };
}
/** A speaker's quotation on another page. */
export interface FoundQuote {
  id: string;
  page: Pick<IndexedPage, "url" | "publisher" | "dateLabel" | "date">;
  quote: IndexedQuote;
}
export interface IndexTotals {
  pages: number;
  quotes: number;
}

export class LocalIndexStore {
  private db: Promise<IDBPDatabase<Schema>> | undefined;
  constructor(private readonly maxPages = MAX_PAGES) {}
  private open(): Promise<IDBPDatabase<Schema>> {
    this.db ??= openDB<Schema>(LOCAL_INDEX_DB, VERSION, {
      async upgrade(db, oldVersion, _, tx) {
        if (oldVersion < 1)
          for (const [name, keyPath, index] of FIRST_VERSION_STORES) {
            // Untyped: the table's names are checked where it is declared.
            const store = (db as unknown as IDBPDatabase).createObjectStore(name, keyPath ? { keyPath } : {});
            if (index) store.createIndex(index, index);
          }
        if (oldVersion < 2) {
          const grams = db.createObjectStore("grams");
          for await (const { keys, values } of inBatches(() => tx.objectStore("text"), 1000))
            await Promise.all(values.map((text, k) => grams.put(gramFilter(text), keys[k] as string)));
        }
      },
      // Another connection deletes the database or upgrades it: close, reopen at the next call.
      blocking: () => this.close(),
      terminated: () => this.close(),
    }).catch((e) => {
      this.db = undefined;
      throw e;
    });
    return this.db;
  }

  close(): void {
    const db = this.db;
    this.db = undefined;
    void db?.then((d) => d.close()).catch(() => undefined);
  }

  /** Each speaker key's quotations on pages other than `exceptId`, newest first, at most `limit` each. */
  async bySpeaker(keys: string[], exceptId: string, limit = 6): Promise<Map<string, FoundQuote[]>> {
    const db = await this.open();
    const tx = db.transaction("quotes");
    const out = new Map<string, FoundQuote[]>();
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const found: FoundQuote[] = [];
        // [key] sorts before every [key, …] and [key, []] after every [key, string, …].
        let cursor = await tx.store.openCursor(IDBKeyRange.bound([key], [key, []]), "prev");
        while (cursor && found.length < limit) {
          const { id, page, speaker, exact } = cursor.value;
          if (id !== exceptId) found.push({ id, page, quote: { speaker, key, exact } });
          cursor = await cursor.continue();
        }
        if (found.length) out.set(key, found);
      }),
    );
    return out;
  }

  /** Records (or replaces) a page; drops the oldest pages past the most kept. */
  async put(id: string, { quotes: list, ...page }: IndexedPage): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(["pages", "quotes", "text", "grams", "totals"], "readwrite");
    const pages = tx.objectStore("pages");
    const quotes = tx.objectStore("quotes");
    const text = tx.objectStore("text");
    const grams = tx.objectStore("grams");
    const totals = tx.objectStore("totals");
    const count = { pages: (await totals.get("pages")) ?? 0, quotes: (await totals.get("quotes")) ?? 0 };
    const drop = async (pageId: string) => {
      const old = await pages.get(pageId);
      if (!old) return;
      count.pages--;
      count.quotes -= old.quoteCount;
      await Promise.all([pages.delete(pageId), text.delete(pageId), grams.delete(pageId)]);
      for (const k of await quotes.index("id").getAllKeys(pageId)) await quotes.delete(k);
    };
    await drop(id);
    await pages.put({ ...page, id, quoteCount: list.length });
    const searched = list.map((q) => `${q.speaker} ${q.exact}`.toLowerCase()).join("\n");
    await Promise.all([text.put(searched, id), grams.put(gramFilter(searched), id)]);
    const { url, publisher, dateLabel, date } = page;
    const shown = { url, publisher, dateLabel, ...(date ? { date } : {}) };
    await Promise.all(
      list.map((q, n) => quotes.put({ ...q, id, n, indexedAt: page.indexedAt, page: shown })),
    );
    count.pages++;
    count.quotes += list.length;
    const oldest = pages.index("indexedAt");
    for (let c = await oldest.openKeyCursor(); c && count.pages > this.maxPages; c = await c.continue())
      await drop(c.primaryKey);
    await Promise.all([totals.put(count.pages, "pages"), totals.put(count.quotes, "quotes")]);
    await tx.done;
  }

  /** Records many pages, one after another (the move from storage.local); a page already there is replaced. */
  async putMany(pages: [string, IndexedPage][]): Promise<void> {
    for (const [id, page] of pages) await this.put(id, page);
  }

  async totals(): Promise<IndexTotals> {
    const db = await this.open();
    const tx = db.transaction("totals");
    const [pages, quotes] = await Promise.all([tx.store.get("pages"), tx.store.get("quotes")]);
    return { pages: pages ?? 0, quotes: quotes ?? 0 };
  }

  /** Every record of a store, read in batches, each in a transaction of its own. */
  private async *batches<S extends "quotes" | "text" | "grams">(store: S, batch = 2000) {
    const db = await this.open();
    yield* inBatches(() => db.transaction(store).store, batch);
  }

  /** The pages whose filter lacks a bit of `q`'s three-character runs: they cannot hold it. Null for a query
   *  shorter than three characters, which every filter may hold. A page without a filter is not among them. */
  private async cannotHold(q: string): Promise<Set<string> | null> {
    const bits = [...gramBits(q)];
    if (!bits.length) return null;
    const out = new Set<string>();
    for await (const { keys, values } of this.batches("grams", 5000))
      values.forEach((filter, k) => {
        if (bits.some((b) => !(((filter[b >>> 5] as number) >>> (b & 31)) & 1))) out.add(keys[k] as string);
      });
    return out;
  }

  /**
   * Quotations whose speaker or words contain `query` (case-insensitive), newest pages first, at most `limit`.
   * Reads the texts (one string a page) of the newest pages first, which answer a speaker or words found on many
   * pages; only when they hold fewer than `limit` matching lines, the other pages' whose filter may hold the query
   * (words nobody said: none), or every other page's for a query shorter than three characters. `stale()` returning
   * true (a newer query) stops it between reads.
   */
  async search(query: string, limit = 50, stale = () => false): Promise<FoundQuote[]> {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const db = await this.open();
    const newestFirst = (await db.getAllKeysFromIndex("pages", "indexedAt")).reverse();
    const matched = new Set<string>();
    let lines = 0;
    /** A page's matching lines (a line a quotation; a query has no line break). */
    const look = (id: string, text: string | undefined) => {
      const n = text?.includes(q) ? text.split("\n").filter((line) => line.includes(q)).length : 0;
      if (n) matched.add(id);
      lines += n;
    };
    /** The texts of these pages, a read each, SEARCH_FIRST in a transaction, until `limit` lines match. */
    const read = async (ids: string[]) => {
      for (let from = 0; from < ids.length && lines < limit; from += SEARCH_FIRST) {
        if (from && stale()) return;
        const some = ids.slice(from, from + SEARCH_FIRST);
        const tx = db.transaction("text");
        const texts = await Promise.all(some.map((id) => tx.store.get(id)));
        for (const [k, t] of texts.entries()) look(some[k] as string, t);
      }
    };
    await read(newestFirst.slice(0, SEARCH_FIRST));
    if (lines < limit && newestFirst.length > SEARCH_FIRST) {
      const cannot = await this.cannotHold(q);
      if (cannot) await read(newestFirst.slice(SEARCH_FIRST).filter((id) => !cannot.has(id)));
      // One read a page is slower than these batches: the rest in the store's order, sorted below.
      else
        for await (const { keys, values } of this.batches("text", 1000)) {
          if (stale()) break;
          for (const [k, t] of values.entries()) look(keys[k] as string, t);
        }
      if (stale()) return [];
    }
    const out: FoundQuote[] = [];
    const tx = db.transaction(["pages", "quotes"]);
    for (const id of newestFirst) {
      if (out.length >= limit) break;
      const page = matched.has(id) ? await tx.objectStore("pages").get(id) : undefined;
      if (!page) continue;
      const { url, publisher, dateLabel, date } = page;
      const quotes = await tx.objectStore("quotes").index("id").getAll(id);
      for (const { speaker, key, exact, n: _ } of quotes.sort((a, b) => a.n - b.n))
        if (out.length < limit && `${speaker} ${exact}`.toLowerCase().includes(q))
          out.push({
            id,
            page: { url, publisher, dateLabel, ...(date ? { date } : {}) },
            quote: { speaker, key, exact },
          });
    }
    return out;
  }

  /** Every page with its quotations, as the export writes them: id → page, oldest first. */
  async all(): Promise<Record<string, IndexedPage>> {
    const db = await this.open();
    const out: Record<string, IndexedPage> = {};
    for (const { id, quoteCount: _, ...page } of await db.getAllFromIndex("pages", "indexedAt"))
      out[id] = { ...page, quotes: [] };
    for await (const { values } of this.batches("quotes"))
      for (const { id, n, speaker, key, exact } of values) {
        const quotes = out[id]?.quotes;
        if (quotes) quotes[n] = { speaker, key, exact };
      }
    return out;
  }

  async erase(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(["pages", "quotes", "text", "grams", "totals"], "readwrite");
    await Promise.all([
      tx.objectStore("pages").clear(),
      tx.objectStore("quotes").clear(),
      tx.objectStore("text").clear(),
      tx.objectStore("grams").clear(),
      tx.objectStore("totals").clear(),
      tx.done,
    ]);
  }
}
