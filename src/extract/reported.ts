// Reported statements: "X said (that) …", "…, X said Monday.", "X said, …ing", "comments by X that …",
// "according to X, …", "…, which X said was …".
import { accordingToOutlet, afterDateline, dayIn, insideQuote, leadingOutlet } from "./context";
import { CUE_NOUNS, DOCUMENT_NOUNS } from "./lexicon";
import { clauseSubject, documentSource, npAfter, subjectBefore } from "./nounphrases";
import { recipient, resolve } from "./speakers";
import type { Finder, RawAttribution, SentenceInfo } from "./types";

export const INDIRECT_CUES = new Set(
  `said says say told tells added adds reported reports stated declared announced claimed insisted insists maintained
   maintain maintains argued argues warned warns acknowledged acknowledges admitted admits confirmed confirms denied
   denies explained explains noted notes wrote writes described denounced alleged contended asserted urged
   testified found finds cautioned cautions conceded concedes stressed stresses point points pointed`.split(
    /\s+/,
  ),
);
/** Cue verbs that report only with "that" ("notes that …"; "notes" alone is a noun as often as a verb). */
const NEEDS_THAT = new Set(
  `declared declares reported reports states notes claims warns claimed insisted argued warned acknowledged admitted confirmed explained noted
   alleged contended asserted maintained maintain maintains testified found finds writes wrote announced denied
   denies
   cautioned cautions conceded concedes stressed stresses point points pointed`.split(/\s+/),
);
const PARTICIPLES = new Set(
  "saying claiming denying insisting adding arguing confirming alleging telling noting explaining".split(" "),
);

/** The reported statements of one sentence, added to `f.found` in the order of their cues. */
export function indirect(f: Finder, s: SentenceInfo): void {
  const region = f.masked.slice(s.start, s.end);
  const cues: { at: number; len: number; make: () => RawAttribution | RawAttribution[] | null }[] = [];
  // "…, which X said was …,"
  for (const m of region.matchAll(/,\s*which\s+([^,]+?)\s+(said|says|claimed|insisted)\s+([^,]+)/g)) {
    const npStart = s.start + (m.index ?? 0) + m[0].indexOf(m[1] as string);
    const contentStart = s.start + (m.index ?? 0) + m[0].lastIndexOf(m[3] as string);
    const verbAt = s.start + (m.index ?? 0) + m[0].indexOf(` ${m[2]} `) + 1;
    cues.push({
      at: verbAt,
      len: (m[2] as string).length,
      make: () =>
        statement(
          f,
          npStart,
          npStart + (m[1] as string).length,
          contentStart,
          contentStart + (m[3] as string).length,
          m[2] as string,
          verbAt,
          s,
        ),
    });
  }
  // PARC cue nouns: "comments by X that …".
  for (const m of region.matchAll(/\b([a-z]+)\s+by\s+([^,;]+?)\s+that\s+/g)) {
    if (!CUE_NOUNS.has(m[1] as string)) continue;
    const npStart = s.start + (m.index ?? 0) + m[0].indexOf(m[2] as string, (m[1] as string).length);
    const contentStart = s.start + (m.index ?? 0) + m[0].length;
    cues.push({
      at: s.start + (m.index ?? 0),
      len: (m[1] as string).length,
      make: () =>
        statement(
          f,
          npStart,
          npStart + (m[2] as string).length,
          contentStart,
          s.end,
          `${m[1]} by … that`,
          s.start + (m.index ?? 0),
          s,
        ),
    });
  }
  // "according to X, …" / "…, according to X."
  const hasVerbCue = [...region.matchAll(/\b([a-z]+)\b/g)].some(
    (m) => INDIRECT_CUES.has(m[1] as string) || PARTICIPLES.has(m[1] as string),
  );
  for (const m of hasVerbCue ? [] : region.matchAll(/\baccording to\s+((?:the\s+)?[A-Za-z][^,.;]*)/gi)) {
    const at = s.start + (m.index ?? 0);
    const npStart = at + m[0].indexOf(m[1] as string);
    // "according to two people with knowledge of the talks and emails seen by the paper": the first source.
    const and = (m[1] as string).split(/\s+/).length > 8 ? (m[1] as string).search(/\s+and\s+/) : -1;
    const npEnd = npStart + (and > 0 ? and : (m[1] as string).length);
    // "Before the cameras, according to his report, one in three cars …": the statement is the longer side.
    const before = f.masked.slice(s.start, at).trim().split(/\s+/).length;
    const after = f.masked.slice(npEnd, s.end).trim().split(/\s+/).length;
    const front = at - s.start < 3 || (f.masked[npEnd] === "," && before <= 4 && after > before + 2);
    // "…, according to the town clerk, Irma Soto.": the name in apposition is the speaker.
    const appos = front
      ? undefined
      : f.ents.mentions.find(
          (x) =>
            x.kind === "person" &&
            /^,\s*$/.test(f.text.slice(npEnd, x.start)) &&
            /^[\s.,;]*$/.test(f.text.slice(x.end, s.end)),
        );
    const who = appos ? { start: appos.start, end: appos.end } : { start: npStart, end: npEnd };
    if (documentSource(f.text.slice(who.start, who.end))) continue;
    cues.push({
      at,
      len: 12,
      make: () =>
        front
          ? statement(f, npStart, npEnd, npEnd + 1, s.end, "according to", at, s)
          : statement(f, who.start, who.end, s.start, at, "according to", at, s),
    });
  }
  // Finite cue verbs and participles.
  for (const m of region.matchAll(/\b([a-z]+)\b/g)) {
    const verb = m[1] as string;
    const at = s.start + (m.index ?? 0);
    if (cues.some((c) => at >= c.at && at < c.at + c.len + 1)) continue;
    if (insideQuote(f, at)) continue;
    if (PARTICIPLES.has(verb)) {
      cues.push({ at, len: verb.length, make: () => participle(f, s, at, verb) });
    } else if (
      INDIRECT_CUES.has(verb) &&
      !/\b(?:the|a|an|its|his|her|their|this)\s+$/i.test(
        region.slice(Math.max(0, (m.index ?? 0) - 8), m.index),
      ) &&
      // "has added eleven minutes to my commute": "add" with an amount is no cue.
      !(
        /^add/.test(verb) &&
        /^\s+(?:\d|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?)\b)/i.test(
          region.slice((m.index ?? 0) + verb.length, (m.index ?? 0) + verb.length + 14),
        )
      ) &&
      !/\b(?:was|were|been|be|is|are)\s+$/.test(region.slice(0, m.index)) &&
      // "declined to say how long …", "did not say what …": no statement.
      !(/^(?:say|tell)$/.test(verb) && /\b(?:to|not|never|n[’']t)\s+$/.test(region.slice(0, m.index)))
    ) {
      cues.push({ at, len: verb.length, make: () => finite(f, s, at, verb) });
    }
  }
  cues.sort((a, b) => a.at - b.at);
  const made: RawAttribution[] = [];
  const push = (a: RawAttribution) => {
    // A statement inside another one's content ("said Oresko had argued that …") is part of what was said.
    const outer = made[made.length - 1];
    // "says A and says B": the second cue's statement is the second part of the first's.
    if (made.some((m) => m.start === a.start && m.end === a.end)) return;
    const subjectAt = a.speaker.source?.start ?? a.cueAt;
    if (outer && subjectAt >= outer.start && subjectAt < outer.end && outer.start >= outer.cueAt) return;
    if (
      outer &&
      outer.start > outer.cueAt &&
      a.cueAt > outer.start &&
      a.cueAt < outer.end &&
      !/[,;:—–]/.test(f.masked.slice(outer.start, a.cueAt))
    )
      return;
    // A statement's content stops where the next statement's subject begins.
    const prev = made[made.length - 1];
    if (prev && prev.end > a.cueAt && prev.start < a.cueAt)
      prev.end = trimEnd(f, prev.start, Math.min(prev.end, segmentStartBefore(f, a)));
    made.push(a);
    f.found.push(a);
  };
  for (const c of cues)
    for (const a of [c.make()].flat()) {
      if (!a) continue;
      // A cue a quotation stands on ("…,” she said") reports that quotation; a statement on it must contain it
      // ("said there had been “a culture of denial” at the unit").
      const quoted = f.found.filter((d) => d.kind === "direct" && d.cueAt === c.at);
      if (quoted.length && !quoted.some((d) => d.start >= a.start && d.end <= a.end)) continue;
      // "Her house has water “up to the light switches,” she said.": the cue after the quotation reports the
      // quotation; the words before it are the writer's setting.
      if (
        a.cueAt > a.end &&
        quoted.some((d) => {
          const close = f.quotes.find((q) => q.start === d.start)?.lastCloseMark;
          return close != null && close >= a.end - 2 && d.start > a.start;
        })
      )
        continue;
      for (const part of splitContent(f, a)) if (saysMoreThanItsQuotes(f, part)) push(part);
    }
}

/**
 * "X said A and that B" is two statements; a content ends before a clause that is the writer's, not the
 * speaker's (", although …", ", when …").
 */
/** The masked text of a span with the words inside quotation marks blanked: "but" in “regrettable but necessary” is no clause boundary. */
function unquoted(f: Finder, start: number, end: number): string {
  let t = f.masked.slice(start, end);
  for (const q of f.quotes) {
    const close = q.lastCloseMark ?? q.end;
    if (q.openMark >= end || close <= start) continue;
    const from = Math.max(0, q.start - start);
    const to = Math.min(t.length, q.end - start);
    if (to > from) t = t.slice(0, from) + "_".repeat(to - from) + t.slice(to);
  }
  return t;
}

function splitContent(f: Finder, a: RawAttribution): RawAttribution[] {
  const body = unquoted(f, a.start, a.end);
  // Only when the cue comes first: "…, when a footbridge collapsed …, fire officials said" is all what was said.
  const tail = a.cueAt < a.start ? WRITERS_TAIL.exec(body) : null;
  const end = tail && tail.index > 12 ? trimEnd(f, a.start, a.start + tail.index) : a.end;
  // "… and apologised for what it called ‘…’": the speaker's own act after the statement; a quoted phrase there is
  // still the speaker's.
  const reach = tail && tail.index > 12 && /^\s+and\s/.test(tail[0]) ? a.end : undefined;
  // A dateline is the writer's: "PORT HAVEN — Eleven people were hurt …, officials said."
  let start = a.start;
  const dateline =
    /^\p{Lu}[\p{Lu}\s.,'’-]{2,40}(?:,\s*[\p{L}.]+(?:\s[\p{L}.]+)?)?(?:,\s*\p{Lu}[\p{L}.]*\s\d+)?\s*(?:\([^)]{1,40}\))?\s*[—–-]\s+/u.exec(
      f.text.slice(a.start, end),
    );
  if (dateline && a.cueAt > a.end) start = a.start + dateline[0].length;
  if (a.cueAt >= end && dateline) start = a.start + dateline[0].length;
  const content = unquoted(f, start, end);
  const split: Clause | null = THAT_SPLIT.exec(content) ?? (a.cueAt < a.start ? secondClause(content) : null);
  // "… and had replaced the manager": the speaker's own next verb ends the statement and starts none.
  if (split?.cut && split.index >= 8)
    return [{ ...a, start, end: trimEnd(f, start, start + split.index), reach: end }];
  if (!split || split.index < 8)
    return end - start >= 8 ? [{ ...a, start, end, ...(reach ? { reach } : {}) }] : [];
  const second = start + split.index + split[0].length;
  const first = { ...a, start, end: trimEnd(f, start, start + split.index) };
  const rest = splitContent(f, { ...a, start: second, end, cueAt: start + split.index + 1 });
  return [first, ...rest];
}

/** Where a content divides; `cut`: the rest is not a statement of its own. */
type Clause = { index: number; 0: string; cut?: boolean };

/** Finite auxiliaries: after "and" with no subject, the content's subject goes on ("… and had continued …"). */
const AUX = "(?:had|has|have|was|were|is|are|would|will|could|should|can|may|might|must|did|does)";

/**
 * Where a content (cue first) ends before a clause that is the writer's, not the speaker's (", although …",
 * ", when …", " but …" unless the speaker's own "but would not …").
 */
const WRITERS_TAIL = new RegExp(
  `,\\s+(?:although|though|but|while|whereas|when|mostly|none|just as|perhaps|less than|more than|well below|well above|up from|down from|a claim|a charge|an allegation|an assertion|a view|a figure)\\s|\\s+and\\s+then\\s+\\p{Ll}+s\\b|\\s+and\\s+(?:described|called|accused|urged|branded|dubbed|blamed|criticised|criticized|praised|thanked|apologised|apologized|declined|refused|promised|vowed|pledged|appealed)\\b|\\s+but\\s+(?!that\\b|(?:not\\s+)?${AUX}\\s)`,
  "u",
);

/** "X said A and that B", "… and said that B", "… but that B": two statements. */
const THAT_SPLIT =
  /,?\s+and\s+(?:(?:said|says|added|adds|insisted|insists|warned|warns|argued|noted|claimed|stressed)\s+)?that\s+|,?\s+but\s+that\s+/;

/**
 * "said the failures were serious and had continued for years": the statement ends before the second verb, whose
 * subject may be the content's or the speaker's own ("… and would interview candidates"; the gold counts it both
 * ways), and the rest is no statement (`cut`). "said it was ready but would not negotiate", "says A and says B",
 * "said homes are without power and engineers will work overnight": the second clause is a second statement — with
 * its own subject, only after a first clause with a finite auxiliary, so that "a shortage of deckhands and engineers
 * had left it …" stays one.
 */
function secondClause(content: string): Clause | null {
  if (!content.includes(" and ") && !content.includes(" but ")) return null;
  const bare = BARE_CLAUSE.exec(content);
  if (bare) return Object.assign(bare, { cut: !/\s(?:says|said|adds|added)\s|^\s+but\s/.test(bare[0]) });
  const own = OWN_CLAUSE.exec(content);
  if (own && HAS_AUX.test(content.slice(0, own.index))) return own;
  return null;
}
const BARE_CLAUSE = new RegExp(
  `(?<=[”’"]|\\p{L}{3})\\s+(?:and|but)\\s+(?:(?:says|said|adds|added)\\s+(?=\\p{Ll})|(?=(?:not\\s+)?${AUX}\\s))`,
  "u",
);
const OWN_CLAUSE = new RegExp(
  `(?<=\\p{L}{2})\\s+(?:and|but)\\s+(?=(?:it|he|she|they|we|(?:the|its|his|her|their)\\s+\\p{Ll}+|\\p{Ll}+s)\\s+${AUX}\\s)`,
  "u",
);
const HAS_AUX = new RegExp(`\\b${AUX}\\b`);

/**
 * A statement is more than the quotations in it (two words or more outside them, and under 70% quoted), and not
 * a report of a quotation's own cue ("Reuters reported that Mr. Jalil had said “…”" is Mr. Jalil's, via Reuters).
 */
function saysMoreThanItsQuotes(f: Finder, a: RawAttribution): boolean {
  // A quotation with no cue of its own ("unclear" so far) is no cue: the statement around it adopts it.
  if (f.found.some((d) => d.kind === "direct" && !d.unclear && d.cueAt >= a.start && d.cueAt < a.end))
    return false;
  // "“…,” Irena Kostadin … told the paper": a quotation's own cue after it, not a statement.
  if (a.cueAt >= a.end && /^[“"‘]/.test(f.text.slice(a.start, a.start + 1))) return false;
  let outside = f.text.slice(a.start, a.end);
  for (const q of f.quotes)
    if (q.openMark < a.end && (q.lastCloseMark ?? q.end) > a.start) {
      const from = Math.max(0, q.openMark - a.start);
      const to = Math.min(outside.length, (q.lastCloseMark ?? q.end) + 1 - a.start);
      outside = outside.slice(0, from) + " ".repeat(Math.max(0, to - from)) + outside.slice(to);
    }
  const blank = (outside.match(/ {2,}/g) ?? []).join("").length;
  // "described the decision as ‘…’": a quotation named, not a statement; "in an interview last week.": no content.
  if (
    /^[^“"‘]{0,60}\bas\s*$/.test(outside.replace(/[\s.,;:!?]+$/, "")) &&
    /[”"’]\W*$/.test(f.text.slice(a.start, a.end))
  )
    return false;
  if (
    /^(?:in|on|at|during|after|before|to|from|by|with|outside|inside|last|this|earlier|later)\b[^,;:“”"‘’]*$/i.test(
      f.text.slice(a.start, a.end).trim(),
    ) &&
    f.text.slice(a.start, a.end).trim().split(/\s+/).length <= 6
  )
    return false;
  // "said on the courthouse steps: “…”": the words before a colon introduce the quotation.
  if (/:\s*$/.test(outside.trim() === "" ? "" : outside.replace(/\s+$/, ""))) return false;
  return (outside.match(/\p{L}+/gu) ?? []).length >= 2 && blank < 0.8 * (a.end - a.start);
}

/** The recipient of "told": a pronoun or "reporters" alone, a name alone, else the noun phrase after the verb. */
function recipientPhrase(f: Finder, from: number, to: number) {
  const lead =
    /^\s*(us|me|him|her|them|reporters|journalists|jurors|the court|parliament|MPs|lawmakers|legislators|senators|councillors|councilors|delegates|investors|analysts|staff|employees|workers|students|parents|residents|supporters|members|shareholders|the committee|the panel|the crowd)\b/i.exec(
      f.text.slice(from, to),
    );
  if (lead?.[1]) {
    const start = from + lead[0].indexOf(lead[1]);
    return { start, end: start + lead[1].length };
  }
  // "tells the Courier all schools are open": a capitalised name, then the content without "that".
  const proper =
    /^\s*((?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)\s+(?=\p{Ll})(?!that\b|on\b|in\b|at\b|about\b|last\b|this\b|after\b|before\b|during\b|earlier\b|later\b|yesterday\b|today\b|and\b|for\b|by\b|from\b|outside\b|when\b)/u.exec(
      f.text.slice(from, to),
    );
  if (proper?.[1] && !/^(?:I|The|A|An)$/.test(proper[1])) {
    const start = from + proper[0].indexOf(proper[1]);
    // "told Al Sharq television that …": the medium word is part of the recipient.
    const medium = /^\s+(?:television|radio|newspaper|channel|station|website|magazine|daily|TV)\b/.exec(
      f.text.slice(start + proper[1].length, to),
    );
    return { start, end: start + proper[1].length + (medium?.[0].length ?? 0) };
  }
  const rec = npAfter(f, from, to);
  if (!rec) return null;
  const name = f.ents.mentions.find((m) => m.start >= rec.start && m.start <= rec.start + 4);
  if (name && name.end < rec.end) return { start: rec.start, end: name.end };
  return rec;
}

/** The last comma before the cue that a space follows (where the cue's clause begins), else the cue itself. */
function segmentStartBefore(f: Finder, a: { cueAt: number }): number {
  const comma = f.masked.lastIndexOf(",", a.cueAt - 1);
  return comma >= 0 && /^,\s/.test(f.masked.slice(comma, Math.min(comma + 2, a.cueAt))) ? comma : a.cueAt;
}

function trimEnd(f: Finder, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,;:.]/.test(f.text[e - 1] as string)) e--;
  if (f.text[e] === ".") e++;
  return e;
}

function finite(
  f: Finder,
  s: SentenceInfo,
  at: number,
  verb: string,
): RawAttribution | RawAttribution[] | null {
  const subject = subjectBefore(f, s.start, at);
  if (!subject || documentSource(f.text.slice(subject.start, subject.end))) return null;
  // "I said then that the scheme would fail", "As I wrote last week, …": the writer's own claim, no source's.
  if (/^(?:as\s+)?(?:I|we)$/i.test(f.text.slice(subject.start, subject.end).trim())) return null;
  // "That said, …", "Having said that, …", "What she told me next …": no one reports anything.
  const subjectText = f.text.slice(subject.start, subject.end);
  if (/^(?:that|this|what|whatever)\b/i.test(subjectText) && !/^(?:that|this)\s+\p{L}/iu.test(subjectText))
    return null;
  // "As the mayor said in 2019, the bridge is the town's lifeline.": what follows the fronted clause (only in a
  // sentence that opens with "As", not "…, as analysts said the fine was smaller").
  if (/^\s*as\s/i.test(f.masked.slice(afterDateline(f, s.start), subject.end))) {
    const comma = f.masked.indexOf(",", at);
    if (comma < 0 || comma >= s.end) return null;
    const np = /^as\s/i.test(subjectText) ? subject.start + 3 : subject.start;
    return statement(f, np, subject.end, comma + 1, s.end, verb, at, s, subject.role);
  }
  let rest = at + verb.length;
  let cue = verb;
  let via: string | null = null;
  if (verb === "told" || verb === "tells") {
    const rec = recipientPhrase(f, rest, s.end);
    const told = recipient(f, rest, s.end);
    if (!rec || !told) return null;
    cue = told.cue;
    via = told.via;
    rest = rec.end;
  }
  const tail = f.masked.slice(rest, s.end);
  // "said (on Monday) (that) …", "said in a statement that …", "adds, laughing, that …".
  const lead =
    /^\s*(?:(?:in|on|at|to|during|after|before|from|through|via|over|by)\b[^,.;:“”"‘’]{0,50}?\s+(that\s+)|,\s*(?:[a-z]+ing|however|though|too|also|again)\s*,\s*(that\s+)|out\s+(that\s+)|(?:(?:on\s+|late\s+|early\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)\b\s*)?(that\s+)?)/i.exec(
      tail,
    );
  const hasThat = Boolean(lead?.[1] || lead?.[2] || lead?.[3] || lead?.[4]);
  // "said nothing about …", "said little": no statement; "said: …" introduces a quotation, not a statement.
  if (/^\s*(?:nothing|little|no more)\b|^\s*:/.test(tail)) return null;
  const contentStart = rest + (lead?.[0].length ?? 0);
  // "…, The Associated Press reported." reports what comes before it; "reported a spike in …" reports nothing.
  // At the end of its sentence, or of its clause before a participle ("…, the hospital has announced, prompting …").
  const atEnd =
    /^[\s.]*$/.test(f.masked.slice(contentStart, s.end)) ||
    // "…, Cordillera said in a statement, adding that …" / "…, she said in an interview."
    (!hasThat &&
      /^\s*(?:in|on|at|during|via|by)\s+(?:a|an|the|its|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?\s*(?:\.|,\s*[a-z]+ing\b)/.test(
        f.masked.slice(rest, s.end),
      ) &&
      /,\s*(?:\S+\s+){0,4}$/.test(f.masked.slice(s.start, at))) ||
    (/^\s*,\s*[a-z]+ing\b/.test(f.masked.slice(contentStart, s.end)) &&
      /,\s*(?:\S+\s+){0,4}$/.test(f.masked.slice(s.start, at))) ||
    // "…, two people familiar with the matter said on Tuesday, in a deal that could …": a cue after its statement,
    // then the writer's addition.
    (!hasThat &&
      /^\s*,\s*(?!that\b|and\b|but\b|or\b)\p{Ll}/u.test(f.masked.slice(contentStart, s.end)) &&
      !/^\s*,[^,]{0,60},\s*that\s/.test(f.masked.slice(contentStart, s.end)) &&
      /,\s*$/.test(f.masked.slice(s.start, subject.start)) &&
      f.masked.slice(s.start, subject.start).trim().split(/\s+/).length >= 5);
  if (NEEDS_THAT.has(verb) && !hasThat && !(/^(?:reported|announced|confirmed)$/.test(verb) && atEnd))
    return null;
  // "A, the company said, and B.": a cue between two statements of the same speaker.
  const between = /^\s*,\s*(?:and|but)\s+(?:that\s+)?/.exec(f.masked.slice(rest, s.end));
  if (between && !hasThat && /,\s*$/.test(f.masked.slice(s.start, subject.start))) {
    const end = trimEnd(f, s.start, segmentStartBefore(f, { cueAt: subject.start }));
    if (end - s.start >= 12) {
      const first = statement(f, subject.start, subject.end, s.start, end, cue, at, s, subject.role, via);
      const second = statement(
        f,
        subject.start,
        subject.end,
        rest + between[0].length,
        s.end,
        cue,
        at,
        s,
        subject.role,
        via,
      );
      return [first, second].filter((x): x is RawAttribution => x !== null);
    }
  }
  if (atEnd) {
    // Cue at the end: "…, members of the opposition said Monday."
    const end = trimEnd(f, s.start, segmentStartBefore(f, { cueAt: subject.start }));
    if (end - s.start < 12) return null;
    return statement(f, subject.start, subject.end, s.start, end, cue, at, s, subject.role, via);
  }
  return statement(f, subject.start, subject.end, contentStart, s.end, cue, at, s, subject.role, via);
}

function participle(f: Finder, s: SentenceInfo, at: number, verb: string): RawAttribution | null {
  // "…, it said, adding that …": the participle hangs on the parenthetical cue's subject.
  // "…, Cordillera said in a statement, adding that …" too.
  const paren =
    /,\s*([^,]{1,40}?)\s+(?:said|says|added|told \S+)(?:\s+(?:in|on|at)\s+(?:a|an|the|its|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?)?,\s*$/.exec(
      f.masked.slice(s.start, at),
    );
  const parenStart = paren?.[1] ? s.start + (paren.index ?? 0) + paren[0].indexOf(paren[1]) : -1;
  const subject =
    paren?.[1] && parenStart >= 0
      ? { start: parenStart, end: parenStart + paren[1].length }
      : clauseSubject(f, s.start, at);
  if (!subject) return null;
  // "saying only that …", "adding simply that …".
  const lead = /^\s*(?:(?:only|simply|merely|just)\s+)?(?:that\s+)?/.exec(
    f.masked.slice(at + verb.length, s.end),
  );
  const contentStart = at + verb.length + Math.max(1, lead?.[0].length ?? 0);
  // Not a comma inside a quotation ("… meet him “any time, anywhere”").
  const rel = unquoted(f, contentStart, s.end).indexOf(",");
  const end = rel >= 0 ? contentStart + rel : s.end;
  // "released a statement on Monday claiming" keeps its document noun, so "the statement read" can find it.
  const between = f.text.slice(subject.end, at).trim().split(/\s+/);
  const docAt = between.findIndex((w) => DOCUMENT_NOUNS.has(w.toLowerCase()));
  const cue = docAt >= 0 ? [...between.slice(Math.max(0, docAt - 2)), verb].join(" ") : verb;
  return statement(f, subject.start, subject.end, contentStart, end, cue, at, s, subject.role);
}

function statement(
  f: Finder,
  npStart: number,
  npEnd: number,
  start: number,
  end: number,
  cue: string,
  cueAt: number,
  s: SentenceInfo,
  role?: string,
  toldVia: string | null = null,
): RawAttribution | null {
  // A subject read from the sentence's start may begin with the closing mark of the quotation before it.
  while (npStart < npEnd && /[\s“”"‘’,]/.test(f.text[npStart] as string)) npStart++;
  const npText = f.text.slice(npStart, npEnd).trim();
  const head = npText.split(/\s+(?:who|whose|which)\s/i)[0] ?? npText;
  if (!npText || head.split(/\s+/).length > 10) return null;
  const outletId = f.ents.outlet(npText);
  const speaker = resolve(f, npStart, npEnd, role);
  const e = trimEnd(f, start, end);
  let b = start;
  while (b < e && /[\s,]/.test(f.text[b] as string)) b++;
  if (e - b < 8) return null;
  let via = toldVia ?? (outletId && !f.ents.isSelf(outletId) ? outletId : null);
  if (!via) via = accordingToOutlet(f, cueAt, s.end) ?? leadingOutlet(f, s);
  return { kind: "indirect", start: b, end: e, speaker, via, cue, cueAt, dateText: dayIn(f, s.start, s.end) };
}
