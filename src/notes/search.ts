// Full-text search over notes: each note's body and the passage it is on (target.exact).
//
// Text and query are folded the same way: lowercase, accents and other marks removed (NFKD), compatibility
// forms unified ("ﬁ" → "fi"), apostrophes dropped ("Qaddafi's" → "qaddafis"), and every other run of
// characters that are not letters or digits made one space. So "Abdul-Jalil", "abdul jalil" and "ABDUL JALÍL"
// are the same text, and a hyphenated query word is a two-word phrase.
// The query is a list of terms — words, and "quoted phrases" (straight or curly quotes) — and a note matches
// when every term occurs in its body or its passage (AND). A term matches anywhere, even inside a word
// ("libya" finds "Libyan"). An empty query matches every note. A note's tags are searched too ("#council" and
// "council" find the tag "Council"), and `tag` keeps only the notes with that tag (any case).
import type { Note } from "../model/notes";

export interface SearchOptions {
  /** Only this article's notes. */
  articleId?: string;
  /** Only the notes with this tag (compared without case). */
  tag?: string;
  /** Default: "modified". */
  sort?: "created" | "modified";
  /** Default: "desc" (newest first). */
  order?: "asc" | "desc";
}

/** A span of the original (unfolded) string: [start, end) in UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

/** A matching note, with where the terms are, for highlighting. Ranges are sorted and never overlap. */
export interface SearchHit {
  note: Note;
  body: TextRange[];
  exact: TextRange[];
}

/** A folded string; folded code unit i comes from original[from[i], to[i]). */
export interface Folded {
  text: string;
  from: number[];
  to: number[];
}

const APOSTROPHES = new Set(["'", "\u2018", "\u2019", "\u02bc", "`", "\u00b4"]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

/** One code point folded (see the top of the file), with " " for each character that separates words. */
function foldChar(cp: string): string {
  if (APOSTROPHES.has(cp)) return "";
  const plain = cp.normalize("NFKD").replace(MARKS, "").toLowerCase();
  return [...plain].map((ch) => (LETTER_OR_DIGIT.test(ch) ? ch : " ")).join("");
}

const ASCII = Array.from({ length: 0x80 }, (_, c) => foldChar(String.fromCharCode(c)));
/** Folded non-ASCII code points, each computed once (there are only so many in notes). */
const CACHE = new Map<string, string>();

/** `s` folded for matching, with the map from each folded code unit back to `s`. */
export function fold(s: string): Folded {
  let text = "";
  const from: number[] = [];
  const to: number[] = [];
  let space = false; // a space is due before the next letter
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const j = pair ? i + 2 : i + 1;
    let folded = ASCII[c];
    if (folded === undefined) {
      const cp = s.slice(i, j);
      folded = CACHE.get(cp) ?? foldChar(cp);
      CACHE.set(cp, folded);
    }
    for (const unit of folded) {
      if (unit === " ") {
        space = text.length > 0;
        continue;
      }
      if (space) {
        text += " ";
        from.push(i);
        to.push(i);
        space = false;
      }
      // A folded character outside the BMP takes two code units, each mapped to the whole code point.
      for (let k = 0; k < unit.length; k++) {
        text += unit[k];
        from.push(i);
        to.push(j);
      }
    }
    i = j;
  }
  return { text, from, to };
}

/** The folded terms of a query: quoted phrases and bare words, without repeats or empty ones. */
export function parseQuery(query: string): string[] {
  const terms = new Set<string>();
  for (const m of query.matchAll(
    /["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)["\u201c\u201d\u201e]?|[^\s"\u201c\u201d\u201e]+/g,
  )) {
    const term = fold(m[1] ?? m[0]).text;
    if (term) terms.add(term);
  }
  return [...terms];
}

/** Sorted ranges with overlapping or touching ones joined. */
function merge(ranges: TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const r of ranges.sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Where `term` occurs in `f`, as ranges of the original string. */
function occurrences(f: Folded, term: string): TextRange[] {
  const found: TextRange[] = [];
  for (let at = f.text.indexOf(term); at >= 0; at = f.text.indexOf(term, at + term.length))
    found.push({ start: f.from[at] as number, end: f.to[at + term.length - 1] as number });
  return found;
}

/** The hit for `note` if every term occurs in its body or passage, else null. */
export function matchNote(note: Note, terms: string[]): SearchHit | null {
  const body = fold(note.body);
  const exact = fold(note.target.exact);
  const tags = note.tags?.length ? note.tags.map((t) => fold(t).text) : [];
  const hit: SearchHit = { note, body: [], exact: [] };
  for (const term of terms) {
    const inBody = occurrences(body, term);
    const inExact = occurrences(exact, term);
    if (inBody.length === 0 && inExact.length === 0 && !tags.some((t) => t.includes(term))) return null;
    hit.body.push(...inBody);
    hit.exact.push(...inExact);
  }
  hit.body = merge(hit.body);
  hit.exact = merge(hit.exact);
  return hit;
}

/** The notes matching `query`, sorted; ties in date go by id, so the order is stable. */
export function searchNotes(notes: Note[], query: string, opts: SearchOptions = {}): SearchHit[] {
  const terms = parseQuery(query);
  const key = opts.sort ?? "modified";
  const sign = opts.order === "asc" ? 1 : -1;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byKey = (a: SearchHit, b: SearchHit) =>
    sign * (cmp(a.note[key], b.note[key]) || cmp(a.note.id, b.note.id));
  const tag = opts.tag?.toLocaleLowerCase("en");
  return notes
    .filter((n) => opts.articleId === undefined || n.articleId === opts.articleId)
    .filter((n) => tag === undefined || (n.tags ?? []).some((t) => t.toLocaleLowerCase("en") === tag))
    .map((n) => matchNote(n, terms))
    .filter((h): h is SearchHit => h !== null)
    .sort(byKey);
}
