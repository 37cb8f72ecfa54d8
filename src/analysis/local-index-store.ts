// The local index of analysed pages ("what else has this person said?", issue 18) in IndexedDB, in the
// extension's origin: one record per page, and one per quotation keyed by its speaker's name key and when it was
// indexed, so a speaker's newest quotations are one key-range read however many pages are kept (issue 19: 10,000
// and more); a running count of quotations in a third store. No browser extension API here (Node tests load
// fake-indexeddb/auto). It used to be one storage.local value read whole at every analysis (see docs/decisions/0008).
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

export const LOCAL_INDEX_DB = "source-annotator-local-index";
const VERSION = 1;
/** Pages kept, the oldest indexed dropped first. */
export const MAX_PAGES = 20_000;

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
interface StoredPage extends IndexedPage {
  id: string;
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
  totals: { key: "quotes"; value: number };
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
      upgrade(db) {
        db.createObjectStore("pages", { keyPath: "id" }).createIndex("indexedAt", "indexedAt");
        db.createObjectStore("quotes", { keyPath: ["key", "indexedAt", "id", "n"] }).createIndex("id", "id");
        db.createObjectStore("totals");
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
  async put(id: string, page: IndexedPage): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(["pages", "quotes", "totals"], "readwrite");
    const pages = tx.objectStore("pages");
    const quotes = tx.objectStore("quotes");
    const totals = tx.objectStore("totals");
    let count = (await totals.get("quotes")) ?? 0;
    const drop = async (pageId: string) => {
      const old = await pages.get(pageId);
      if (!old) return;
      count -= old.quotes.length;
      await pages.delete(pageId);
      for (const k of await quotes.index("id").getAllKeys(pageId)) await quotes.delete(k);
    };
    await drop(id);
    await pages.put({ ...page, id });
    const { url, publisher, dateLabel, date } = page;
    const shown = { url, publisher, dateLabel, ...(date ? { date } : {}) };
    await Promise.all(
      page.quotes.map((q, n) => quotes.put({ ...q, id, n, indexedAt: page.indexedAt, page: shown })),
    );
    count += page.quotes.length;
    let over = (await pages.count()) - this.maxPages;
    for (let c = await pages.index("indexedAt").openKeyCursor(); c && over > 0; c = await c.continue()) {
      await drop(c.primaryKey);
      over--;
    }
    await totals.put(Math.max(0, count), "quotes");
    await tx.done;
  }

  /** Adds many pages at once (the move from storage.local, an import); replaces none that exist. */
  async putMany(pages: [string, IndexedPage][]): Promise<void> {
    for (const [id, page] of pages) await this.put(id, page);
  }

  async totals(): Promise<IndexTotals> {
    const db = await this.open();
    const tx = db.transaction(["pages", "totals"]);
    const [pages, quotes] = await Promise.all([
      tx.objectStore("pages").count(),
      tx.objectStore("totals").get("quotes"),
    ]);
    return { pages, quotes: quotes ?? 0 };
  }

  /** Quotations whose speaker or words contain `query` (case-insensitive), newest pages first, at most `limit`. */
  async search(query: string, limit = 50): Promise<{ page: IndexedPage; quote: IndexedQuote }[]> {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const db = await this.open();
    const out: { page: IndexedPage; quote: IndexedQuote }[] = [];
    let cursor = await db.transaction("pages").store.index("indexedAt").openCursor(null, "prev");
    while (cursor && out.length < limit) {
      for (const quote of cursor.value.quotes)
        if (out.length < limit && `${quote.speaker} ${quote.exact}`.toLowerCase().includes(q))
          out.push({ page: cursor.value, quote });
      cursor = await cursor.continue();
    }
    return out;
  }

  /** Every page, as the export writes them: id → page, oldest first. */
  async all(): Promise<Record<string, IndexedPage>> {
    const db = await this.open();
    const out: Record<string, IndexedPage> = {};
    for (const { id, ...page } of await db.getAllFromIndex("pages", "indexedAt")) out[id] = page;
    return out;
  }

  async erase(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(["pages", "quotes", "totals"], "readwrite");
    await Promise.all([
      tx.objectStore("pages").clear(),
      tx.objectStore("quotes").clear(),
      tx.objectStore("totals").clear(),
      tx.done,
    ]);
  }
}
