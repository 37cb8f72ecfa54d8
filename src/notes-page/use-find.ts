// What the reader is looking for on the notes page (search words, article, tag, order) and the notes that match,
// searched here in the notes already read: one read of the store per change, not two.
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Note } from "../model/notes";
import { searchNotes } from "../notes/search";

export type SortKey = "modified-desc" | "modified-asc" | "created-desc" | "created-asc";
export const SORTS: { key: SortKey; label: string }[] = [
  { key: "modified-desc", label: "Last edited, newest first" },
  { key: "modified-asc", label: "Last edited, oldest first" },
  { key: "created-desc", label: "Written, newest first" },
  { key: "created-asc", label: "Written, oldest first" },
];

const SEARCH_DEBOUNCE_MS = 150;

export function useFind(all: Note[] | null) {
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  const [articleId, setArticleId] = useState("");
  const [tag, setTag] = useState("");
  const [sort, setSort] = useState<SortKey>("modified-desc");

  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query]);

  const hits = useMemo(() => {
    if (!all) return null;
    const [key, order] = sort.split("-") as ["created" | "modified", "asc" | "desc"];
    return searchNotes(all, debounced, {
      sort: key,
      order,
      ...(articleId ? { articleId } : {}),
      ...(tag ? { tag } : {}),
    });
  }, [all, debounced, articleId, tag, sort]);

  /** Every tag on the reader's notes, most used first. */
  const tagCounts = useMemo(() => {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const n of all ?? [])
      for (const t of n.tags ?? []) {
        const key = t.toLocaleLowerCase("en");
        const c = counts.get(key) ?? { tag: t, count: 0 };
        c.count++;
        counts.set(key, c);
      }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }, [all]);

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
    tagCounts,
    filtered: Boolean(debounced.trim() || articleId || tag),
  };
}

export type Find = ReturnType<typeof useFind>;
