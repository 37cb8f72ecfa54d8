// Text normalisation for anchoring, with a map back to the original offsets. `normaliseWithMap` turns text into
// a comparable form:
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

import { finish, type Steps } from "./steps";

export interface NormalisedText {
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
export function normaliseWithMap(input: string, opts: { lowercase?: boolean } = {}): NormalisedText {
  return finish(normaliseWithMapSteps(input, opts, Number.POSITIVE_INFINITY));
}

const SEPARATORS = new Set([...SPACES, ...DROPS, ...DASHES, "\u2026"]);

/**
 * normaliseWithMap in steps of about `chunk` characters (a page's text of megabytes is not one long task). A chunk
 * ends between two characters that are neither separators nor an ellipsis, so no run of separators is split and
 * the result is the same as in one go.
 */
export function* normaliseWithMapSteps(
  input: string,
  opts: { lowercase?: boolean } = {},
  chunk = 65_536,
): Steps<NormalisedText> {
  const lowercase = opts.lowercase ?? false;
  const edits: NormalisedText["edits"] = [];
  const texts: string[] = [];
  let shift = 0; // text offset − source offset after the edits so far
  for (let start = 0; start < input.length || !texts.length; ) {
    let end = Math.min(input.length, start + chunk);
    while (
      end < input.length &&
      (SEPARATORS.has(input[end - 1] as string) || SEPARATORS.has(input[end] as string))
    )
      end++;
    const offset = start;
    texts.push(
      folded(input.slice(start, end), lowercase).replace(EDIT_RE, (run: string, at: number) => {
        const from = at + offset;
        const sources: number[] = [];
        const out = editRun(run, from, sources);
        edits.push({ at: from + shift, from, length: out.length, sourceLength: run.length, sources });
        shift += out.length - run.length;
        return out;
      }),
    );
    start = end;
    if (start < input.length) yield;
  }
  return { source: input, text: texts.join(""), lowercase, edits };
}

/** The comparable form only (no map back). */
export function normaliseForMatch(input: string, lowercase = false): string {
  return folded(input, lowercase).replace(EDIT_RE, (run: string, from: number) => editRun(run, from, []));
}

/** Index in `norm.source` of the normalised character `i` (`norm.text.length` → `norm.source.length`). */
export function sourceIndex(norm: NormalisedText, i: number): number {
  const { edits } = norm;
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edits[mid] as NormalisedText["edits"][number]).at <= i) lo = mid + 1;
    else hi = mid;
  }
  const e = edits[lo - 1];
  if (!e) return i;
  const inside = i - e.at;
  return inside < e.length ? (e.sources[inside] as number) : e.from + e.sourceLength + inside - e.length;
}

/** Map a normalised span back to the original string: [start, end) of the characters it came from. */
export function toSource(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  const s = start < norm.text.length ? sourceIndex(norm, start) : norm.source.length;
  const e = end > start ? sourceIndex(norm, end - 1) + 1 : s;
  return { start: s, end: e };
}

/** Map an original offset to the normalised text (the first normalised character at or after it). */
export function fromSource(norm: NormalisedText, offset: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sourceIndex(norm, mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
