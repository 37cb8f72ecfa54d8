// Direct quotations: who said each one. Cue patterns in the spirit of Quootstrap ("$Q, $S said", "$Q, said Mr. $S",
// "$S said: $Q"), CoreNLP's quote–verb–name orders and PARC's cue verbs; a quotation split by its cue or continued
// in the same paragraph takes the earlier part's speaker.
import { accordingToOutlet, carriedVia, dayIn, leadingOutlet, mentionsIn, sentenceAt } from "./context";
import { CUE_VERBS } from "./lexicon";
import { AUX_TAIL, clauseSubject, cleanRole, documentSource, npAfter, subjectBefore } from "./nounphrases";
import { recipient, resolve } from "./speakers";
import type { Finder, QuoteInfo, RawAttribution, SentenceInfo } from "./types";

/** Cue verbs that introduce a quotation only after it ("…,” he continued"). */
const NOT_BEFORE = new Set("continue continued continues".split(" "));
const PARTICIPLES = new Set(
  "saying claiming denying insisting adding arguing confirming alleging".split(" "),
);

export function direct(f: Finder, q: QuoteInfo, qi: number): RawAttribution | null {
  const a = cued(f, q, qi);
  // "The inspectors' report described one resident as ‘visibly distressed’": a phrase a document quotes or coins
  // has no speaker; the corpus convention leaves it unattributed, like scare quotes.
  if (a && shortPhrase(f, q.openMark, q) && a.speaker.source && !a.speaker.antecedent) {
    const np = f.text.slice(a.speaker.source.start, a.speaker.source.end);
    if (documentSource(np)) return null;
  }
  return a;
}

function cued(f: Finder, q: QuoteInfo, qi: number): RawAttribution | null {
  const base = { kind: "direct" as const, start: q.start, end: q.end };
  const closeAt = q.lastCloseMark;
  const endSentence = sentenceAt(f, closeAt ?? q.end - 1);
  const via0 =
    (endSentence ? accordingToOutlet(f, closeAt ?? q.end, endSentence.end) : null) ??
    leadingOutlet(f, sentenceAt(f, q.openMark));
  // 1. Cue after the quotation: "…,” said X" / "…,” X said" / "…,” she told The Times" — only when the quotation
  // ends its clause ("…,”", "…?”"); a phrase quoted inside a sentence ("felt “abandoned” after …") has no cue after.
  if (closeAt !== null && endSentence && endsClause(f, closeAt)) {
    const after = cueAfter(f, closeAt + 1, endSentence.end);
    if (after)
      return {
        ...base,
        ...after,
        via: after.via ?? via0 ?? carriedVia(f, after.speaker, q.paragraph),
        dateText: after.dateText ?? after.speaker.dateText,
      };
  }
  // 2. Cue before it in its sentence: "X said: “…”", "X said it would not “…”".
  const startSentence = sentenceAt(f, q.openMark);
  if (startSentence) {
    const prevQuote = f.quotes[qi - 1];
    const from =
      prevQuote?.lastCloseMark && prevQuote.lastCloseMark > startSentence.start
        ? prevQuote.lastCloseMark + 1
        : startSentence.start;
    // A verb of naming right before the quotation ("calls the logbooks “…”") is its cue.
    const naming = namingCue(f, q, startSentence);
    if (naming) return { ...base, ...naming, via: via0 };
    const before = cueBefore(f, from, q.openMark, startSentence);
    if (before)
      return {
        ...base,
        ...before,
        via: before.via ?? via0 ?? carriedVia(f, before.speaker, q.paragraph),
        dateText: before.dateText ?? before.speaker.dateText,
      };
  }
  // 3. A quotation split by its cue or continued after it in the same paragraph takes the earlier part's speaker:
  // only with nothing but the earlier part's cue between them ("“A,” she said. “B.”").
  for (let k = f.found.length - 1; k >= 0; k--) {
    const prev = f.found[k] as RawAttribution;
    if (prev.kind !== "direct") continue;
    const prevQ = f.quotes.findIndex((x) => x.start === prev.start);
    const prevQuote = f.quotes[prevQ];
    const prevClose = prevQuote?.lastCloseMark ?? prevQuote?.end ?? 0;
    const between = f.text.slice(prevClose + 1, q.openMark);
    const joined = (prev.cueAt > prevClose && prev.cueAt < q.openMark) || /^[\s,.;:—–-]*$/.test(between);
    if (prevQ === qi - 1 && prevQuote && prevQuote.lastParagraph === q.paragraph && joined) {
      return {
        ...base,
        speaker: prev.speaker,
        via: prev.via,
        cue: prev.cue,
        cueAt: prev.cueAt,
        continuesIndex: k,
        dateText: prev.dateText,
      };
    }
    break;
  }
  return null;
}

/** The quotation ends its clause: punctuation inside the closing mark, or a comma or dash right after it. */
function endsClause(f: Finder, closeAt: number): boolean {
  let i = closeAt - 1;
  while (i > 0 && /\s/.test(f.text[i] as string)) i--;
  return /[,.!?…—–-]/.test(f.text[i] as string) || /^\s*[,—–]/.test(f.text.slice(closeAt + 1, closeAt + 4));
}

/** "X called the decision ‘…’", "X described it as “…”": a quoted phrase whose cue is a verb of naming. */
export function namingCue(f: Finder, q: QuoteInfo, sentence: SentenceInfo) {
  const region = f.masked.slice(sentence.start, q.openMark);
  const m =
    /(?<!so-)\b(called|calls|branded|brands|dubbed|dubs|labelled|labeled|termed|accused|accuses|accusing|blamed|blames|cited|cites)\s+(?:[^,.;:!?“”"‘’]{0,60}?\s)?(?:as\s+|of\s+)?$/i.exec(
      region,
    );
  if (!m) return null;
  // "an app called “ParkEasy”", "a campaign dubbed ‘Fare Fight’": a name given, no one quoted.
  if (
    /^(?:called|dubbed|labelled|labeled|termed|branded)\s*$/i.test(m[0]) &&
    /\b(?:a|an)\s+[\p{L}-]+\s+$/iu.test(region.slice(0, m.index))
  )
    return null;
  const at = sentence.start + m.index;
  // "with Ortiz's campaign running ads that called Banks “…”": the person the relative clause hangs on.
  const rel = /([^,;:]{1,80}?)\s+(?:that|which)\s+$/.exec(f.masked.slice(sentence.start, at));
  if (rel?.[1]) {
    const relStart = sentence.start + rel.index;
    const person = mentionsIn(f, relStart, relStart + rel[1].length)
      .filter((x) => x.kind === "person")
      .pop();
    if (person)
      return {
        speaker: resolve(f, person.start, person.end),
        cue: m[1] as string,
        cueAt: at,
        via: null,
        dateText: dayIn(f, sentence.start, q.openMark),
      };
  }
  // "in what campaigners called ‘…’": the subject of the relative "what".
  const what = /\bwhat\s+((?:the\s+|some\s+|many\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}?)\s+$/u.exec(
    f.masked.slice(sentence.start, at),
  );
  // "apologised for what it called ‘…’": a pronoun there is the clause's own subject, found below.
  const whatNp = what?.[1] && !/^(?:it|he|she|they|we|i|you)$/i.test(what[1]) ? what : null;
  const whatStart = whatNp?.[1] ? sentence.start + whatNp.index + whatNp[0].indexOf(whatNp[1]) : -1;
  // "The group said it had offered …, and accused the union of ‘…’": the first clause's subject.
  const subject =
    (whatNp?.[1] ? { start: whatStart, end: whatStart + whatNp[1].length, role: undefined } : null) ??
    subjectBefore(f, sentence.start, at) ??
    (/,\s*and\s*$/.test(f.masked.slice(sentence.start, at)) ? clauseSubject(f, sentence.start, at) : null);
  if (!subject) return null;
  return {
    speaker: resolve(f, subject.start, subject.end, subject.role),
    cue: m[1] as string,
    cueAt: at,
    via: null,
    dateText: dayIn(f, sentence.start, q.openMark),
  };
}

/** "…,” Name, a long description, said": the third group is the cue verb, however long the description. */
const LONG_CUE = new RegExp(
  `^[\\s,]*(\\p{Lu}[^,.;:!?“”"‘’]{1,60}),\\s+([^.;:!?“”"‘’]{3,140}?),\\s+(${[...CUE_VERBS].join("|")})\\b`,
  "u",
);

function cueAfter(f: Finder, from: number, to: number) {
  const region = f.masked.slice(from, to);
  // "…,” said X" — verb first.
  const verbFirst = /^[\s,]*([a-z]+)\s+/.exec(region);
  if (verbFirst?.[1] && CUE_VERBS.has(verbFirst[1])) {
    const np = npAfter(f, from + verbFirst[0].length, to);
    if (np) {
      const speaker = resolve(f, np.start, np.end, np.role);
      return {
        speaker,
        cue: verbFirst[1],
        cueAt: from + verbFirst[0].indexOf(verbFirst[1]),
        via: null,
        dateText: dayIn(f, from, to),
      };
    }
  }
  // "…,” X said" — a short subject then the verb, no punctuation between.
  const clause = /^[\s,]*([^,.;:!?“”"]*)/.exec(region)?.[1] ?? "";
  const lead = region.indexOf(clause);
  const words = [...clause.matchAll(/\S+/g)].slice(0, 9);
  const verbIdx = words.findIndex((w, i) => i > 0 && CUE_VERBS.has(w[0]));
  if (verbIdx > 0) {
    const verbMatch = words[verbIdx] as RegExpMatchArray;
    const verbAt = from + lead + (verbMatch.index ?? 0);
    const verb = verbMatch[0];
    const npText = clause.slice(0, verbMatch.index).replace(AUX_TAIL, "").trim();
    const npStart = from + lead;
    const speaker = resolve(f, npStart, npStart + npText.length);
    const told = verb === "told" ? recipient(f, verbAt + 4, to) : null;
    return {
      speaker,
      cue: told?.cue ?? verb,
      cueAt: verbAt,
      via: told?.via ?? null,
      dateText: dayIn(f, from, to),
    };
  }
  // "…,” Irena Kostadin, general secretary of the Coastal Transport Union, told the paper" — a name, its
  // appositive, then the verb.
  // "…,” the superintendent, Howard Bell, said": the description first, then the name.
  const described =
    /^[\s,]*((?:the|a|an|its|his|her|their)\s[^,.;:!?“”"‘’]{1,50}),\s+(\p{Lu}[^,.;:!?“”"‘’]{1,40}),\s+([a-z]+)\b/u.exec(
      region,
    );
  if (described?.[2] && described[3] && CUE_VERBS.has(described[3])) {
    const npStart =
      from + described[0].indexOf(described[2], described[0].indexOf(described[1] as string) + 1);
    const verbAt = from + described[0].length - described[3].length;
    const speaker = resolve(
      f,
      npStart,
      npStart + described[2].length,
      cleanRole(described[1] as string) || undefined,
    );
    const told = described[3] === "told" ? recipient(f, verbAt + 4, to) : null;
    return {
      speaker,
      cue: told?.cue ?? described[3],
      cueAt: verbAt,
      via: told?.via ?? null,
      dateText: dayIn(f, from, to),
    };
  }
  const long = LONG_CUE.exec(region);
  if (long?.[1] && long[3] && CUE_VERBS.has(long[3]) && !/\s(?:said|says|told)\s/.test(long[2] ?? "")) {
    const npStart = from + region.indexOf(long[1]);
    const verbAt = from + long[0].length - long[3].length;
    // "…,” Korvant's chief financial officer, Ji-woo Han, who joined …, told …": the name after the description.
    const descStart = from + long[0].indexOf(long[2] as string, long[1].length);
    const named = /^\p{Ll}/u.test(long[1].split(/\s+/).pop() ?? "")
      ? f.ents.mentions.find(
          (m) => m.kind === "person" && m.start === descStart && /^,\s/.test(f.text.slice(m.end, m.end + 2)),
        )
      : undefined;
    const role = cleanRole((named ? long[1] : long[2]) as string);
    const speaker = named
      ? resolve(f, named.start, named.end, role || undefined)
      : resolve(f, npStart, npStart + long[1].length, role || undefined);
    const told = long[3] === "told" ? recipient(f, verbAt + 4, to) : null;
    return {
      speaker,
      cue: told?.cue ?? long[3],
      cueAt: verbAt,
      via: told?.via ?? null,
      dateText: dayIn(f, from, to),
    };
  }
  return null;
}

/** The quotation whose opening mark is at `openMark`. */
const q1 = (f: Finder, openMark: number) => f.quotes.find((q) => q.openMark === openMark);

/** Four words or fewer, not a sentence of its own: the quoted phrases of scare quotes and partial quotations. */
export function shortPhrase(f: Finder, _at: number, q: QuoteInfo | undefined): boolean {
  if (!q) return false;
  const words = f.text.slice(q.start, q.end).trim();
  return words.split(/\s+/).length <= 4 && !/^\p{Lu}.*[.!?…]$/u.test(words.replace(/[’'”"]+$/, ""));
}

function cueBefore(f: Finder, from: number, to: number, sentence: SentenceInfo) {
  const region = f.masked.slice(from, to);
  const words = [...region.matchAll(/\b([a-z]+)\b/g)];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as RegExpMatchArray;
    const verb = w[1] as string;
    const at = from + (w.index ?? 0);
    if (!CUE_VERBS.has(verb) || NOT_BEFORE.has(verb)) continue;
    // "the promised downtown revival", "a reported 40 cases": a participle used as an adjective is no cue.
    if (/\b(?:the|a|an|its|his|her|their|this)\s+$/i.test(f.masked.slice(Math.max(0, at - 8), at))) continue;
    // "companies that insist on “…”": a demand named, no one quoted; "a polite way of saying “…”": no speaker.
    if (
      /^(?:insist|insists|insisted|insisting)$/.test(verb) &&
      /^\s+(?:on|upon)\b/.test(f.masked.slice(at + verb.length))
    )
      continue;
    if (
      verb === "saying" &&
      /\b(?:way|ways|means|manner)\s+of\s+$/.test(f.masked.slice(Math.max(0, at - 20), at))
    )
      continue;
    // "would continue to work “…”", "promised to …": the verb governs an infinitive, not the quotation.
    if (/^\s+to\s/.test(f.masked.slice(at + verb.length, at + verb.length + 4))) continue;
    // "Riders, we are told, are ‘partners’": a passive cue has no speaker.
    if (/\b(?:am|is|are|was|were|be|been|being)\s+$/.test(f.masked.slice(sentence.start, at))) continue;
    // A short phrase in quotation marks belongs to a cue close by, in the same clause ("the findings were
    // “harrowing”"), not to one across a clause or an infinitive ("asked residents to rank … “digital …”").
    if (shortPhrase(f, to - 1, q1(f, to))) {
      const between = f.masked.slice(at + verb.length, to);
      const infinitive = /\bto\s+[a-z]+/.exec(between);
      const governs = infinitive && !/\bthat\b/.test(between.slice(0, infinitive.index));
      if (governs || /,\s*(?:and|but)\s|;/.test(between) || between.split(/\s+/).length > 14) continue;
    }
    const subject = PARTICIPLES.has(verb)
      ? clauseSubject(f, sentence.start, at)
      : subjectBefore(f, sentence.start, at);
    if (!subject) continue;
    const speaker = resolve(f, subject.start, subject.end, subject.role);
    const told = verb === "told" ? recipient(f, at + 4, to) : null;
    let via = told?.via ?? null;
    const cue = told?.cue ?? verb;
    // An outer cue whose subject is an outlet: "Reuters reported that Mr. Jalil had said …" → via Reuters.
    if (!via) {
      for (let j = i - 1; j >= 0; j--) {
        const outer = words[j] as RegExpMatchArray;
        if (!CUE_VERBS.has(outer[1] as string)) continue;
        const oat = from + (outer.index ?? 0);
        const os = subjectBefore(f, sentence.start, oat);
        const outlet = os ? f.ents.outlet(f.text.slice(os.start, os.end)) : null;
        if (outlet && !f.ents.isSelf(outlet)) via = outlet;
        break;
      }
    }
    return { speaker, cue, cueAt: at, via, dateText: dayIn(f, sentence.start, to) };
  }
  return null;
}
