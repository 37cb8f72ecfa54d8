// The notes service: the only code that opens the notes database, in the extension's origin. Content scripts may
// ask where an article's notes are (selectors only) and hand over a passage for a new note; only extension pages
// (the sidebar, the notes page) read or write notes.
import browser from "webextension-polyfill";
import { DEFAULT_NOTE_COLOUR } from "../model/colours";
import { localIsoDay } from "../model/date-labels";
import { LIMITS } from "../model/limits";
import type { ContentRequest, NoteAnchor, NoteDraft, NotesOp } from "../model/protocol";
import type { NotesResult, NotesValues, PartedReply } from "../model/replies";
import { exportCollection, importAnnotations, NotesError, type NotesStore, openNotes } from "../notes/index";
import { exportMarkdown } from "../notes/markdown";
import { callTab, splitParts } from "../shared/messaging";

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

interface ArticleEntry {
  id: string;
  publisher: string;
  headline?: string;
  urls: string[];
  dateLabel?: string;
}

async function articleList(): Promise<ArticleEntry[]> {
  const res = await fetch(browser.runtime.getURL("data/articles.json"));
  return (await res.json()) as ArticleEntry[];
}

async function articleIndex(): Promise<Record<string, ArticleEntry>> {
  return Object.fromEntries((await articleList()).map((a) => [a.id, a]));
}

/** Tell every page of ours and every tab that these articles' notes changed (the tabs listed once for all). */
async function changed(...articleIds: string[]): Promise<void> {
  const messages = articleIds.map((articleId): ContentRequest => {
    anchorCache.delete(articleId);
    return { type: "notes-changed", articleId };
  });
  // The extension's pages (sidebars, the notes page) hear it as the tabs do.
  const told = Promise.all(messages.map((m) => browser.runtime.sendMessage(m).catch(() => undefined)));
  for (const tab of await browser.tabs.query({}))
    if (tab.id !== undefined) for (const m of messages) void callTab(tab.id, m);
  await told;
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
      // Never the body or the tags: a page may read what its content script holds.
      .then((list) =>
        list.map((n) => ({ id: n.id, target: n.target, colour: n.colour ?? DEFAULT_NOTE_COLOUR })),
      );
    p.catch(() => anchorCache.delete(articleId));
    anchorCache.set(articleId, p);
  }
  return p;
}

export function keepDraft(tabId: number, draft: NoteDraft): void {
  drafts.set(tabId, draft);
}

/**
 * Values too large for one message (Chromium refuses one over 64 MiB), by id: the parts of a reply, handed out by
 * `part`, and those of an upload, joined by the `import` that names it. Each is forgotten after a minute.
 */
const replies = new Map<string, string[]>();
const uploads = new Map<string, string[]>();
const FORGET_MS = 60_000;

function keep(map: Map<string, string[]>, id: string, parts: string[]): string[] {
  map.set(id, parts);
  setTimeout(() => map.delete(id), FORGET_MS);
  return parts;
}

const gone = () =>
  new NotesError("failed", "The extension lost part of a large transfer (it restarted?). Please try again.");

/** The text of an import: its own, or the upload it names, joined (and forgotten). */
function importText(op: Extract<NotesOp, { op: "import" }>): string {
  if (op.upload === undefined) return op.text;
  const parts = uploads.get(op.upload);
  uploads.delete(op.upload);
  if (!parts || parts.some((p) => p === undefined)) throw gone();
  return parts.join("");
}

type Sender = number | undefined;
/** One handler per notes operation, each checked against the reply it owes (NotesValues). */
const ops: {
  [K in NotesOp["op"]]: (
    op: Extract<NotesOp, { op: K }>,
    s: NotesStore,
    tabId: Sender,
  ) => Promise<NotesValues[K]> | NotesValues[K];
} = {
  list: (op, s) => s.listByArticle(op.articleId),
  all: (_, s) => s.listAll(),
  page: (op, s) => s.listPage("after" in op ? { after: op.after } : { offset: op.offset }, op.limit),
  upload: (op) => {
    const parts = uploads.get(op.id) ?? keep(uploads, op.id, new Array<string>(op.count));
    if (parts.length !== op.count) throw gone();
    parts[op.index] = op.text;
    return undefined;
  },
  part: (op) => {
    const parts = replies.get(op.id);
    const text = parts?.[op.index];
    if (parts === undefined || text === undefined) throw gone();
    if (op.index === parts.length - 1) replies.delete(op.id);
    return text;
  },
  add: async (op, s) => {
    const note = await s.add({
      ...op.draft,
      body: op.body,
      ...(op.tags ? { tags: op.tags } : {}),
      ...(op.colour ? { colour: op.colour } : {}),
    });
    await changed(note.articleId);
    return note;
  },
  update: async (op, s) => {
    const note = await s.update(op.id, {
      body: op.body,
      ...(op.base ? { base: op.base } : {}),
      ...(op.tags ? { tags: op.tags } : {}),
      ...(op.colour ? { colour: op.colour } : {}),
    });
    await changed(note.articleId);
    return note;
  },
  remove: async (op, s) => {
    const note = await s.remove(op.id);
    await changed(note.articleId);
    return note;
  },
  restore: async (op, s) => {
    const note = await s.restore(op.id);
    await changed(note.articleId);
    return note;
  },
  trash: (_, s) => s.listDeleted(),
  tags: (_, s) => s.listTags(),
  purge: async (op, s) => {
    await s.purge(op.id);
    return undefined;
  },
  reattach: async (op, s) => {
    const note = await s.retarget(op.id, op.draft.target, op.draft.url);
    await changed(note.articleId);
    return note;
  },
  "take-draft": (_, _s, tabId) => {
    if (tabId === undefined) return null;
    const d = drafts.get(tabId) ?? null;
    drafts.delete(tabId);
    return d;
  },
  export: async (op, s) => {
    const list = op.articleId ? await s.listByArticle(op.articleId) : await s.listAll();
    if (op.format === "markdown")
      return exportMarkdown(list, {
        articles: await articleIndex(),
        split: op.split ?? "all",
        date: localIsoDay(),
      });
    return JSON.stringify(exportCollection(list, { articles: await articleIndex() }), null, 2);
  },
  import: async (op, s) => {
    const report = await importAnnotations(s, importText(op), { articles: await articleList() });
    // Every article with notes is told, all at once (50,000 notes read to find their articles had taken 1.3 s, and
    // the messages one after another 1.1 s).
    await changed(...(await s.listArticleIds()));
    return report;
  },
};

async function run(op: NotesOp, tabId: Sender): Promise<NotesValues[keyof NotesValues]> {
  // The map's type ties each op to its handler; TypeScript cannot follow that through a union, hence the cast.
  const handler = ops[op.op] as (
    op: NotesOp,
    s: NotesStore,
    tabId: Sender,
  ) => Promise<NotesValues[keyof NotesValues]>;
  return handler(op, await notes(), tabId);
}

/** A reply whose text would not fit in one message, kept and answered in parts; else the reply itself. */
function parted(
  op: NotesOp,
  value: NotesValues[keyof NotesValues],
): NotesResult<NotesValues[keyof NotesValues]> | PartedReply {
  if (op.op !== "export" && op.op !== "all") return { ok: true, value };
  const json = typeof value !== "string";
  const text = json ? JSON.stringify(value) : (value as string);
  if (text.length <= LIMITS.messagePart) return { ok: true, value };
  const id = crypto.randomUUID();
  const parts = keep(replies, id, splitParts(text, LIMITS.messagePart));
  return { ok: true, parted: { id, count: parts.length, json } };
}

export async function handleNotes(
  op: NotesOp,
  tabId: Sender,
): Promise<NotesResult<NotesValues[keyof NotesValues]> | PartedReply> {
  try {
    return parted(op, await run(op, tabId));
  } catch (e) {
    if (e instanceof NotesError)
      return { ok: false, code: e.code, message: e.message, ...(e.current ? { current: e.current } : {}) };
    return { ok: false, code: "failed", message: (e as Error).message ?? String(e) };
  }
}
