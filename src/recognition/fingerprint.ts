// Text fingerprints: normalised words → word shingles → 32-bit hashes. Pure; no DOM.

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

/** Characters that vanish inside a word: apostrophes of every kind ("Libya’s" → "libyas"). */
const APOSTROPHES = "'`´‘’‛′ʹʼ";

/** How a character reads: its normalised letters ("" = vanishes, null = separates words) and its case. */
interface CharClass {
  letters: string | null;
  upper: boolean;
  lower: boolean;
}
const classes = new Map<number, CharClass>();

function classifyOther(c: number): CharClass {
  let k = classes.get(c);
  if (!k) {
    const ch = String.fromCharCode(c);
    const vanishes = APOSTROPHES.includes(ch) || /\p{M}/u.test(ch);
    const letters = /[\p{L}\p{N}]/u.test(ch)
      ? ch.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
      : null;
    k = { letters: vanishes ? "" : letters, upper: /\p{Lu}/u.test(ch), lower: /\p{Ll}/u.test(ch) };
    classes.set(c, k);
  }
  return k;
}
/**
 * The characters news text is made of, classified without regular expressions (compiling the Unicode property
 * expressions above costs milliseconds at a content script's start): ASCII, and after NFKD the combining marks
 * (U+0300–U+036F, what accents decompose to), Latin-1 punctuation and General Punctuation (U+2000–U+206F: curly quotes, dashes,
 * spaces, ellipsis). The same classes classifyOther gives them; a unit test compares the two over these ranges.
 */
function classifyFast(c: number): CharClass | undefined {
  if (c < 0x80) {
    const ch = String.fromCharCode(c);
    if (c >= 0x61 && c <= 0x7a) return { letters: ch, upper: false, lower: true };
    if (c >= 0x41 && c <= 0x5a) return { letters: ch.toLowerCase(), upper: true, lower: false };
    if (c >= 0x30 && c <= 0x39) return { letters: ch, upper: false, lower: false };
    return { letters: c === 0x27 || c === 0x60 ? "" : null, upper: false, lower: false };
  }
  // Latin-1 punctuation and symbols (©, «, °, ·, ¶ …), but not its letters and numbers (ª ² ³ µ ¹ º ¼ ½ ¾).
  if (c >= 0xa0 && c <= 0xbf) return LATIN1_WORD_CHARS.includes(c) ? undefined : punctuation(c);
  if (c >= 0x300 && c <= 0x36f) return { letters: "", upper: false, lower: false };
  if (c >= 0x2000 && c <= 0x206f) return punctuation(c);
  return undefined;
}
/** A character that separates words, or vanishes inside one if it is an apostrophe. */
const punctuation = (c: number): CharClass => ({
  letters: APOSTROPHES.includes(String.fromCharCode(c)) ? "" : null,
  upper: false,
  lower: false,
});
const LATIN1_WORD_CHARS = [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe];
const FAST_RANGES: [number, number][] = [
  [0, 0x7f],
  [0xa0, 0xbf],
  [0x300, 0x36f],
  [0x2000, 0x206f],
];
// The fast ranges as a Map (for words()) and as typed arrays (for the hot loop of wordHashes: per code unit below
// FAST_END, the lowercased letter's code (> 0), VANISH or SEPARATE (or OTHER: ask classify), and its case (UPPER,
// LOWER)). Built on first use: a content script that recognises by probes (probes.ts) never builds them.
const FAST_END = 0x2070;
const OTHER = -2;
const SEPARATE = -1;
const VANISH = 0;
const MANY = -3; // letters of more than one code unit (only from classifyOther)
const UPPER = 1;
const LOWER = 2;
let tables: { fast: Map<number, CharClass>; CODE: Int32Array; CASE: Uint8Array } | null = null;
function fastTables(): NonNullable<typeof tables> {
  if (tables) return tables;
  const fast = new Map<number, CharClass>();
  for (const [from, to] of FAST_RANGES)
    for (let c = from; c <= to; c++) {
      const k = classifyFast(c);
      if (k) fast.set(c, k);
    }
  const CODE = new Int32Array(FAST_END).fill(OTHER);
  const CASE = new Uint8Array(FAST_END);
  for (const [c, k] of fast) {
    CODE[c] = k.letters === null ? SEPARATE : k.letters === "" ? VANISH : k.letters.charCodeAt(0);
    CASE[c] = k.upper ? UPPER : k.lower ? LOWER : 0;
  }
  tables = { fast, CODE, CASE };
  return tables;
}
const classify = (c: number): CharClass => fastTables().fast.get(c) ?? classifyOther(c);

/** For the unit test: each fast-path class beside the general rule's. */
export const fastClassesForTest = () =>
  [...fastTables().fast].map(([c, k]) => [c, k, classifyOther(c)] as const);

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

/**
 * The hash of each normalised word of a text (see words), fmix32(fnv1a(word)), computed as the text is read:
 * no word strings are built, which makes reading a page several times cheaper than words() then hashing.
 */
export function wordHashes(text: string): number[] {
  const { CODE, CASE } = fastTables();
  const s = text.normalize("NFKD");
  const out: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  let prevLower = false;
  for (let i = 0; i < s.length; i++) {
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

/**
 * Hash of each run of `size` consecutive words, from their word hashes (see wordHashes): the shingle is the
 * polynomial Σ wordHash·G^(size−1−j) mod 2³² (G = 0x9e3779b1), mixed again.
 */
function hashShingles(wh: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + size <= wh.length; i++) {
    let h = 0;
    for (let j = i; j < i + size; j++) h = (Math.imul(h, 0x9e3779b1) + (wh[j] as number)) | 0;
    out.push(fmix32(h));
  }
  return out;
}

/** Shingle hashes of a text read as one run of words (how a page is read: its line breaks do not matter). */
export function shingleHashes(text: string, size = SHINGLE_SIZE): number[] {
  return hashShingles(wordHashes(text), size);
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
