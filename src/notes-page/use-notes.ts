// The notes page's data: the list of articles (for labels) and every note, read again whenever the background
// says the notes changed (or the page asks, after an import).
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import type { Note } from "../model/notes";
import { notesOp } from "../shared/messaging";
import type { ArticleInfo } from "./labels";

async function loadArticles(): Promise<Map<string, ArticleInfo>> {
  const res = await fetch(browser.runtime.getURL("data/articles.json"));
  const list = (await res.json()) as ArticleInfo[];
  return new Map(list.map((a) => [a.id, a]));
}

export function useNotes() {
  const [articles, setArticles] = useState<Map<string, ArticleInfo>>(new Map());
  const [all, setAll] = useState<Note[] | null>(null);
  /** Bumped whenever the notes may have changed. */
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    loadArticles()
      .then(setArticles)
      .catch(() => setLoadError("The list of articles could not be read; notes are shown by article id."));
    const onMessage = (m: unknown) => {
      if ((m as { type?: unknown } | null)?.type === "notes-changed") setVersion((v) => v + 1);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  useEffect(() => {
    void notesOp({ op: "all" }).then((r) => {
      if (r.ok) {
        setAll(r.value);
        setLoadError(null);
      } else setLoadError(`Your notes could not be read: ${r.message}`);
    });
  }, [version]);

  return { articles, all, version, loadError, reload: () => setVersion((v) => v + 1) };
}
