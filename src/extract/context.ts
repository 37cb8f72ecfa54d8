// What every rule needs while reading one article: the masked text, the sentence at an offset, the day a sentence
// names, an outlet named by "according to", and whether an offset lies inside a quotation.
import { WEEKDAYS } from "./lexicon";
import type { Finder, SentenceInfo } from "./types";

const ABBREV_DOT =
  /\b(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|Prof|St|Jr|Sr|No|Adm|Rev|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|\b(?:[A-Z]\.){2,}/g;

/** The text with abbreviation periods masked ("Mr." → "Mr§"), same length, so regexes can treat "." as an end. */
export function maskAbbreviations(text: string): string {
  return text.replace(ABBREV_DOT, (m) => m.replace(/\./g, "§"));
}

const DAY_WORDS = new RegExp(
  `\\b(?:(?:late|early|on|last)\\s+)?(?:${WEEKDAYS.join("|")}|today|yesterday|tonight)\\b`,
  "i",
);

export function sentenceAt(f: Finder, pos: number): SentenceInfo | undefined {
  return f.sentences.find((s) => pos >= s.start && pos < s.end) ?? f.sentences.find((s) => pos === s.end);
}

/** The day a stretch of text names outside its quotations ("on Monday", "yesterday"). */
export function dayIn(f: Finder, from: number, to: number): string | undefined {
  const outside = f.text.slice(from, to).replace(/“[^”]*”/g, (m) => " ".repeat(m.length));
  return DAY_WORDS.exec(outside)?.[0];
}

/** "according to The Associated Press" after a point in the sentence → the outlet's id. */
export function accordingToOutlet(f: Finder, from: number, to: number): string | null {
  const region = f.masked.slice(from, to);
  const m =
    /\baccording to\s+((?:the\s+)?[A-Z][^,.;:]*)/i.exec(region) ??
    /,\s+((?:the\s+)?[A-Z][^,.;:]*?)\s+reported\s*\.?\s*$/i.exec(region);
  return m?.[1] ? f.ents.outlet(m[1].trim()) : null;
}

export function insideQuote(f: Finder, pos: number): boolean {
  return f.quotes.some((q) => pos > q.openMark && pos < (q.lastCloseMark ?? q.end));
}
