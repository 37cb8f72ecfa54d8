// DOM-free core of anchoring: text normalisation with an offset map, and quote matching.
//
// Normalisation (`normalize`) turns text into a comparable form:
//   - curly, low-9, prime, backtick and acute single quotes → '   and   curly, low-9, double-prime and guillemet
//     double quotes → "
//   - every dash (hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus, …) → "-", and whitespace
//     touching a dash is dropped ("a — b", "a—b" and "a - b" all become "a-b")
//   - "…" → "..."
//   - every run of whitespace (NBSP, thin and other Unicode spaces, line breaks, tabs …) → one " "
//   - zero-width characters, BOM and soft hyphens are removed
//   - optionally, lowercase (per character, never changing the length)
// `sourceIndex(norm, i)` is the index in the original string of normalised character i (text.length → the original
// length), from the list of the changes of length normalisation made.
//
// Matching (`matchQuote`, `matchNormalized`), in the spirit of Hypothesis's match-quote.ts:
//   1. exact: every occurrence of the normalised quote; the best by score (below), ties by expected position.
//   2. fuzzy: approx-string-match (Myers) with maxErrors = min(32, length/5), only in windows around verbatim
//      pieces of the quote ("seeds", see seedWindows), which keeps it far below a full scan per quote.
//   3. chunked, for quotes over 256 characters and quotes the fuzzy search finds poorly: the quote is cut into
//      ≤64-character chunks (at paragraph breaks first) that are found in order with up to 2000 characters of
//      anything between them — an ad or "related" box between paragraphs, a paragraph split or joined. The match
//      spans from the first chunk to the last, interruptions included.
// Each candidate is scored (50 × quote similarity + 20 × prefix agreement + 20 × suffix agreement) / 90, where
// quote similarity is 1 - errors/length (or the share of chunk characters found), and the context agreements are
// 1 - edit distance/length of the 32 characters next to the candidate. The expected position only breaks ties.
// With an expected position, fuzzy search first looks within 10,000 characters of it.
import approxSearch from "approx-string-match";
import type { TextTarget } from "../model/dataset";
import type { PreparedQuote } from "../model/protocol";

export interface NormalizedText {
  /** The string that was normalised. */
  source: string;
  /** Its comparable form. */
  text: string;
  lowercase: boolean;
  /** The changes of length, in order (see sourceIndex): where each starts in `text` and in `source`, how long it
   *  is on each side, and the source index of each of its output characters. */
  edits: { at: number; from: number; length: number; sourceLength: number; sources: number[] }[];
}

// The characters normalisation treats specially. Whitespace, invisible characters and dashes are the only ones
// that change the text's length; everything else maps one to one.
const SPACES =
  "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
const DROPS = "\u00ad\u200b\u200c\u200d\u2060\ufeff";
const DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d";
const FOLDS: Record<string, string> = { "\u03c2": "\u03c3" }; // final sigma: see below
for (const ch of "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc`\u00b4") FOLDS[ch] = "'";
for (const ch of "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02") FOLDS[ch] = '"';
// Final sigma: a whole string lowercases a word-final Σ to ς, a lone character to σ (and lowerSameLength does one
// or the other depending on the rest of the text): both fold to σ so a quote and its page always agree.
const classOf = (chars: string) => `[${chars.replace(/[\]\\^-]/g, "\\$&")}]`;
const FOLD_RE = new RegExp(classOf(Object.keys(FOLDS).join("")), "g");
const SEPARATOR = classOf(SPACES + DROPS + DASHES);
/** A run of whitespace, invisible characters and dashes — except a lone space or hyphen, which stays as it is —
 *  or an ellipsis. */
const EDIT_RE = new RegExp(`(?![ \\-](?!${SEPARATOR}))${SEPARATOR}+|\u2026`, "g");

/**
 * What a run of separators becomes: its dashes as "-" (the whitespace around them dropped), else one space if it
 * has whitespace, else nothing (invisible characters only); an ellipsis becomes "...". `sources` gets the source
 * index of each output character.
 */
function editRun(run: string, at: number, sources: number[]): string {
  if (run === "\u2026") {
    sources.push(at, at, at);
    return "...";
  }
  let out = "";
  let space = -1;
  for (let k = 0; k < run.length; k++) {
    const ch = run[k] as string;
    if (DASHES.includes(ch)) {
      out += "-";
      sources.push(at + k);
    } else if (space < 0 && SPACES.includes(ch)) space = at + k;
  }
  if (out || space < 0) return out;
  sources.push(space);
  return " ";
}

/** Lowercase without changing the length (characters whose lowercase form is longer are kept as they are). */
function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

/** The one-to-one part: lowercase (optionally) and the quote and sigma folds. */
const folded = (input: string, lowercase: boolean) =>
  (lowercase ? lowerSameLength(input) : input).replace(FOLD_RE, (ch) => FOLDS[ch] as string);

/**
 * Normalise `input` to its comparable form, keeping what maps it back to `input` offsets. The browser's string
 * functions do the work (a few passes of lowercase and regular expressions); JavaScript runs only for each
 * change of length, not for each character — which keeps a page's first anchoring fast before its code is
 * optimised.
 */
export function normalize(input: string, opts: { lowercase?: boolean } = {}): NormalizedText {
  const lowercase = opts.lowercase ?? false;
  const edits: NormalizedText["edits"] = [];
  let shift = 0; // text offset − source offset after the edits so far
  const text = folded(input, lowercase).replace(EDIT_RE, (run: string, from: number) => {
    const sources: number[] = [];
    const out = editRun(run, from, sources);
    edits.push({ at: from + shift, from, length: out.length, sourceLength: run.length, sources });
    shift += out.length - run.length;
    return out;
  });
  return { source: input, text, lowercase, edits };
}

/** The comparable form only (no map back). */
export function normalizeText(input: string, lowercase = false): string {
  return folded(input, lowercase).replace(EDIT_RE, (run: string, from: number) => editRun(run, from, []));
}

/** Index in `norm.source` of the normalised character `i` (`norm.text.length` → `norm.source.length`). */
export function sourceIndex(norm: NormalizedText, i: number): number {
  const { edits } = norm;
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edits[mid] as NormalizedText["edits"][number]).at <= i) lo = mid + 1;
    else hi = mid;
  }
  const e = edits[lo - 1];
  if (!e) return i;
  const inside = i - e.at;
  return inside < e.length ? (e.sources[inside] as number) : e.from + e.sourceLength + inside - e.length;
}

/** Map a normalised span back to the original string: [start, end) of the characters it came from. */
export function toSource(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = start < norm.text.length ? sourceIndex(norm, start) : norm.source.length;
  const e = end > start ? sourceIndex(norm, end - 1) + 1 : s;
  return { start: s, end: e };
}

/** Map an original offset to the normalised text (the first normalised character at or after it). */
export function fromSource(norm: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sourceIndex(norm, mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type MatchMethod = "exact" | "fuzzy";

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1: weighted agreement of quote (50), prefix (20) and suffix (20). */
  score: number;
  method: MatchMethod;
}

export interface MatchOptions {
  /** Compare case-insensitively (when `text` is a string; a NormalizedText keeps its own setting). Default true. */
  lowercase?: boolean;
  /** Expected start of the quote, as an offset into the text. */
  hint?: number;
  /** Length of the text target.start/end refer to: without `hint`, target.start scaled by the length ratio is the hint. */
  sourceLength?: number;
  /** Below this score a fuzzy match is rejected (exact matches are always kept). Default 0.5. */
  minScore?: number;
}

/** Quotes longer than this (normalised) are matched chunk by chunk rather than in one approximate search. */
export const LONG_QUOTE = 256;
/** Chunk length for chunked matching. */
export const CHUNK = 64;
/** Most text (ads, "related" boxes) allowed between two consecutive chunks of a quote. */
export const MAX_GAP = 2000;
/** Most text allowed inside a quote of one chunk (an inline ad, a "read more" link), and the least of each half. */
const SHORT_GAP = 300;
const MIN_HALF = 12;
const MAX_CANDIDATES = 1000;
const MAX_SEEDS = 30;
/** Fuzzy search looks within this many characters of the expected position first… */
const REGION = 10_000;
/** …and stops there when it finds a match scoring at least this. */
const LOCAL_OK = 0.8;

// Score weights (as in Hypothesis): the quote counts most, then each side of its context.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX;
/** Scores closer than this are a tie, broken by position (≈ one character of 32 of context). */
const TIE = 0.01;
/** A fuzzy match must have at least this share of the quote (1 - errors/length, or chunk characters found). */
const MIN_QUOTE = 0.75;

/** The text compared with a context runs this many characters past the context's length (insertions). */
const SLACK = 8;

/** Pattern bit masks by character code for the bit-parallel distance (entries are reset after each use). */
let peq: Int32Array | null = null;
let row = new Int32Array(0);

/** The (at most 64) characters of context right after `at` (dir 1) or right before it (dir -1) are verbatim there. */
function contextVerbatim(text: string, at: number, context: string, dir: 1 | -1): boolean {
  const m = Math.min(context.length, 64);
  return dir === 1
    ? text.startsWith(context.slice(0, m), at)
    : at >= m && text.startsWith(context.slice(context.length - m), at - m);
}

/**
 * Edit distance of the context's first m characters next to a candidate (its last m, read backwards, for dir -1)
 * against the text read outwards from `at` (onwards for dir 1, backwards for dir -1), for the best of the text's
 * first 0…n characters (the far end is free). Myers' bit-parallel algorithm (in Hyyrö's formulation, with the
 * text's start anchored: the top row grows by one per text character) for up to 32 characters of context — one
 * word per text character instead of a row of cells — else the plain dynamic programme.
 */
function anchoredDistance(
  context: string,
  m: number,
  text: string,
  at: number,
  n: number,
  dir: 1 | -1,
): number {
  const ctxAt = (i: number) => context.charCodeAt(dir === 1 ? i : context.length - 1 - i);
  const textAt = (j: number) => text.charCodeAt(dir === 1 ? at + j : at - 1 - j);
  let best = m;
  if (m <= 32) {
    peq ??= new Int32Array(65536);
    for (let i = 0; i < m; i++) peq[ctxAt(i)] = (peq[ctxAt(i)] as number) | (1 << i);
    const high = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let j = 0; j < n; j++) {
      const eq = peq[textAt(j)] as number;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    for (let i = 0; i < m; i++) peq[ctxAt(i)] = 0;
    return best;
  }
  if (row.length < n + 1) row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = ctxAt(i - 1);
    let diag = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const up = row[j] as number;
      row[j] = Math.min(up + 1, (row[j - 1] as number) + 1, diag + (pc === textAt(j - 1) ? 0 : 1));
      diag = up;
    }
  }
  for (let j = 0; j <= n; j++) best = Math.min(best, row[j] as number);
  return best;
}

/**
 * Agreement 0..1 of a context string with the page text next to a candidate: 1 - edit distance / length, with
 * the context aligned to start right at `at` (dir 1, a suffix) or to end right at it (dir -1, a prefix, compared
 * backwards). The far end is free, so text inserted right next to the quote costs what it displaces, no more.
 * At most 64 characters of context are compared; an empty context agrees (1).
 */
export function contextSimilarity(text: string, at: number, context: string, dir: 1 | -1): number {
  if (contextVerbatim(text, at, context, dir)) return 1;
  const m = Math.min(context.length, 64);
  const n = dir === 1 ? Math.min(m + SLACK, text.length - at) : Math.min(m + SLACK, at);
  if (n <= 0) return 0;
  return 1 - anchoredDistance(context, m, text, at, n, dir) / m;
}

export function prepareQuote(target: TextTarget, lowercase: boolean): PreparedQuote {
  const norm = (s: string) => normalizeText(s, lowercase);
  const exact = target.exact.trim();
  const quote = norm(exact).trim();
  const breaks = exact.includes("\n");
  // Whitespace trimmed off the quote belongs to its context: a candidate starts at the quote's first character,
  // and what comes right before it is the prefix and that whitespace.
  const lead = target.exact.slice(0, target.exact.length - target.exact.trimStart().length);
  const trail = target.exact.slice(lead.length + exact.length);
  return {
    quote,
    prefix: norm(target.prefix + lead).trimStart(),
    suffix: norm(trail + target.suffix).trimEnd(),
    paragraphs: breaks
      ? target.exact
          .split(/\s*\n\s*/)
          .map((p) => norm(p).trim())
          .filter((p) => p.length > 0)
      : [quote],
  };
}

/** All start offsets of `pattern` in `text`. */
export function exactOccurrences(text: string, pattern: string): number[] {
  const out: number[] = [];
  for (
    let i = text.indexOf(pattern);
    i !== -1 && out.length < MAX_CANDIDATES;
    i = text.indexOf(pattern, i + 1)
  ) {
    out.push(i);
  }
  return out;
}

interface Candidate {
  start: number;
  end: number;
  /** Quote similarity 0..1. */
  quote: number;
}

/** Agreement of a candidate with the quote and its context, 0..1 (position is only a tie-breaker, see `best`). */
function score(text: string, q: PreparedQuote, c: Candidate): number {
  const prefix = contextSimilarity(text, c.start, q.prefix, -1);
  const suffix = contextSimilarity(text, c.end, q.suffix, 1);
  return (W_QUOTE * c.quote + W_PREFIX * prefix + W_SUFFIX * suffix) / W_TOTAL;
}

/**
 * The best candidate: highest score; candidates within TIE of the best are told apart by closeness to the
 * expected position (when there is one), else the first in the text wins.
 */
function best(text: string, q: PreparedQuote, cands: Candidate[], hint: number | undefined) {
  // A verbatim occurrence with both contexts verbatim scores 1, the most any candidate can: when there are such,
  // the others need no edit distances (a name mentioned forty times is placed by its context in one pass).
  const perfect = cands.filter(
    (c) =>
      c.quote === 1 &&
      contextVerbatim(text, c.start, q.prefix, -1) &&
      contextVerbatim(text, c.end, q.suffix, 1),
  );
  if (perfect.length) cands = perfect;
  const scored = cands.map((c) => ({ ...c, score: score(text, q, c) }));
  let top: (Candidate & { score: number }) | null = null;
  for (const c of scored) if (!top || c.score > top.score) top = c;
  if (!top || hint === undefined) return top;
  const floor = top.score - TIE;
  for (const c of scored) {
    if (c.score >= floor && Math.abs(c.start - hint) < Math.abs(top.start - hint)) top = c;
  }
  return top;
}

/** Shortest seed piece for the fuzzy search filter, and most pieces per pattern. */
const SEED = 8;
const MAX_PIECES = 8;
/** A piece found more often than this says little about where the quote is: it is not used as a seed. */
const MAX_PIECE_HITS = 100;
/** Most windows verified by the approximate search for one pattern. */
const MAX_WINDOWS = 16;

/** A region of the text to verify with the approximate search, and how many pattern pieces were found in it. */
interface Window {
  from: number;
  to: number;
  hits: number;
}

/**
 * Filter for the fuzzy search: cut the pattern into P pieces (P ≤ maxErrors + 1, at least SEED characters each,
 * at most MAX_PIECES). An occurrence with fewer than P errors contains one piece verbatim (pigeonhole), so only
 * the text around exact piece hits needs the approximate search; with more errors it is found when one piece is
 * intact. Returns the merged windows, or null when they cover so much text that one full scan is cheaper.
 */
function seedWindows(text: string, pattern: string, maxErrors: number): Window[] | null {
  const pieces = Math.max(1, Math.min(maxErrors + 1, Math.floor(pattern.length / SEED), MAX_PIECES));
  const size = Math.floor(pattern.length / pieces);
  const starts: number[] = [];
  for (let p = 0; p < pieces; p++) {
    const off = p * size;
    const piece = pattern.slice(off, p === pieces - 1 ? pattern.length : off + size);
    const hits: number[] = [];
    for (
      let i = text.indexOf(piece);
      i !== -1 && hits.length <= MAX_PIECE_HITS;
      i = text.indexOf(piece, i + 1)
    ) {
      hits.push(i - off);
    }
    if (hits.length <= MAX_PIECE_HITS) starts.push(...hits);
  }
  starts.sort((a, b) => a - b);
  const windows: Window[] = [];
  let covered = 0;
  for (const s of starts) {
    const from = Math.max(0, s - maxErrors);
    const to = Math.min(text.length, s + pattern.length + maxErrors);
    const last = windows[windows.length - 1];
    if (last && from <= last.to) {
      covered += Math.max(0, to - last.to);
      last.to = Math.max(last.to, to);
      last.hits++;
    } else {
      windows.push({ from, to, hits: 1 });
      covered += to - from;
    }
  }
  return covered > text.length / 4 ? null : windows;
}

/**
 * Approximate occurrences of `pattern` with up to ~20% errors (at most 32, which keeps Myers' search linear).
 * Searched in the windows around seed hits (see seedWindows) — at most MAX_WINDOWS of them, those with the most
 * pieces found first, then those nearest the expected position — or in the whole text when hits are everywhere.
 */
function fuzzyOccurrences(text: string, pattern: string, hint?: number): Candidate[] {
  const maxErrors = Math.min(32, Math.floor(pattern.length / 5));
  if (maxErrors < 1) return [];
  let windows = seedWindows(text, pattern, maxErrors) ?? [{ from: 0, to: text.length, hits: 0 }];
  if (windows.length > MAX_WINDOWS) {
    const near = (w: Window) => (hint === undefined ? 0 : Math.abs(w.from - hint));
    windows = windows.sort((x, y) => y.hits - x.hits || near(x) - near(y)).slice(0, MAX_WINDOWS);
  }
  const out: Candidate[] = [];
  for (const { from, to } of windows) {
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    let lastEnd = -1;
    // Matches come in runs of overlapping spans with the same error count: keep the first of each run.
    for (const m of approxSearch(slice, pattern, maxErrors)) {
      if (m.start < lastEnd) continue;
      lastEnd = m.end;
      out.push({ start: from + m.start, end: from + m.end, quote: 1 - m.errors / pattern.length });
      if (out.length >= MAX_CANDIDATES) return out;
    }
  }
  return out;
}

/** Cut a quote into chunks of at most CHUNK characters, never across paragraphs; tiny paragraphs join the next one. */
function chunksOf(q: PreparedQuote): string[] {
  const pieces: string[] = [];
  let carry = "";
  for (const p of q.paragraphs) {
    const piece = carry ? `${carry} ${p}` : p;
    if (piece.length < 24) carry = piece;
    else {
      pieces.push(piece);
      carry = "";
    }
  }
  if (carry) pieces.push(pieces.length ? `${pieces.pop()} ${carry}` : carry);
  const chunks: string[] = [];
  for (const p of pieces) {
    const n = Math.ceil(p.length / CHUNK);
    const size = Math.ceil(p.length / n);
    for (let i = 0; i < p.length; i += size) chunks.push(p.slice(i, i + size));
  }
  return chunks;
}

/** Find `chunk` in text[from, from + chunk + gap): exactly if it can, else approximately (earliest best). */
function nextChunk(
  text: string,
  chunk: string,
  from: number,
  gap: number,
): { start: number; end: number; errors: number } | null {
  const window = text.slice(from, from + chunk.length + gap);
  const i = window.indexOf(chunk);
  if (i !== -1) return { start: from + i, end: from + i + chunk.length, errors: 0 };
  const maxErrors = Math.floor(chunk.length / 5);
  if (maxErrors < 1) return null;
  const m = approxSearch(window, chunk, maxErrors)[0];
  return m ? { start: from + m.start, end: from + m.end, errors: m.errors } : null;
}

/** Find `chunk` in text[to - chunk - gap, to), ending as close to `to` as it can (exactly, else approximately). */
function prevChunk(
  text: string,
  chunk: string,
  to: number,
  gap: number,
): { start: number; end: number; errors: number } | null {
  const from = Math.max(0, to - chunk.length - gap);
  const window = text.slice(from, to);
  const i = window.lastIndexOf(chunk);
  if (i !== -1) return { start: from + i, end: from + i + chunk.length, errors: 0 };
  const maxErrors = Math.floor(chunk.length / 5);
  if (maxErrors < 1) return null;
  let last: { start: number; end: number; errors: number } | null = null;
  for (const m of approxSearch(window, chunk, maxErrors))
    if (!last || m.errors < last.errors || (m.errors === last.errors && m.start > last.start)) last = m;
  return last && { start: from + last.start, end: from + last.end, errors: last.errors };
}

/** A short quote's two halves (cut at the space nearest the middle), or null when it is too short to cut. */
function halves(quote: string): string[] | null {
  if (quote.length < 2 * MIN_HALF) return null;
  const mid = quote.length >> 1;
  const after = quote.indexOf(" ", mid);
  const before = quote.lastIndexOf(" ", mid);
  const cut = after === -1 || (before !== -1 && mid - before < after - mid) ? before : after;
  return cut < MIN_HALF || quote.length - cut < MIN_HALF
    ? [quote.slice(0, mid), quote.slice(mid)]
    : [quote.slice(0, cut), quote.slice(cut)];
}

/**
 * Chunked matching for long quotes, quotes over several paragraphs, and short quotes with something inside them.
 * The quote is cut into ≤64-character chunks (at paragraph breaks, then evenly; a quote of one chunk into its two
 * halves). Each of the first three chunks in turn is searched in the whole text (exactly, else approximately);
 * from each of its occurrences the following chunks are looked for in order, each within `gap` characters of the
 * previous one, and the chunks before it likewise backwards. Text between chunks (an ad, a "related" box) is
 * skipped, not counted as errors; a chunk that cannot be found counts as missing. Quote similarity = matched
 * characters / quote characters. Seeds from every anchor chunk compete, so a pull quote repeating the quote's
 * first sentence verbatim cannot hide the quote itself when its first chunk has a typo.
 * Cost: a few whole-text searches for the anchor chunks, then small windowed searches — fast for any quote length.
 */
function chunkedCandidates(text: string, q: PreparedQuote, hint: number | undefined): Candidate[] {
  let chunks = chunksOf(q);
  // Inside a short quote there is room for an inline ad or a link, not for a "related" box.
  let gap = MAX_GAP;
  if (chunks.length < 2) {
    const h = halves(q.quote);
    if (!h) return [];
    chunks = h;
    gap = SHORT_GAP;
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const near = (c: Candidate) => (hint === undefined ? 0 : Math.abs(c.start - hint));
  const out = new Map<number, Candidate>();
  for (let a = 0; a < Math.min(3, chunks.length); a++) {
    const anchor = chunks[a] as string;
    let seeds: Candidate[] = exactOccurrences(text, anchor).map((s) => ({
      start: s,
      end: s + anchor.length,
      quote: 1,
    }));
    if (!seeds.length) seeds = fuzzyOccurrences(text, anchor, hint);
    // Best seeds first, then those nearest the expected position; at most MAX_SEEDS chains per anchor chunk.
    seeds.sort((x, y) => y.quote - x.quote || near(x) - near(y));
    for (const seed of seeds.slice(0, MAX_SEEDS)) {
      let matched = anchor.length * seed.quote;
      let { start, end } = seed;
      for (let k = a + 1; k < chunks.length; k++) {
        const chunk = chunks[k] as string;
        const m = nextChunk(text, chunk, end, gap);
        if (!m) continue;
        matched += chunk.length - m.errors;
        end = m.end;
      }
      for (let k = a - 1; k >= 0; k--) {
        const chunk = chunks[k] as string;
        const m = prevChunk(text, chunk, start, gap);
        if (!m) continue;
        matched += chunk.length - m.errors;
        start = m.start;
      }
      const c = { start, end, quote: Math.max(0, matched) / (total || 1) };
      const seen = out.get(start);
      if (!seen || c.quote > seen.quote) out.set(start, c);
    }
    // A chain from the first anchor chunk that found the whole quote: the other anchors cannot do better.
    if ([...out.values()].some((c) => c.quote === 1)) break;
  }
  return [...out.values()];
}

/** The best approximate candidate: whole-quote search, then chunk by chunk when that finds the quote poorly. */
function fuzzyBest(text: string, q: PreparedQuote, hint: number | undefined) {
  const long = q.quote.length > LONG_QUOTE;
  let top = long ? null : best(text, q, fuzzyOccurrences(text, q.quote, hint), hint);
  // Long quotes, and quotes the whole-quote search finds poorly (text inserted: an ad, a "related" box).
  if (!top || top.quote < 0.95) {
    const chunked = best(text, q, chunkedCandidates(text, q, hint), hint);
    if (chunked && (!top || chunked.score > top.score)) top = chunked;
  }
  return top;
}

/**
 * Match a prepared quote against normalised text. Offsets in and out are in normalised coordinates.
 * Lower-level than `matchQuote`: lets a caller normalise the text once for many quotes (and pass the exact
 * occurrences when it already has them).
 */
export function matchNormalized(
  text: string,
  q: PreparedQuote,
  hint: number | undefined,
  minScore = 0.5,
  exact: number[] = q.quote ? exactOccurrences(text, q.quote) : [],
): QuoteMatch | null {
  if (!q.quote) return null;
  if (exact.length) {
    const cands = exact.map((s) => ({ start: s, end: s + q.quote.length, quote: 1 }));
    const top = best(text, q, cands, hint) as Candidate & { score: number };
    return { start: top.start, end: top.end, score: top.score, method: "exact" };
  }
  let top: (Candidate & { score: number }) | null = null;
  // Near the expected position first: a good match there ends the search without scanning the whole text.
  if (hint !== undefined && text.length > 4 * REGION) {
    const from = Math.max(0, hint - REGION);
    const local = fuzzyBest(text.slice(from, hint + q.quote.length + REGION), q, hint - from);
    if (local && local.score >= LOCAL_OK)
      top = { ...local, start: local.start + from, end: local.end + from };
  }
  top ??= fuzzyBest(text, q, hint);
  if (!top || top.score < minScore || top.quote < MIN_QUOTE) return null;
  return { start: top.start, end: top.end, score: top.score, method: "fuzzy" };
}

/**
 * Find `target` in `text` (a string or an already normalised text). Returns offsets into the original string,
 * or null when the quote is not there (no exact match, and no approximate one scoring at least minScore).
 */
export function matchQuote(
  text: string | NormalizedText,
  target: TextTarget,
  opts: MatchOptions = {},
): QuoteMatch | null {
  const norm = typeof text === "string" ? normalize(text, { lowercase: opts.lowercase ?? true }) : text;
  let hint: number | undefined;
  if (opts.hint !== undefined) hint = fromSource(norm, opts.hint);
  else if (opts.sourceLength) hint = Math.round((target.start * norm.text.length) / opts.sourceLength);
  const m = matchNormalized(norm.text, prepareQuote(target, norm.lowercase), hint, opts.minScore);
  if (!m) return null;
  return { ...toSource(norm, m.start, m.end), score: m.score, method: m.method };
}
