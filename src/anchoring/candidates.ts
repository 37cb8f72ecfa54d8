// Candidate places for a quote: the exact occurrences, and the choice of the best candidate by its score
// (50 × quote similarity + 20 × prefix agreement + 20 × suffix agreement) / 90; position only breaks ties.
import type { PreparedQuote } from "../model/protocol";
import { contextSimilarity, contextVerbatim } from "./context-distance";

/** Most candidates one search returns. */
export const MAX_CANDIDATES = 1000;

// Score weights (as in Hypothesis): the quote counts most, then each side of its context.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX;
/** Scores closer than this are a tie, broken by position (≈ one character of 32 of context). */
const TIE = 0.01;

export interface Candidate {
  start: number;
  end: number;
  /** Quote similarity 0..1. */
  quote: number;
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
export function best(text: string, q: PreparedQuote, cands: Candidate[], hint: number | undefined) {
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
