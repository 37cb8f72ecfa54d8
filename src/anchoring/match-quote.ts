// Finding a quote in text, in the spirit of Hypothesis's match-quote.ts:
//   1. exact: every occurrence of the normalised quote (normalise.ts); the best by score (candidates.ts).
//   2. fuzzy: approximate occurrences with up to min(32, length/5) errors (fuzzy-search.ts).
//   3. chunked, for long quotes and quotes the fuzzy search finds poorly (chunked-search.ts).
// The expected position only breaks ties; with one, fuzzy search first looks within 10,000 characters of it.
import type { TextTarget } from "../model/dataset";
import type { PreparedQuote } from "../model/protocol";
import { best, type Candidate, exactOccurrences } from "./candidates";
import { chunkedCandidates } from "./chunked-search";
import { fuzzyOccurrences } from "./fuzzy-search";
import { fromSource, type NormalisedText, normaliseWithMap, toSource } from "./normalise";
import { prepareQuote } from "./prepare-quote";

export type MatchMethod = "exact" | "fuzzy";

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1: weighted agreement of quote (50), prefix (20) and suffix (20). */
  score: number;
  method: MatchMethod;
}

export interface MatchOptions {
  /** Compare case-insensitively (when `text` is a string; a NormalisedText keeps its own setting). Default true. */
  lowercase?: boolean;
  /** Expected start of the quote, as an offset into the text. */
  hint?: number;
  /** Length of the text target.start/end refer to: without `hint`, target.start scaled by the length ratio is the hint. */
  sourceLength?: number;
  /** Below this score a fuzzy match is rejected (exact matches are always kept). Default 0.5. */
  minScore?: number;
}

/** Quotes longer than this (normalised) are matched chunk by chunk rather than in one approximate search. */
const LONG_QUOTE = 256;
/** Fuzzy search looks within this many characters of the expected position first… */
const REGION = 10_000;
/** …and stops there when it finds a match scoring at least this. */
const LOCAL_OK = 0.8;
/** A fuzzy match must have at least this share of the quote (1 - errors/length, or chunk characters found). */
const MIN_QUOTE = 0.75;

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
export function matchNormalised(
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
  text: string | NormalisedText,
  target: TextTarget,
  opts: MatchOptions = {},
): QuoteMatch | null {
  const norm =
    typeof text === "string" ? normaliseWithMap(text, { lowercase: opts.lowercase ?? true }) : text;
  let hint: number | undefined;
  if (opts.hint !== undefined) hint = fromSource(norm, opts.hint);
  else if (opts.sourceLength) hint = Math.round((target.start * norm.text.length) / opts.sourceLength);
  const m = matchNormalised(norm.text, prepareQuote(target, norm.lowercase), hint, opts.minScore);
  if (!m) return null;
  return { ...toSource(norm, m.start, m.end), score: m.score, method: m.method };
}
