// How each character reads when text is cut into normalised words: its letters, whether it vanishes (apostrophes,
// combining marks) or separates words, and its case; a fast table for the characters news text is made of.

/** Characters that vanish inside a word: apostrophes of every kind ("Libya’s" → "libyas"). */
const APOSTROPHES = "'`´‘’‛′ʹʼ";

/** How a character reads: its normalised letters ("" = vanishes, null = separates words) and its case. */
export interface CharClass {
  letters: string | null;
  upper: boolean;
  lower: boolean;
}
const classes = new Map<number, CharClass>();

export function classifyOther(c: number): CharClass {
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
export const FAST_END = 0x2070;
export const OTHER = -2;
export const SEPARATE = -1;
export const VANISH = 0;
export const MANY = -3; // letters of more than one code unit (only from classifyOther)
export const UPPER = 1;
export const LOWER = 2;
let tables: { fast: Map<number, CharClass>; CODE: Int32Array; CASE: Uint8Array } | null = null;
export function fastTables(): NonNullable<typeof tables> {
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
export const classify = (c: number): CharClass => fastTables().fast.get(c) ?? classifyOther(c);
