// The notes page's data: the list of articles (for labels) and every note, read from the background a page at a
// time (the newest first, so the list shows them while the rest arrive) into the page's search index. When the
// background says an article's notes changed, only that article's notes are read again; an import (or many
// articles changed at once) reads them all again.
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { LIMITS } from "../model/limits";
import type { NotesPage } from "../model/notes";
import type { NotesOp } from "../model/protocol";
import type { NotesResult } from "../model/replies";
import { NotesIndex } from "../notes/search-index";
import { notesOp } from "../shared/messaging";
import type { ArticleInfo } from "./labels";

async function loadArticles(): Promise<Map<string, ArticleInfo>> {
  const res = await fetch(browser.runtime.getURL("data/articles.json"));
  const list = (await res.json()) as ArticleInfo[];
  return new Map(list.map((a) => [a.id, a]));
}

/** The first page is small, so the newest notes show at once; the rest come in pages of LIMITS.notesPage. */
const FIRST_PAGE = 500;
/** More articles than this changed at once (an import elsewhere): read every note again. */
const ARTICLES_READ_ONE_BY_ONE = 20;

export interface NotesState {
  /** The notes read so far (null before the first page). */
  index: NotesIndex | null;
  /** All notes have been read. */
  complete: boolean;
  /** The notes kept, as the background counted them. */
  total: number;
}

export function useNotes() {
  const [articles, setArticles] = useState<Map<string, ArticleInfo>>(new Map());
  const [state, setState] = useState<NotesState>({ index: null, complete: false, total: 0 });
  /** Bumped whenever the notes may have changed (the trash reads itself again). */
  const [version, setVersion] = useState(0);
  /** Bumped to read every note again. */
  const [reads, setReads] = useState(0);
  /** Bumped whenever the index changed in place. */
  const [edits, setEdits] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The index being read or shown, for the changes to go into. */
  const current = useRef<NotesIndex | null>(null);
  /** Articles whose notes changed, not yet read again; and whether they are being read. */
  const pending = useRef(new Set<string>());
  const flushing = useRef(false);

  // The changed articles' notes read again, until none is left (those told of meanwhile in the next round: an
  // import tells of each of its articles); everything read again when many changed at once. No timer and no
  // effect: a page in a background tab (timers slowed to a second) follows at once.
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      while (pending.current.size) {
        const ids = [...pending.current];
        pending.current.clear();
        const index = current.current;
        if (!index || ids.length > ARTICLES_READ_ONE_BY_ONE) {
          setReads((n) => n + 1);
          continue;
        }
        for (const articleId of ids) {
          const r = await notesOp({ op: "list", articleId });
          if (!r.ok) {
            setReads((n) => n + 1);
            break;
          }
          const kept = new Set(r.value.map((n) => n.id));
          index.remove(
            index
              .notes()
              .filter((n) => n.articleId === articleId && !kept.has(n.id))
              .map((n) => n.id),
          );
          index.add(r.value);
        }
        setState((st) => ({ ...st, total: st.index === index && st.complete ? index.size : st.total }));
        setEdits((e) => e + 1);
      }
    } finally {
      flushing.current = false;
    }
  }, []);

  useEffect(() => {
    loadArticles()
      .then(setArticles)
      .catch(() => setLoadError("The list of articles could not be read; notes are shown by article id."));
    const onMessage = (m: unknown) => {
      const msg = m as { type?: unknown; articleId?: unknown } | null;
      if (msg?.type === "notes-changed" && typeof msg.articleId === "string") {
        pending.current.add(msg.articleId);
        setVersion((v) => v + 1);
        void flush();
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [flush]);

  // Every note, a page at a time, into a new index: the newest first (shown at once), then all of them by id in
  // large pages (the newest again among them: the index keeps one per id).
  useEffect(() => {
    let stale = false;
    const index = new NotesIndex();
    current.current = index;
    void (async () => {
      let from: { offset: number } | { after: string } | null = { offset: 0 };
      while (from && !stale) {
        const first: boolean = "offset" in from;
        const r: NotesResult<NotesPage> = await notesOp({
          op: "page",
          ...from,
          limit: first ? FIRST_PAGE : LIMITS.notesPage,
        } as NotesOp & { op: "page" });
        if (stale) return;
        if (!r.ok) {
          setLoadError(`Your notes could not be read: ${r.message}`);
          return;
        }
        index.add(r.value.notes);
        const { next, total }: NotesPage = r.value;
        // A first page that holds every note ends the reading.
        from = first
          ? next === null
            ? null
            : { after: "" }
          : typeof next === "string"
            ? { after: next }
            : null;
        setState({ index, complete: from === null, total });
        // The list and the search see the first page and the whole; the pages between only move the progress
        // (each would sort and search the growing index again).
        if (first || from === null) setEdits((e) => e + 1);
        setLoadError(null);
      }
    })();
    return () => {
      stale = true;
    };
  }, [reads]);

  const all = useMemo(() => ({ ...state, edits }), [state, edits]);
  return { articles, notes: all, version, loadError, reload: () => setReads((n) => n + 1) };
}

export type Notes = ReturnType<typeof useNotes>["notes"];
