// Text fingerprints: normalised words → word shingles → 32-bit hashes. Pure; no DOM.

import { finish, type Steps } from "../anchoring/steps";
import {
  classify,
  classifyOther,
  FAST_END,
  fastTables,
  LOWER,
  MANY,
  OTHER,
  SEPARATE,
  UPPER,
  VANISH,
} from "./char-classes";
/** Words per shingle. Five words is long enough that two unrelated texts rarely share one. */
export const SHINGLE_SIZE = 5;

/**
 * The most page text recognition looks at: the first 300 000 characters (≈ 50 000 words, the length of
 * a short book), so a 5 MB page costs no more than a 300 KB one. Callers should pass the likely article
 * region (e.g. `<article>`/`<main>`) first.
 */
export const MAX_PAGE_CHARS = 300_000;

/** The first `max` characters of `text`: the bounded sample recognition reads. */
export function boundedText(text: string, max = MAX_PAGE_CHARS): string {
  return text.length <= max ? text : text.slice(0, max);
}

/**
 * The normalised words of a text: compatibility forms and diacritics folded (NFKD, marks dropped),
 * lowercased; apostrophes of every kind vanish ("Libya’s" → "libyas"); every other character that is
 * not a letter or digit — quotes, dashes, punctuation, space — separates words, so curly and straight
 * quotes and all dashes read alike. A capital right after a lowercase letter starts a new word
 * ("spilled.Western" and "spilledWestern" read alike), which undoes words glued together where a
 * page's block elements meet; articles and pages are read the same way, so this never loses a match.
 * HTML entities must already be decoded by the caller.
 */
export function words(text: string): string[] {
  const s = text.normalize("NFKD");
  const out: string[] = [];
  let word = "";
  let prevLower = false;
  for (let i = 0; i < s.length; i++) {
    const k = classify(s.charCodeAt(i));
    if (k.letters === null || (k.upper && prevLower)) {
      if (word) out.push(word);
      word = "";
    }
    if (k.letters) word += k.letters;
    prevLower = k.lower;
  }
  if (word) out.push(word);
  return out;
}

/** The text as its normalised words separated by single spaces (see words). */
export function normaliseWords(text: string): string {
  return words(text).join(" ");
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the UTF-16 code units of `s`. */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * murmur3's finaliser. FNV-1a's low bits depend only on the low bits of the input, and the sampling
 * rule (`hash % mod === 0`) reads the low bits, so hashes go through this mixer.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Characters of text hashed between two pauses of wordHashesSteps (a page's text can be MAX_PAGE_CHARS long). */
const HASH_STEP_CHARS = 4096;

/**
 * The hash of each normalised word of a text (see words), fmix32(fnv1a(word)), computed as the text is read:
 * no word strings are built, which makes reading a page several times cheaper than words() then hashing.
 */
export function wordHashes(text: string): number[] {
  return finish(wordHashesSteps(text));
}

/** wordHashes in steps: a pause every HASH_STEP_CHARS characters (a content script hashes a page's text in
 *  slices, src/content/slices.ts). */
export function* wordHashesSteps(text: string): Steps<number[]> {
  const { CODE, CASE } = fastTables();
  const s = text.normalize("NFKD");
  const out: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  let prevLower = false;
  let untilPause = HASH_STEP_CHARS;
  for (let i = 0; i < s.length; i++) {
    if (--untilPause === 0) {
      untilPause = HASH_STEP_CHARS;
      yield;
    }
    const c = s.charCodeAt(i);
    let code = c < FAST_END ? (CODE[c] as number) : OTHER;
    let kase = code === OTHER ? 0 : (CASE[c] as number);
    let letters = "";
    if (code === OTHER) {
      const k = classifyOther(c);
      kase = k.upper ? UPPER : k.lower ? LOWER : 0;
      if (k.letters === null) code = SEPARATE;
      else if (k.letters.length === 1) code = k.letters.charCodeAt(0);
      else if (k.letters.length === 0) code = VANISH;
      else {
        code = MANY;
        letters = k.letters;
      }
    }
    if (code === SEPARATE || (kase === UPPER && prevLower)) {
      if (inWord) out.push(fmix32(h));
      h = FNV_OFFSET;
      inWord = false;
    }
    if (code > 0) {
      h = Math.imul(h ^ code, FNV_PRIME);
      inWord = true;
    } else if (code === MANY) {
      for (let j = 0; j < letters.length; j++) h = Math.imul(h ^ letters.charCodeAt(j), FNV_PRIME);
      inWord = true;
    }
    prevLower = kase === LOWER;
  }
  if (inWord) out.push(fmix32(h));
  return out;
}

/** Shingles hashed between two pauses of hashShingles (a page's 300,000 characters are some 50,000 words). */
const HASH_STEP_SHINGLES = 1024;

/**
 * Hash of each run of `size` consecutive words, from their word hashes (see wordHashes): the shingle is the
 * polynomial Σ wordHash·G^(size−1−j) mod 2³² (G = 0x9e3779b1), mixed again. In steps: cold and traced, a 6,000-word
 * page's shingles took up to 28 ms in one step (decision 0024).
 */
function* hashShingles(wh: readonly number[], size: number): Steps<number[]> {
  const out: number[] = [];
  for (let i = 0; i + size <= wh.length; i++) {
    if (i % HASH_STEP_SHINGLES === HASH_STEP_SHINGLES - 1) yield;
    let h = 0;
    for (let j = i; j < i + size; j++) h = (Math.imul(h, 0x9e3779b1) + (wh[j] as number)) | 0;
    out.push(fmix32(h));
  }
  return out;
}

/** Shingle hashes of a text read as one run of words (how a page is read: its line breaks do not matter). */
export function shingleHashes(text: string, size = SHINGLE_SIZE): number[] {
  return finish(shingleHashesSteps(text, size));
}

/** shingleHashes in steps (see wordHashesSteps). */
export function* shingleHashesSteps(text: string, size = SHINGLE_SIZE): Steps<number[]> {
  return yield* hashShingles(yield* wordHashesSteps(text), size);
}

/**
 * An article's fingerprint: the distinct shingle hashes of its paragraphs, sorted. Shingles never span
 * a line break, so ads, captions or "Skip to next paragraph" inserted between paragraphs, and reordered
 * paragraphs, leave the article's shingles intact on the page.
 */
export function fingerprint(articleText: string, size = SHINGLE_SIZE): Uint32Array {
  const all = new Set<number>();
  for (const para of articleText.split(/\n+/)) for (const h of shingleHashes(para, size)) all.add(h);
  return Uint32Array.from(all).sort();
}

/**
 * Exact containment of an article in a page: |article shingles ∩ page shingles| / |article shingles|.
 * Text around the article (navigation, ads, comments) does not lower it. 0 for an article without shingles.
 */
export function containment(articleText: string, pageText: string, size = SHINGLE_SIZE): number {
  const article = fingerprint(articleText, size);
  if (article.length === 0) return 0;
  const page = new Set(shingleHashes(boundedText(pageText), size));
  let hits = 0;
  for (const h of article) if (page.has(h)) hits++;
  return hits / article.length;
}
