// Does a statement on an analysed page say the same as a statement of a known article? Compared by content words
// reduced to their stems (Porter's stemmer, the `stemmer` package: "withdraws" = "withdraw", "remaining" = "remain"), names by their consonant skeleton (Gadhafi = Qaddafi, as link.ts compares them), hyphens dropped
// (cease-fire = ceasefire). Two statements are the same when enough of the shorter one's weight is found in the
// other, each word weighted by how rare it is among the known statements (a shared "Libya" counts less than a
// shared "ceasefire"), and they agree in polarity (one says "no", "never", "refused" where the other does not: not
// the same) and in their numbers ($200 million is not $300 million). It says "the same words", never that one
// confirms or contradicts the other; paraphrases in other words (supplied weapons / provided arms) are not found.
import { stemmer } from "stemmer";
import type { KnownStatement } from "../model/known";
import { skeleton } from "./link";

const STOP = new Set(
  "the and but for nor yet that this these those with from have has had been were was are will would could should shall may might must can their there they them his her its our your what when where which while who whom whose about after before into onto over under than then also said says say told tell according very just only such some any all each other more most much many one ones".split(
    " ",
  ),
);
/** Words that turn a statement's sense (their stems): a statement with one of these is not one without it. */
const NEGATORS = new Set([
  "no",
  "not",
  "never",
  "none",
  "nobodi",
  "noth",
  "neither",
  "nor",
  "cannot",
  "refus",
  "reject",
  "deni",
]);
const MIN_WORDS = 4;
/** Of the shorter statement's weight, found in the other; and of the longer's (a short statement is not the same as
 * a long one that merely contains its words). Chosen on the dev pairs of test/analysis/same-statements.json. */
const MIN_SHARE = 0.55;
const MIN_SHARE_OF_LONGER = 0.3;

export interface StatementWords {
  /** Content stems (names as skeletons). */
  words: Set<string>;
  /** How many negators, and which numbers. */
  negations: number;
  numbers: string;
}

export function contentWords(text: string): StatementWords {
  const words = new Set<string>();
  let negations = 0;
  const numbers: string[] = [];
  const clean = text
    .normalize("NFKC")
    .replace(/(\p{L})[-‐](?=\p{L})/gu, "$1")
    .replace(/n[’']t\b/g, " not");
  for (const m of clean.matchAll(/\p{L}+|\d[\d,.]*/gu)) {
    const t = m[0];
    if (/^\d/.test(t)) {
      numbers.push(t.replace(/[,.]+$/, "").replace(/,/g, ""));
      continue;
    }
    const lower = t.toLowerCase();
    const stem = stemmer(lower);
    if (NEGATORS.has(lower) || NEGATORS.has(stem)) {
      negations++;
      continue;
    }
    if (lower.length < 3 || STOP.has(lower)) continue;
    // A capitalised word that does not begin a sentence is taken as a name: compared by its skeleton.
    const first = /(?:^|[.!?:;"“‘]\s*)$/.test(clean.slice(0, m.index));
    words.add(/^\p{Lu}/u.test(t) && !first ? `=${skeleton(t) || lower}` : stem);
  }
  return { words, negations, numbers: numbers.sort().join(" ") };
}

/** Each stem's weight among the known statements: rarer weighs more (a smoothed inverse document frequency). */
export function weights(known: { words: StatementWords }[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const k of known) for (const w of k.words.words) df.set(w, (df.get(w) ?? 0) + 1);
  const n = known.length;
  return new Map([...df].map(([w, d]) => [w, Math.log((n + 1) / (d + 0.5))]));
}

/** The known statements that say the same as `text` (best first). */
export function sameStatements(
  text: string,
  known: { statement: KnownStatement; words: StatementWords }[],
  weight: Map<string, number> = weights(known),
) {
  const mine = contentWords(text);
  if (mine.words.size < MIN_WORDS) return [];
  const unknownWeight = Math.log(known.length + 1 / 0.5);
  const w = (s: string) => weight.get(s) ?? unknownWeight;
  const total = (set: Set<string>) => {
    let t = 0;
    for (const s of set) t += w(s);
    return t;
  };
  const mineTotal = total(mine.words);
  return known
    .map((k) => {
      const theirs = k.words;
      const differ =
        theirs.words.size < MIN_WORDS ||
        theirs.negations % 2 !== mine.negations % 2 ||
        (theirs.numbers && mine.numbers && theirs.numbers !== mine.numbers);
      if (differ) return { k, share: 0, ofLonger: 0 };
      let shared = 0;
      for (const s of mine.words) if (theirs.words.has(s)) shared += w(s);
      const theirTotal = total(theirs.words);
      return {
        k,
        share: shared / Math.min(mineTotal, theirTotal),
        ofLonger: shared / Math.max(mineTotal, theirTotal),
      };
    })
    .filter((x) => x.share >= MIN_SHARE && x.ofLonger >= MIN_SHARE_OF_LONGER)
    .sort((a, b) => b.share - a.share)
    .map((x) => x.k.statement);
}
