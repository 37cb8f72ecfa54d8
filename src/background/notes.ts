// The notes service: the only code that opens the notes database, in the extension's origin. Content scripts may
// ask where an article's notes are (selectors only) and hand over a passage for a new note; only extension pages
// (the sidebar, the notes page) read or write notes.
import browser from "webextension-polyfill";
import type { NoteAnchor, NoteDraft, NotesOp, NotesResult } from "../messages";
import { LIMITS } from "../model/limits";
import { exportCollection, importAnnotations, NotesError, type NotesStore, openNotes } from "../notes/index";

let store: Promise<NotesStore> | null = null;
const drafts = new Map<number, NoteDraft>();
/** Removed notes stay in the trash this long (for undo and for a second thought) before they are purged. */
const KEEP_REMOVED_MS = LIMITS.trashDays * 24 * 3600 * 1000;

function notes(): Promise<NotesStore> {
  if (!store) {
    const opening = openNotes().then(async (s) => {
      await s.purgeDeleted(KEEP_REMOVED_MS).catch(() => 0);
      // Ask the browser not to evict the notes under storage pressure (granted to extensions without a prompt;
      // refused or absent, the notes are kept as before).
      await navigator.storage?.persist?.().catch(() => false);
      return s;
    });
    // A failed open (a transient error, a blocked upgrade) is not kept: the next call tries again.
    opening.catch(() => {
      if (store === opening) store = null;
    });
    store = opening;
  }
  return store;
}

async function articleIndex(): Promise<
  Record<string, { publisher: string; headline?: string; urls: string[] }>
> {
  const res = await fetch(browser.runtime.getURL("data/articles.json"));
  const list = (await res.json()) as { id: string; publisher: string; headline?: string; urls: string[] }[];
  return Object.fromEntries(list.map((a) => [a.id, a]));
}

/** Tell every page of ours and every tab that an article's notes changed. */
async function changed(articleId: string): Promise<void> {
  anchorCache.delete(articleId);
  await browser.runtime.sendMessage({ type: "notes-changed", articleId }).catch(() => undefined);
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined)
      browser.tabs.sendMessage(tab.id, { type: "notes-changed", articleId }).catch(() => undefined);
  }
}

/**
 * Where an article's notes are, kept in memory between page loads: every write goes through this background, and
 * each one drops its article's entry (see `changed`), so the cache is never stale; a failed read is not kept.
 */
const anchorCache = new Map<string, Promise<NoteAnchor[]>>();

export function anchorsFor(articleId: string): Promise<NoteAnchor[]> {
  let p = anchorCache.get(articleId);
  if (!p) {
    p = notes()
      .then((s) => s.listByArticle(articleId))
      .then((list) => list.map((n) => ({ id: n.id, target: n.target })));
    p.catch(() => anchorCache.delete(articleId));
    anchorCache.set(articleId, p);
  }
  return p;
}

export function keepDraft(tabId: number, draft: NoteDraft): void {
  drafts.set(tabId, draft);
}

async function run(op: NotesOp, tabId: number | undefined): Promise<unknown> {
  const s = await notes();
  switch (op.op) {
    case "list":
      return s.listByArticle(op.articleId);
    case "all":
      return s.listAll();
    case "add": {
      const note = await s.add({ ...op.draft, body: op.body });
      await changed(note.articleId);
      return note;
    }
    case "update": {
      const note = await s.update(op.id, { body: op.body, ...(op.base ? { base: op.base } : {}) });
      await changed(note.articleId);
      return note;
    }
    case "remove": {
      const note = await s.remove(op.id);
      await changed(note.articleId);
      return note;
    }
    case "restore": {
      const note = await s.restore(op.id);
      await changed(note.articleId);
      return note;
    }
    case "trash":
      return s.listDeleted();
    case "purge":
      return s.purge(op.id);
    case "reattach": {
      const note = await s.retarget(op.id, op.draft.target, op.draft.url);
      await changed(note.articleId);
      return note;
    }
    case "take-draft": {
      if (tabId === undefined) return null;
      const d = drafts.get(tabId) ?? null;
      drafts.delete(tabId);
      return d;
    }
    case "export": {
      const list = op.articleId ? await s.listByArticle(op.articleId) : await s.listAll();
      return JSON.stringify(exportCollection(list, { articles: await articleIndex() }), null, 2);
    }
    case "import": {
      const report = await importAnnotations(s, op.text);
      for (const id of new Set((await s.listAll()).map((n) => n.articleId))) await changed(id);
      return report;
    }
  }
}

export async function handleNotes(op: NotesOp, tabId: number | undefined): Promise<NotesResult<unknown>> {
  try {
    return { ok: true, value: await run(op, tabId) };
  } catch (e) {
    if (e instanceof NotesError)
      return { ok: false, code: e.code, message: e.message, ...(e.current ? { current: e.current } : {}) };
    return { ok: false, code: "failed", message: (e as Error).message ?? String(e) };
  }
}
