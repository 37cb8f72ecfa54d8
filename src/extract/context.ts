// What every rule needs while reading one article: the masked text, the sentence at an offset, the day a sentence
// names, an outlet named by "according to", and whether an offset lies inside a quotation.
import { WEEKDAYS } from "./lexicon";
import type { Finder, SentenceInfo, SpeakerRef } from "./types";

const ABBREV_DOT =
  /\b(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|Prof|St|Jr|Sr|No|Adm|Rev|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|\b(?:[A-Z]\.){2,}|(?<=\b[A-Z][a-z]+\s[A-Z])\.(?=\s[A-Z][a-z])/g;

/** The text with abbreviation periods masked ("Mr." → "Mr§"), same length, so regexes can treat "." as an end. */
export function maskAbbreviations(text: string): string {
  return text.replace(ABBREV_DOT, (m) => m.replace(/\./g, "§"));
}

const DAY_WORDS = new RegExp(
  `\\b(?:(?:late|early|on|last)\\s+)?(?:${WEEKDAYS.join("|")}|today|yesterday|tonight)\\b`,
  "i",
);

/** The sentence holding an offset (or ending at it). Sentences are in text order: a binary search. */
const DATELINE =
  /^\p{Lu}[\p{Lu}\s.,'’-]{2,40}(?:,\s*[\p{L}.]+(?:\s[\p{L}.]+)?)?(?:,\s*\p{Lu}[\p{L}.]*\s\d+)?\s*(?:\([^)]{1,40}\))?\s*[—–-]\s+/u;

/** Where a sentence's own words begin, after a dateline ("TALSK, Varnia, May 19 (Tidewater Wire) - "). */
export function afterDateline(f: Finder, start: number): number {
  const m = DATELINE.exec(f.text.slice(start, start + 120));
  return m ? start + m[0].length : start;
}

export function sentenceAt(f: Finder, pos: number): SentenceInfo | undefined {
  const ss = f.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid] as SentenceInfo;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return ss.find((s) => pos === s.end);
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
    // "…,” said X, speaking to Reuters by telephone." / "… in an interview with the BBC."
    /\b(?:speaking to|in an interview with)\s+((?:the\s+)?[A-Z][^,.;:]*?)(?=\s+(?:by|on|in|from|after|before|at|last|this)\b|\s*[,.;:]|\s*$)/.exec(
      region,
    ) ??
    /,\s+((?:the\s+)?[A-Z][^,.;:]*?)\s+reported\s*\.?\s*$/i.exec(region);
  return m?.[1] ? f.ents.outlet(m[1].trim()) : null;
}

/** True inside a quotation's marks. Quotations are in text order and do not overlap: a binary search. */
export function insideQuote(f: Finder, pos: number): boolean {
  let lo = 0;
  let hi = f.quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = f.quotes[mid] as (typeof f.quotes)[number];
    if (pos <= q.openMark) hi = mid - 1;
    else if (pos >= (q.lastCloseMark ?? q.end)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The resolved mentions inside [start, end), from the mentions in text order. */
export function mentionsIn(f: Finder, start: number, end: number): Finder["ents"]["mentions"] {
  const ms = f.ents.mentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ms[mid]?.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Finder["ents"]["mentions"] = [];
  for (let i = lo; i < ms.length && (ms[i]?.start ?? end) < end; i++) {
    const m = ms[i] as (typeof ms)[number];
    if (m.end <= end) out.push(m);
  }
  return out;
}

/**
 * "X told the BBC that …. ‘…,’ she said." / "“…,” Quispe said" in the next paragraph: a quotation by the speaker of
 * the statement just before, which came through an outlet, in the same or the next paragraph, came through it too.
 */
export function carriedVia(f: Finder, speaker: SpeakerRef, paragraph: number): string | null {
  if (!speaker.entityId) return null;
  const prev = f.found[f.found.length - 1];
  if (!prev?.via || prev.speaker.entityId !== speaker.entityId) return null;
  const para = sentenceAt(f, prev.cueAt)?.paragraph;
  return para !== undefined && (para === paragraph || para === paragraph - 1) ? prev.via : null;
}

/** "Speaking to the Valley Gazette, she said …": the outlet a sentence opens by naming as its listener. */
export function leadingOutlet(f: Finder, s: SentenceInfo | undefined): string | null {
  if (!s) return null;
  const m = /^(?:Speaking|Talking|Writing)\s+(?:to|in|on)\s+((?:the\s+)?\p{Lu}[^,.;:]{1,50}?)\s*,/u.exec(
    f.masked.slice(s.start, s.end),
  );
  return m?.[1] ? f.ents.outlet(m[1].trim()) : null;
}
