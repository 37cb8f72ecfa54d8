// Approximate occurrences of a pattern (approx-string-match, Myers), searched only in windows around verbatim
// pieces of the pattern ("seeds"), which keeps it far below a full scan per quote.
import approxSearch from "approx-string-match";
import { type Candidate, MAX_CANDIDATES } from "./candidates";

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
export function fuzzyOccurrences(text: string, pattern: string, hint?: number): Candidate[] {
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
