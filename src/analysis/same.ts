// Does a statement on an analysed page say the same as a statement of a known article? Compared by their content
// words (four letters or more, lower case, a few function words left out): the share of the shorter statement's
// words found in the other, over a threshold and with enough words, so a shared name or a common phrase does not
// make two statements the same. It says "the same words", never that one confirms or contradicts the other.
import type { KnownStatement } from "../model/known";

const STOP = new Set(
  "that this with from have been were will would could should their there they them what when which while about after before into over than then also said says told according".split(
    " ",
  ),
);
const MIN_WORDS = 5;
const MIN_SHARE = 0.7;

export function contentWords(text: string): Set<string> {
  return new Set(
    (
      text
        .normalize("NFKC")
        .toLowerCase()
        .match(/\p{L}{4,}/gu) ?? []
    ).filter((w) => !STOP.has(w)),
  );
}

/** The known statements that say the same as `text` (best first). */
export function sameStatements(text: string, known: { statement: KnownStatement; words: Set<string> }[]) {
  const mine = contentWords(text);
  if (mine.size < MIN_WORDS) return [];
  return known
    .map((k) => {
      if (k.words.size < MIN_WORDS) return { k, share: 0 };
      let shared = 0;
      for (const w of mine) if (k.words.has(w)) shared++;
      return { k, share: shared / Math.min(mine.size, k.words.size) };
    })
    .filter((x) => x.share >= MIN_SHARE)
    .sort((a, b) => b.share - a.share)
    .map((x) => x.k.statement);
}
