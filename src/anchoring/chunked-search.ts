// Chunked matching, for quotes over 256 characters and quotes the fuzzy search finds poorly: the quote is cut into
// ≤64-character chunks (at paragraph breaks first) found in order with up to 2000 characters of anything between
// them — an ad or "related" box between paragraphs, a paragraph split or joined. A match spans from the first chunk
// to the last, interruptions included.
import approxSearch from "approx-string-match";
import type { PreparedQuote } from "../model/protocol";
import { type Candidate, exactOccurrences } from "./candidates";
import { fuzzyOccurrences } from "./fuzzy-search";

/** Chunk length for chunked matching. */
const CHUNK = 64;
/** Most text (ads, "related" boxes) allowed between two consecutive chunks of a quote. */
const MAX_GAP = 2000;
/** Most text allowed inside a quote of one chunk (an inline ad, a "read more" link), and the least of each half. */
const SHORT_GAP = 300;
const MIN_HALF = 12;
/** Most chains followed from the occurrences of one anchor chunk. */
const MAX_SEEDS = 30;

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
export function chunkedCandidates(text: string, q: PreparedQuote, hint: number | undefined): Candidate[] {
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
