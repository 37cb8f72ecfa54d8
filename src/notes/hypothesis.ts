// Import from Hypothesis (https://web.hypothes.is/): the two files a Hypothesis user has.
//   - The client's export ("Export annotations" in the sidebar): { export_date, export_userid, client_version,
//     annotations: [...] }.
//   - A result of the API's search (GET /api/search): { total, rows: [...] }.
// Each annotation (the API's annotation object): id, uri, text (the note), tags, created, updated, references (a
// reply's thread), target: [{ source, selector: [TextQuoteSelector, TextPositionSelector, RangeSelector …] }],
// links.html (its address on hypothes.is).
//
// An annotation becomes a note when it is on a known article (its uri or target source is one of the article's
// addresses, compared without scheme, "www.", fragment or trailing slash; with the query, then without) and
// selects a passage (a TextQuoteSelector); the passage is found in the page by its quote and context, as every
// note is, and the position (Hypothesis counts in its own reading of the page) is only a hint. Its id is its
// hypothes.is address, so importing the same file twice adds nothing. Everything else is reported, with the
// reason: page notes (no passage), replies, highlights without text, annotations on other pages.

import type { Note, ParsedImport, Rejection } from "../model/notes";
import { normaliseTags, noteProblem } from "./validate";

/** What the import needs to know of an article: its id and its addresses. */
export interface KnownArticle {
  id: string;
  urls: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The annotations of a Hypothesis file, or null when `doc` is not one. */
export function hypothesisItems(doc: unknown): unknown[] | null {
  if (!isObj(doc)) return null;
  if (Array.isArray(doc.annotations) && ("export_date" in doc || "client_version" in doc))
    return doc.annotations;
  if (Array.isArray(doc.rows) && !("type" in doc)) return doc.rows;
  return null;
}

/** An address as compared: scheme, "www.", fragment and a trailing slash removed; `withQuery` keeps the query. */
function addressKey(url: string, withQuery: boolean): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const path = u.pathname.replace(/\/+$/, "");
  return `${host}${path}${withQuery ? u.search : ""}`;
}

/** Looks up an article by any of its addresses. */
export function articleFinder(articles: readonly KnownArticle[]): (url: string) => string | undefined {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const a of articles)
    for (const url of a.urls) {
      const k = addressKey(url, true);
      const l = addressKey(url, false);
      if (k && !exact.has(k)) exact.set(k, a.id);
      if (l && !loose.has(l)) loose.set(l, a.id);
    }
  return (url) => {
    const k = addressKey(url, true);
    const l = addressKey(url, false);
    return (k && exact.get(k)) || (l && loose.get(l)) || undefined;
  };
}

class Skipped extends Error {}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
function time(v: unknown, what: string, fallback: string): string {
  if (v === undefined) return fallback;
  if (typeof v !== "string" || !RFC3339.test(v) || Number.isNaN(Date.parse(v)))
    throw new Skipped(`its ${what} time is not an ISO 8601 date-time.`);
  return new Date(v).toISOString();
}

const short = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

function noteFrom(a: unknown, find: (url: string) => string | undefined, now: string): Note {
  if (!isObj(a)) throw new Skipped("it is not an annotation.");
  if (typeof a.id !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(a.id))
    throw new Skipped("it has no Hypothesis id.");
  if (Array.isArray(a.references) && a.references.length > 0)
    throw new Skipped("it is a reply to another annotation (replies are not notes on a passage).");
  const targets = Array.isArray(a.target) ? a.target : [];
  const target = targets.find(isObj);
  const selectors = target && Array.isArray(target.selector) ? target.selector.filter(isObj) : [];
  if (selectors.length === 0)
    throw new Skipped("it is a page note: it is on the whole page, with no passage selected.");
  const quote = selectors.find((s) => s.type === "TextQuoteSelector");
  if (!quote || typeof quote.exact !== "string")
    throw new Skipped("it selects no text (no TextQuoteSelector), so its passage cannot be found.");
  const uri = typeof a.uri === "string" ? a.uri : "";
  const source = typeof target?.source === "string" ? target.source : "";
  // The note's page: whichever of the two addresses is a known article's.
  const byUri = find(uri);
  const articleId = byUri ?? find(source);
  const page = byUri ? uri : source;
  if (!articleId)
    throw new Skipped(
      `it is on ${short(uri || source || "an unknown page")}, which is not an article Source Annotator knows.`,
    );
  const text = typeof a.text === "string" ? a.text : "";
  if (!text.trim()) throw new Skipped("it is a highlight without a note (no text).");
  const position = selectors.find((s) => s.type === "TextPositionSelector");
  const exact = quote.exact;
  const start =
    position && Number.isSafeInteger(position.start) && (position.start as number) >= 0
      ? (position.start as number)
      : 0;
  const end =
    position && Number.isSafeInteger(position.end) ? (position.end as number) : start + exact.length;
  const tags = normaliseTags(
    (Array.isArray(a.tags) ? a.tags : [])
      .filter((t): t is string => typeof t === "string")
      .map((t) => t.replace(/[,\r\n\t]/g, " ")),
  );
  const html = isObj(a.links) && typeof a.links.html === "string" ? a.links.html : "";
  const created = time(a.created, "creation", now);
  const note: Note = {
    id: /^https:\/\/[^\s]+$/.test(html) ? html : `https://hypothes.is/a/${a.id}`,
    articleId,
    url: page,
    target: {
      exact,
      prefix: typeof quote.prefix === "string" ? quote.prefix : "",
      suffix: typeof quote.suffix === "string" ? quote.suffix : "",
      start,
      end: end > start ? end : start + Math.max(1, exact.length),
    },
    body: text,
    created,
    modified: time(a.updated, "update", created),
    ...(tags.length ? { tags } : {}),
  };
  const problem = noteProblem(note);
  if (problem) throw new Skipped(problem);
  return note;
}

/** The notes of a Hypothesis file's annotations, and why each other one was left out. Never throws. */
export function parseHypothesis(
  items: unknown[],
  articles: readonly KnownArticle[],
  opts: { now?: Date } = {},
): ParsedImport {
  const find = articleFinder(articles);
  const now = (opts.now ?? new Date()).toISOString();
  const notes: Note[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    try {
      const note = noteFrom(item, find, now);
      const earlier = seen.get(note.id);
      if (earlier !== undefined) throw new Skipped(`it has the same id as item ${earlier + 1}.`);
      seen.set(note.id, index);
      notes.push(note);
    } catch (e) {
      rejected.push({
        index,
        reason: e instanceof Skipped ? e.message : `it could not be read (${String(e)}).`,
      });
    }
  }
  return { notes, rejected };
}
