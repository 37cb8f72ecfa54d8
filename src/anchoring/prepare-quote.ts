// A target prepared for matching: the quote and its context normalised once (at build time for the dataset's
// targets, which ship prepared in the payloads).
import type { TextTarget } from "../model/dataset";
import type { PreparedQuote } from "../model/protocol";
import { normaliseForMatch } from "./normalise";

export function prepareQuote(target: TextTarget, lowercase: boolean): PreparedQuote {
  const norm = (s: string) => normaliseForMatch(s, lowercase);
  const exact = target.exact.trim();
  const quote = norm(exact).trim();
  const breaks = exact.includes("\n");
  // Whitespace trimmed off the quote belongs to its context: a candidate starts at the quote's first character,
  // and what comes right before it is the prefix and that whitespace.
  const lead = target.exact.slice(0, target.exact.length - target.exact.trimStart().length);
  const trail = target.exact.slice(lead.length + exact.length);
  return {
    quote,
    prefix: norm(target.prefix + lead).trimStart(),
    suffix: norm(trail + target.suffix).trimEnd(),
    paragraphs: breaks
      ? target.exact
          .split(/\s*\n\s*/)
          .map((p) => norm(p).trim())
          .filter((p) => p.length > 0)
      : [quote],
  };
}
