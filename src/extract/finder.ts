// Reading one article in order: each sentence's quotations first, its reported statements only if it has none.
import { maskAbbreviations, sentenceAt } from "./context";
import { direct } from "./quotations";
import { indirect } from "./reported";
import type { EntityResolver, Finder, QuoteInfo, RawAttribution, SentenceInfo } from "./types";

export function findAttributions(
  text: string,
  sentences: SentenceInfo[],
  quotes: QuoteInfo[],
  ents: EntityResolver,
): RawAttribution[] {
  const f: Finder = { text, masked: maskAbbreviations(text), sentences, quotes, ents, found: [] };
  const directSentences = new Set<SentenceInfo>();
  let qi = 0;
  for (const s of sentences) {
    for (; qi < quotes.length && (quotes[qi]?.openMark ?? Infinity) < s.end; qi++) {
      const q = quotes[qi] as QuoteInfo;
      const a = direct(f, q, qi);
      if (!a) continue;
      f.found.push(a);
      const s2 = sentenceAt(f, q.lastCloseMark ?? q.end - 1);
      directSentences.add(s);
      if (s2) directSentences.add(s2);
    }
    if (!directSentences.has(s)) indirect(f, s);
  }
  f.found.sort((a, b) => a.start - b.start);
  return f.found;
}
