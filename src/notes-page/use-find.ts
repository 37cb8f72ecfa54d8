// What the reader is looking for on the notes page (search words, article, tag, order) and the notes that match,
// searched in the page's index of the notes already read (src/notes/search-index.ts: no message, no folding of
// every note per keystroke); the matches to mark are found only for the notes shown (NoteItem).
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Note } from "../model/notes";
import { parseQuery } from "../notes/search";
import type { Notes } from "./use-notes";

export type SortKey = "modified-desc" | "modified-asc" | "created-desc" | "created-asc";
export const SORTS: { key: SortKey; label: string }[] = [
  { key: "modified-desc", label: "Last edited, newest first" },
  { key: "modified-asc", label: "Last edited, oldest first" },
  { key: "created-desc", label: "Written, newest first" },
  { key: "created-asc", label: "Written, oldest first" },
];

const SEARCH_DEBOUNCE_MS = 150;

export function useFind(notes: Notes) {
  const { index, edits } = notes;
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  const [articleId, setArticleId] = useState("");
  const [tag, setTag] = useState("");
  const [sort, setSort] = useState<SortKey>("modified-desc");

  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query]);

  const hits = useMemo((): Note[] | null => {
    if (!index) return null;
    const [key, order] = sort.split("-") as ["created" | "modified", "asc" | "desc"];
    return index.search(debounced, {
      sort: key,
      order,
      ...(articleId ? { articleId } : {}),
      ...(tag ? { tag } : {}),
    });
    // edits: the index changed in place
  }, [index, edits, debounced, articleId, tag, sort]);

  /** The folded search terms, to mark in the notes shown. */
  const terms = useMemo(() => parseQuery(debounced), [debounced]);

  /** Every tag on the reader's notes, most used first; and the articles with notes. */
  const { tagCounts, articleIds } = useMemo(() => {
    const counts = new Map<string, { tag: string; count: number }>();
    const ids = new Set<string>();
    for (const n of index?.notes() ?? []) {
      ids.add(n.articleId);
      for (const t of n.tags ?? []) {
        const key = t.toLocaleLowerCase("en");
        const c = counts.get(key) ?? { tag: t, count: 0 };
        c.count++;
        counts.set(key, c);
      }
    }
    return {
      tagCounts: [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
      articleIds: ids,
    };
  }, [index, edits]);

  return {
    query,
    setQuery,
    /** The search words once the reader paused typing. */
    words: debounced,
    articleId,
    setArticleId,
    tag,
    setTag,
    sort,
    setSort,
    hits,
    terms,
    tagCounts,
    articleIds,
    filtered: Boolean(debounced.trim() || articleId || tag),
  };
}

export type Find = ReturnType<typeof useFind>;
