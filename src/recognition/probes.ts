// Text recognition among the few articles that could be on a page, in the content script, with the browser's own
// string functions. The background recognises among all articles with hashed shingles and an inverted index
// (index.ts), which reads a page character by character in JavaScript, slow at a page's start while that code is
// not yet compiled. Here the page is normalised by a few native passes (NFKD, lowercase, two regular expressions)
// and each candidate article's sampled shingles, kept as strings, are looked up in it: the same measure — the share
// of the article's sampled five-word shingles present in the page — at a fraction of the cost. Pure; no DOM.

import { boundedText, fmix32, fnv1a } from "./fingerprint";
import { DEFAULT_OPTIONS, sampleShingles } from "./index";

/** Vanish: combining marks (what NFKD leaves of accents) and apostrophes of every kind ("Libya’s" → "libyas"). */
const VANISH = /[\u0300-\u036f'`´‘’‛′ʹʼ]+/g;
/** A capital right after a lowercase letter starts a word ("spilledWestern", where a page's blocks meet). */
const CAMEL = /([a-z])(?=[A-Z])/g;
/** Separate words: all but digits, lowercase letters and the other scripts' letters — that is ASCII punctuation
 *  and controls, Latin-1 punctuation, × and ÷, general punctuation and symbols (quotes, dashes, spaces,
 *  ellipsis, arrows …), CJK punctuation, small forms and the BOM. */
const SEPARATE =
  /[^0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2fff\u3040-\ufe2f\ufe70-\ufefe\uff00-\uffff]+/g;

/**
 * A text as its words, lowercased and folded, each followed by one space and the whole preceded by one, so that
 * " w1 w2 w3 w4 w5 " is found in it exactly where those five words follow one another. Curly and straight quotes,
 * dashes, line breaks and markup between words read alike.
 */
export function probeText(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(CAMEL, "$1 ")
    .toLowerCase()
    .replace(VANISH, "")
    .replace(SEPARATE, " ")
    .trim();
  return words ? ` ${words} ` : " ";
}

/**
 * An article's probes: a deterministic sample of its five-word shingles (never spanning a paragraph), as
 * probeText strings. Sampled like the index samples hashes: a shingle is kept when its hash is 0 modulo
 * sampleMod, halved until at least minSamples are kept; past `max`, the sample's shingles with the least hashes
 * (as evenly spread over the article as the sample itself).
 */
export function articleProbes(articleText: string, opts = DEFAULT_OPTIONS, max = Infinity): string[] {
  const all = new Set<string>();
  for (const para of articleText.split(/\n+/)) {
    const words = probeText(para).trim().split(" ").filter(Boolean);
    for (let i = 0; i + opts.shingleSize <= words.length; i++)
      all.add(` ${words.slice(i, i + opts.shingleSize).join(" ")} `);
  }
  const shingles = [...all];
  const hashes = shingles.map((s) => fmix32(fnv1a(s)));
  let kept = sampleShingles(
    shingles.map((_, i) => i),
    hashes,
    opts,
  ).sample;
  if (kept.length > max) {
    const hash = (i: number) => hashes[i] as number;
    const least = new Set([...kept].sort((a, b) => hash(a) - hash(b)).slice(0, max));
    kept = kept.filter((i) => least.has(i));
  }
  return kept.map((i) => shingles[i] as string);
}

/** The share of an article's probes found in a page's probeText (bounded like the index's page sample). */
export function probeScore(page: string, probes: readonly string[]): number {
  if (!probes.length) return 0;
  let hits = 0;
  for (const p of probes) if (page.includes(p)) hits++;
  return hits / probes.length;
}

/** A page's probeText, from its first MAX_PAGE_CHARS characters. */
export const pageProbeText = (pageText: string): string => probeText(boundedText(pageText));
