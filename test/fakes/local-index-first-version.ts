// A local index as the extension's first version of it left it (no filters), for the tests of the upgrade: run in
// Node on fake-indexeddb (test/analysis/local-index-store.test.ts) and, passed to `evaluateWith`, in an extension
// page of each browser (test/e2e/analysis.test.ts). Self-contained for that: no import is used at run time.
import type { FIRST_VERSION_STORES } from "../../src/analysis/local-index-store";

/** A page of one quotation, as version 1 kept it: its record, its quotation, its searched text. */
interface FirstVersionPage {
  id: string;
  indexedAt: string;
  speaker: string;
  exact: string;
}

/** Deletes the database and makes it again at version 1 with these stores (FIRST_VERSION_STORES) and pages. */
export async function writeFirstVersion(args: {
  db: string;
  stores: typeof FIRST_VERSION_STORES;
  pages: FirstVersionPage[];
}): Promise<void> {
  await new Promise((ok) => {
    const d = indexedDB.deleteDatabase(args.db);
    d.onsuccess = d.onerror = d.onblocked = ok;
  });
  const open = indexedDB.open(args.db, 1);
  open.onupgradeneeded = () => {
    for (const [name, keyPath, index] of args.stores) {
      const store = open.result.createObjectStore(
        name,
        keyPath ? { keyPath: keyPath as string | string[] } : {},
      );
      if (index) store.createIndex(index, index);
    }
  };
  const db = await new Promise<IDBDatabase>((ok, ko) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => ko(open.error);
  });
  const tx = db.transaction(["pages", "quotes", "text", "totals"], "readwrite");
  for (const { id, indexedAt, speaker, exact } of args.pages) {
    const page = {
      url: `https://news.example/${id}`,
      publisher: "News Example",
      dateLabel: "1 January 2025",
    };
    tx.objectStore("pages").put({ ...page, id, indexedAt, quoteCount: 1 });
    tx.objectStore("quotes").put({ speaker, key: speaker.toLowerCase(), exact, id, n: 0, indexedAt, page });
    tx.objectStore("text").put(`${speaker} ${exact}`.toLowerCase(), id);
  }
  tx.objectStore("totals").put(args.pages.length, "pages");
  tx.objectStore("totals").put(args.pages.length, "quotes");
  await new Promise((ok) => {
    tx.oncomplete = ok;
  });
  db.close();
}
