// The notes store: IndexedDB through idb, in the extension's origin (background and extension pages, never a
// content script). No browser extension API here: the caller may pass the IDBFactory (tests use fake-indexeddb).
//
// Connections: when another connection asks for a newer version (an updated extension) or deletes the
// database, this one closes at once so it never blocks it. The next call reopens: after a deletion that gives
// a fresh database; after an upgrade by a newer version it fails with NotesError "outdated" (reload the page).
// After close(), every call fails with NotesError "closed".
// Like idb itself, this needs the IndexedDB globals (IDBKeyRange …): browsers have them; Node tests get them
// from fake-indexeddb/auto.

import { type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, wrap } from "idb";
import type { NoteColour } from "../model/colours";
import type { TextTarget } from "../model/dataset";
import type { ImportResult, NewNote, Note, NotesPage, TagCount } from "../model/notes";
import { NotesError } from "./errors";
import { DB_VERSION, migrate, type NotesDB, STORE, type VersionChangeTx } from "./migrations";
import {
  bodyProblem,
  colourProblem,
  LIMITS,
  newNoteProblem,
  normaliseTags,
  noteProblem,
  tagsProblem,
  targetProblem,
  urlProblem,
} from "./validate";

export const DEFAULT_DB_NAME = "source-annotator-notes";

export interface OpenOptions {
  /** Defaults to the global indexedDB. */
  factory?: IDBFactory;
  /** Defaults to DEFAULT_DB_NAME. */
  name?: string;
  /** The clock for created/modified/deleted (tests). */
  now?: () => Date;
  /** How long an upgrade may stay blocked before the open fails with "blocked" (default 3 s). */
  blockedMs?: number;
}

/** What an edit may change: the body, and (when given) the tags and the colour. */
export interface NoteChanges {
  body: string;
  /** The note's `modified` when the edit began (see update). */
  base?: string;
  tags?: string[];
  colour?: NoteColour;
}

export interface NotesStore {
  /** Writes a new note. Throws NotesError "invalid" (with the reason) or "quota". */
  add(input: NewNote): Promise<Note>;
  /**
   * Replaces the body and sets `modified`. With `base` (the `modified` the editor started from), a note changed
   * elsewhere since then is not overwritten: NotesError "conflict", carrying the stored note.
   */
  update(id: string, changes: NoteChanges): Promise<Note>;
  /** Every tag on a note not removed, with its count, most used first (then alphabetically). */
  listTags(): Promise<TagCount[]>;
  /** The ids of the articles that have notes (removed ones too), each once: a step per article, not per note. */
  listArticleIds(): Promise<string[]>;
  /**
   * Moves a note to another passage, on `url` (re-attaching a note whose passage was not found, or the reader
   * picking a new selection); sets `modified`.
   */
  retarget(id: string, target: TextTarget, url: string): Promise<Note>;
  /** Soft delete: sets `deleted`; the note stays until purged. Removing a removed note changes nothing. */
  remove(id: string): Promise<Note>;
  /** Undoes remove(). */
  restore(id: string): Promise<Note>;
  /** Deletes for good the notes removed more than `olderThanMs` ago; returns how many. */
  purgeDeleted(olderThanMs: number): Promise<number>;
  /** Deletes one removed note for good (emptying it from the trash); a note not removed is refused. */
  purge(id: string): Promise<void>;
  /** The removed notes (the trash), most recently removed first. */
  listDeleted(): Promise<Note[]>;
  /** The note, removed or not. */
  get(id: string): Promise<Note | undefined>;
  /** An article's notes (not removed) in reading order. */
  listByArticle(articleId: string): Promise<Note[]>;
  /** Every note (not removed), most recently modified first. */
  listAll(): Promise<Note[]>;
  /**
   * The notes (not removed) a page at a time, at most `limit` stored notes read, removed ones counted but not
   * returned; `total`: the notes not removed. `{ offset }`: listAll's order (newest first) from its `offset`-th
   * note, `next` the following offset — a cursor, each note a step, so for the first notes only. `{ after }`: in
   * the order of their ids, after the id `after` ("" for the first page), `next` the last id read — one getAll
   * per page, the fast way through them all. `next` is null after the last page.
   */
  listPage(from: { offset: number } | { after: string }, limit: number): Promise<NotesPage>;
  /**
   * Writes complete notes (an import) in one transaction: all or nothing. With skipExisting (the default) a
   * note whose id is already stored is skipped; without it, it replaces the stored one. A repeated id in `notes`
   * is skipped either way.
   */
  importMany(notes: Note[], opts?: { skipExisting?: boolean }): Promise<ImportResult>;
  close(): void;
}

/**
 * idb's openDB with its upgrade callback, but on a given factory (openDB always uses the global indexedDB).
 * A failing migration aborts the upgrade, so the database stays at its old version, data intact.
 */
function openDatabase(factory: IDBFactory, name: string, blockedMs: number): Promise<IDBPDatabase<NotesDB>> {
  const request = factory.open(name, DB_VERSION);
  let failure: unknown;
  // An older page that holds the database open and ignores versionchange blocks the upgrade: say so instead of
  // waiting for ever (the request still completes once that page lets go; the next call finds it open).
  const blocked = new Promise<never>((_, reject) => {
    request.addEventListener("blocked", () => {
      setTimeout(
        () =>
          reject(
            new NotesError(
              "blocked",
              "Another Source Annotator page (an older version) keeps your notes open. Close or reload the other pages of the extension, then try again.",
            ),
          ),
        blockedMs,
      );
    });
  });
  request.addEventListener("upgradeneeded", (event) => {
    // The open request's transaction is the versionchange one; idb's types cannot tell.
    const tx = wrap(request.transaction as IDBTransaction) as unknown as VersionChangeTx;
    tx.done.catch(() => undefined); // an aborted upgrade is reported by the open request
    migrate(wrap(request.result), event.oldVersion, tx).catch((e) => {
      failure = e;
      tx.abort();
    });
  });
  const opened = (wrap(request) as Promise<IDBPDatabase<NotesDB>>).catch((e) => {
    throw failure ?? e;
  });
  blocked.catch(() => undefined);
  return Promise.race([opened, blocked]);
}

const count = (n: number) => n.toLocaleString("en-US");

/** Notes kept on an article, not counting those in the trash. */
async function countOn(
  store: IDBPObjectStore<NotesDB, [typeof STORE], typeof STORE, IDBTransactionMode>,
  articleId: string,
): Promise<number> {
  const range = IDBKeyRange.bound([articleId, 0], [articleId, Number.POSITIVE_INFINITY]);
  return (await store.index("reading").getAll(range)).filter((n) => !n.deleted).length;
}

function overLimit(kept: number): NotesError {
  return new NotesError(
    "limit",
    `This article already has ${count(kept)} notes, the most one article can keep (${count(LIMITS.notesPerArticle)}). Delete some to keep more.`,
  );
}

const errorName = (e: unknown) => (typeof e === "object" && e !== null && "name" in e ? String(e.name) : "");

/** Any failure as a NotesError; a full disk shows up as QuotaExceededError on the request or the transaction. */
function toNotesError(e: unknown, txError?: unknown): NotesError {
  if (e instanceof NotesError) return e;
  if (errorName(e) === "QuotaExceededError" || errorName(txError) === "QuotaExceededError")
    return new NotesError(
      "quota",
      "Your notes could not be saved: the browser has no storage space left for Source Annotator. Free some disk space or delete old notes, then try again.",
      { cause: e },
    );
  if (errorName(e) === "VersionError")
    return new NotesError(
      "outdated",
      "A newer version of Source Annotator has updated your notes. Reload this page to see them.",
      { cause: e },
    );
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new NotesError("failed", `The notes database failed (${detail}).`, { cause: e });
}

const notFound = (id: string) =>
  new NotesError("not-found", `There is no note with id ${JSON.stringify(id)}.`);

/** Tags as given, normalised when they are a list of strings (blank ones dropped before validation). */
const tidyTags = (tags: unknown): unknown =>
  Array.isArray(tags) && tags.every((t) => typeof t === "string") ? normaliseTags(tags) : tags;

function invalid(problem: string | null): void {
  if (problem) throw new NotesError("invalid", problem);
}

class IdbNotesStore implements NotesStore {
  #db: Promise<IDBPDatabase<NotesDB>> | null = null;
  #closed = false;

  constructor(
    private readonly factory: IDBFactory,
    private readonly name: string,
    private readonly now: () => Date,
    private readonly blockedMs = 3000,
  ) {}

  /** The open connection, opening it on first use and after a versionchange closed it. */
  connection(): Promise<IDBPDatabase<NotesDB>> {
    if (this.#closed) return Promise.reject(new NotesError("closed", "The notes store is closed."));
    if (!this.#db) {
      const opening = openDatabase(this.factory, this.name, this.blockedMs).then((db) => {
        const drop = () => {
          if (this.#db === opening) this.#db = null;
        };
        db.addEventListener("versionchange", () => {
          db.close();
          drop();
        });
        db.addEventListener("close", drop); // closed by the browser (storage cleared …)
        return db;
      });
      opening.catch(() => {
        if (this.#db === opening) this.#db = null; // retry on the next call
      });
      this.#db = opening;
    }
    return this.#db.catch((e) => Promise.reject(toNotesError(e)));
  }

  /**
   * Runs `fn` in one transaction and resolves once it is committed. If `fn` throws, the transaction is aborted:
   * nothing it wrote stays.
   */
  private async run<M extends IDBTransactionMode, T>(
    mode: M,
    fn: (store: IDBPObjectStore<NotesDB, [typeof STORE], typeof STORE, M>) => Promise<T>,
  ): Promise<T> {
    const db = await this.connection();
    let tx: IDBPTransaction<NotesDB, [typeof STORE], M>;
    try {
      tx = db.transaction(STORE, mode);
    } catch (e) {
      throw this.#closed ? new NotesError("closed", "The notes store is closed.") : toNotesError(e);
    }
    try {
      const [result] = await Promise.all([fn(tx.store), tx.done]);
      return result;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      throw toNotesError(e, tx.error);
    }
  }

  /** Reads a note, lets `change` return its new version, writes it back, all in one transaction. */
  private edit(id: string, change: (note: Note) => Note): Promise<Note> {
    return this.run("readwrite", async (store) => {
      const note = await store.get(id);
      if (!note) throw notFound(id);
      const next = change(note);
      if (next !== note) await store.put(next);
      return next;
    });
  }

  async add(raw: NewNote): Promise<Note> {
    const input = { ...raw, tags: tidyTags(raw?.tags) } as NewNote;
    invalid(newNoteProblem(input));
    const tags = input.tags ?? [];
    const time = this.now().toISOString();
    const { exact, prefix, suffix, start, end } = input.target;
    const note: Note = {
      id: crypto.randomUUID(),
      articleId: input.articleId,
      url: input.url,
      target: { exact, prefix, suffix, start, end },
      body: input.body,
      created: time,
      modified: time,
      ...(input.attachedTo === undefined ? {} : { attachedTo: input.attachedTo }),
      ...(tags.length ? { tags } : {}),
      ...(input.colour === undefined ? {} : { colour: input.colour }),
    };
    await this.run("readwrite", async (store) => {
      const kept = await countOn(store, note.articleId);
      if (kept >= LIMITS.notesPerArticle) throw overLimit(kept);
      return store.add(note);
    });
    return note;
  }

  update(id: string, changes: NoteChanges): Promise<Note> {
    return this.edit(id, (note) => {
      if (note.deleted) throw notFound(id);
      const given = tidyTags(changes?.tags);
      invalid(bodyProblem(changes?.body) ?? tagsProblem(given) ?? colourProblem(changes.colour));
      if (changes.base !== undefined && changes.base !== note.modified)
        throw new NotesError(
          "conflict",
          "This note was changed elsewhere (another sidebar or the notes page) after you began editing it.",
          { current: note },
        );
      const { tags: _old, ...rest } = note;
      const tags = given === undefined ? (note.tags ?? []) : (given as string[]);
      return {
        ...rest,
        body: changes.body,
        ...(tags.length ? { tags } : {}),
        ...(changes.colour === undefined ? {} : { colour: changes.colour }),
        modified: this.now().toISOString(),
      };
    });
  }

  retarget(id: string, target: TextTarget, url: string): Promise<Note> {
    return this.edit(id, (note) => {
      if (note.deleted) throw notFound(id);
      invalid(urlProblem(url) ?? targetProblem(target));
      const { exact, prefix, suffix, start, end } = target;
      return {
        ...note,
        url,
        target: { exact, prefix, suffix, start, end },
        modified: this.now().toISOString(),
      };
    });
  }

  remove(id: string): Promise<Note> {
    return this.edit(id, (note) => (note.deleted ? note : { ...note, deleted: this.now().toISOString() }));
  }

  restore(id: string): Promise<Note> {
    return this.run("readwrite", async (store) => {
      const note = await store.get(id);
      if (!note) throw notFound(id);
      if (!note.deleted) return note;
      const kept = await countOn(store, note.articleId);
      if (kept >= LIMITS.notesPerArticle) throw overLimit(kept);
      const { deleted, ...rest } = note;
      await store.put(rest);
      return rest;
    });
  }

  purgeDeleted(olderThanMs: number): Promise<number> {
    if (!Number.isFinite(olderThanMs) || olderThanMs < 0)
      return Promise.reject(
        new NotesError("invalid", "The age must be a number of milliseconds, 0 or more."),
      );
    const cutoff = new Date(this.now().getTime() - olderThanMs).toISOString();
    return this.run("readwrite", async (store) => {
      const ids = await store.index("deleted").getAllKeys(IDBKeyRange.upperBound(cutoff));
      await Promise.all(ids.map((id) => store.delete(id)));
      return ids.length;
    });
  }

  purge(id: string): Promise<void> {
    return this.run("readwrite", async (store) => {
      const note = await store.get(id);
      if (!note) throw notFound(id);
      if (!note.deleted) throw new NotesError("invalid", "Only a note in the trash can be deleted for good.");
      await store.delete(id);
    });
  }

  async listDeleted(): Promise<Note[]> {
    const notes = await this.run("readonly", (store) => store.index("deleted").getAll());
    return notes.reverse();
  }

  async listTags(): Promise<TagCount[]> {
    const counts = new Map<string, number>();
    await this.run("readonly", async (store) => {
      for (let c = await store.index("tags").openCursor(); c; c = await c.continue())
        if (!c.value.deleted) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    });
    return [...counts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  async listArticleIds(): Promise<string[]> {
    const ids: string[] = [];
    await this.run("readonly", async (store) => {
      // Each step seeks past the article's other notes ("nextunique" walked them all: 0.66 s at 50,000 notes).
      const index = store.index("articleId");
      for (let c = await index.openKeyCursor(); c; c = await c.continue(`${c.key}\u0000`)) ids.push(c.key);
    });
    return ids;
  }

  get(id: string): Promise<Note | undefined> {
    return this.run("readonly", (store) => store.get(id));
  }

  async listByArticle(articleId: string): Promise<Note[]> {
    const range = IDBKeyRange.bound([articleId, 0], [articleId, Number.POSITIVE_INFINITY]);
    const notes = await this.run("readonly", (store) => store.index("reading").getAll(range));
    return notes.filter((n) => !n.deleted);
  }

  async listAll(): Promise<Note[]> {
    const notes = await this.run("readonly", (store) => store.index("modified").getAll());
    return notes.filter((n) => !n.deleted).reverse();
  }

  listPage(from: { offset: number } | { after: string }, limit: number): Promise<NotesPage> {
    const offset = "offset" in from ? from.offset : 0;
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1)
      return Promise.reject(
        new NotesError("invalid", "A page needs a whole offset (0 or more) and limit (1 or more)."),
      );
    return this.run("readonly", async (store) => {
      const total = (await store.count()) - (await store.index("deleted").count());
      if ("after" in from) {
        const read = await store.getAll(from.after ? IDBKeyRange.lowerBound(from.after, true) : null, limit);
        const last = read.length === limit ? (read[read.length - 1] as Note).id : null;
        return { notes: read.filter((n) => !n.deleted), next: last, total };
      }
      const notes: Note[] = [];
      // The "modified" index backwards: newest first, ties by id backwards — listAll's order.
      let c = await store.index("modified").openCursor(null, "prev");
      if (c && offset > 0) c = await c.advance(offset);
      let read = 0;
      for (; c && read < limit; read++, c = await c.continue()) if (!c.value.deleted) notes.push(c.value);
      return { notes, next: c ? offset + read : null, total };
    });
  }

  async importMany(notes: Note[], opts: { skipExisting?: boolean } = {}): Promise<ImportResult> {
    if (!Array.isArray(notes)) throw new NotesError("invalid", "The notes to import must be a list.");
    for (const [i, note] of notes.entries()) {
      const problem = noteProblem(note);
      if (problem) throw new NotesError("invalid", `Note ${i + 1} of ${notes.length}: ${problem}`);
    }
    const skipExisting = opts.skipExisting ?? true;
    return this.run("readwrite", async (store) => {
      const skip = new Set<string>(skipExisting ? await store.getAllKeys() : []);
      // Over the per-article limit, nothing is imported: a file of 50,000 notes on one article would make every
      // load of its page anchor them all.
      const incoming = new Map<string, number>();
      for (const n of new Map(
        notes.filter((n) => !skip.has(n.id) && !n.deleted).map((n) => [n.id, n]),
      ).values())
        incoming.set(n.articleId, (incoming.get(n.articleId) ?? 0) + 1);
      for (const [articleId, n] of incoming) {
        const kept = await countOn(store, articleId);
        if (kept + n > LIMITS.notesPerArticle)
          throw new NotesError(
            "limit",
            `The file has ${count(n)} notes on the article ${articleId}; with the ${count(kept)} already kept that is more than ${count(LIMITS.notesPerArticle)}, the most one article can keep. Nothing was imported.`,
          );
      }
      const writes: Promise<unknown>[] = [];
      // Every put is issued before the next await: a put that throws leaves no window for a partial commit.
      // The puts already issued then fail with AbortError; Promise.all below may never see them, hence the catch.
      for (const note of notes) {
        if (skip.has(note.id)) continue;
        skip.add(note.id);
        const write = store.put(note);
        write.catch(() => undefined);
        writes.push(write);
      }
      await Promise.all(writes);
      return { added: writes.length, skippedDuplicates: notes.length - writes.length };
    });
  }

  close(): void {
    this.#closed = true;
    const db = this.#db;
    this.#db = null;
    db?.then((d) => d.close()).catch(() => undefined);
  }
}

/** Opens (creating or upgrading as needed) the notes database. */
export async function openNotes(opts: OpenOptions = {}): Promise<NotesStore> {
  const factory = opts.factory ?? globalThis.indexedDB;
  if (!factory) throw new NotesError("failed", "IndexedDB is not available here, so notes cannot be kept.");
  const store = new IdbNotesStore(
    factory,
    opts.name ?? DEFAULT_DB_NAME,
    opts.now ?? (() => new Date()),
    opts.blockedMs,
  );
  await store.connection();
  return store;
}
