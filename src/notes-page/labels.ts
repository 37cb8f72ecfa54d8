// How the notes page names things: articles, counts, dates and where a note's passage opens.

import { withTextFragment } from "../anchoring/fragment";
import type { Note } from "../model/notes";

/** One entry of data/articles.json. */
export interface ArticleInfo {
  id: string;
  publisher: string;
  headline?: string;
  urls: string[];
  dateLabel: string;
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** "22 Nov 2026, 09:14", in the reader's time zone. */
export const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });

export const articleLabel = (id: string, a: ArticleInfo | undefined) =>
  a ? (a.headline ? `${a.publisher}: “${a.headline}”` : `${a.publisher}, ${a.dateLabel}`) : id;

/** Where "Open in the article" goes: the article's known address (https first), else the note's own page. */
export function passageLink(note: Note, article: ArticleInfo | undefined): string | null {
  const base = article?.urls.find((u) => u.startsWith("https:")) ?? article?.urls[0] ?? note.url;
  return /^https?:\/\//i.test(base) ? withTextFragment(base, note.target.exact) : null;
}
