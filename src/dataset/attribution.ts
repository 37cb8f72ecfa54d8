// Attributions: who said each quotation and each reported statement.
// Cue patterns in the spirit of Quootstrap ("$Q, $S said", "$Q, said Mr. $S", "$S said: $Q"), CoreNLP's
// quote–verb–name orders and PARC's cue verbs and nouns; speakers resolved through names, pronouns,
// descriptions ("the defector") and appositive roles ("the opposition leader, Mustapha Abdul-Jalil").
import { CUE_NOUNS, CUE_VERBS, DETERMINERS, DOCUMENT_NOUNS, PRONOUNS, WEEKDAYS } from "./lexicon";
import type { Span } from "./text";

export interface SentenceInfo extends Span {
  paragraph: number;
}

/** A name mention already resolved to an entity. */
export interface ResolvedMention extends Span {
  entityId: string;
  kind: string;
}

export interface SpeakerRef {
  entityId: string | null;
  speakerText: string;
  role?: string;
  anonymous: boolean;
  /** A description the speaker was given here; used to resolve later descriptions ("the defector"). */
  description?: string;
  /** The day of the statement the speaker was found through ("the statement read" → the statement's day). */
  dateText?: string;
  /** Where the speaker stands in the text at this cue ("she", "Mr. Jalil"). */
  source?: { start: number; end: number };
  /** Where a pronoun's or a description's speaker was named, when that is elsewhere. */
  antecedent?: { start: number; end: number };
}

export interface RawAttribution {
  kind: "direct" | "indirect";
  start: number;
  end: number;
  speaker: SpeakerRef;
  via: string | null;
  cue: string;
  /** Offset of the cue word, for dates and ordering. */
  cueAt: number;
  dateText?: string;
  continuesIndex?: number;
}

/** What the attribution rules need from the entity store. */
export interface EntityResolver {
  /** Resolved name mentions of the article, in text order. */
  mentions: ResolvedMention[];
  /** Roles given to named entities in this article by appositives and titles. */
  roles: Map<string, string[]>;
  /** Create (or find) an entity for a speaker the name clustering did not know. */
  describe(text: string, opts: { named: boolean; plural: boolean; start: number; end: number }): string;
  /** The outlet an expression names, resolved against the article's own publisher ("The Times" in a Times article). */
  outlet(surface: string): string | null;
  /** The organisation a definite description's head noun names ("the council"). */
  orgByHead(head: string): string | null;
  /** True when the outlet is the publisher of this article: a statement told to it is first-hand. */
  isSelf(outletId: string): boolean;
  kindOf(entityId: string): string | undefined;
  isAnonymous(entityId: string): boolean;
}

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
const SKIP_SEGMENT =
  /^(?:\d+|[a-z]+ing\b.*|(?:in|on|at|from|to|for|with|by|after|before|during|outside|inside|near|including|like|despite|under|over|amid|according)\b.*|(?:who|which|whose|where|when)\b.*|(?:last|this|next)\s+\w+|however|meanwhile|also|still|instead|indeed|now|then|later|earlier|afterwards|separately|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)$/i;
const CLAUSE_BOUNDARY =
  /(?:[;:—–]|\s-\s|,\s+(?:and|but|or|yet|so)\s|\b(?:that|though|although|even as|while|but|because|whereas)\s)/gi;
const VERBISH =
  /^(?:is|was|are|were|has|have|had|will|would|can|could|may|might|did|does|do|cast|held|made|met|left|put|set|kept|began|sent|saw|found|got|ran|took|gave|came|went|[a-z]+ed)$/;
const AUX_TAIL =
  /(?:\s+(?:has|have|had|also|then|later|would|will|again|repeatedly|previously|earlier|once|publicly|quickly|immediately|not|did))+\s*$/i;

export const INDIRECT_CUES = new Set(
  `said says say told tells added reported reports stated declared announced claimed insisted maintained maintain
   argued warned acknowledged admitted confirmed denied explained noted wrote described denounced alleged contended
   asserted urged`.split(/\s+/),
);
const NEEDS_THAT = new Set(
  "reports says states notes claims warns claimed insisted argued warned acknowledged admitted confirmed explained noted alleged contended asserted maintained maintain".split(
    " ",
  ),
);
const PARTICIPLES = new Set(
  "saying claiming denying insisting adding arguing confirming alleging".split(" "),
);

const DETERMINER_LED = /^(?:a|an|the|one|some|two|three|several|many|members|another|any)\s/i;
const stem = (w: string) =>
  w
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/(?:ors|or|ers|er|ed|ing|ions|ion|s)$/, "")
    .slice(0, 8);
const contentStems = (s: string) =>
  new Set(
    (s.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
      .filter(
        (w) =>
          !DETERMINERS.has(w.toLowerCase()) &&
          !/^(?:of|to|in|on|the|who|that|for|and|with|his|her|its|their|close|after|began)$/i.test(w),
      )
      .map(stem),
  );
const subset = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((x) => b.has(x));

export class AttributionFinder {
  readonly masked: string;
  readonly found: RawAttribution[] = [];

  constructor(
    readonly text: string,
    readonly sentences: SentenceInfo[],
    readonly quotes: {
      start: number;
      end: number;
      openMark: number;
      closeMark: number | null;
      paragraph: number;
      lastParagraph: number;
      lastCloseMark: number | null;
    }[],
    readonly ents: EntityResolver,
  ) {
    this.masked = maskAbbreviations(text);
  }

  sentenceAt(pos: number): SentenceInfo | undefined {
    return (
      this.sentences.find((s) => pos >= s.start && pos < s.end) ?? this.sentences.find((s) => pos === s.end)
    );
  }

  /** Sentences in reading order; a sentence's quotations first, its reported statements only if it has none. */
  run(): RawAttribution[] {
    const directSentences = new Set<SentenceInfo>();
    let qi = 0;
    for (const s of this.sentences) {
      for (; qi < this.quotes.length && (this.quotes[qi]?.openMark ?? Infinity) < s.end; qi++) {
        const q = this.quotes[qi] as AttributionFinder["quotes"][number];
        const a = this.direct(q, qi);
        if (!a) continue;
        this.found.push(a);
        const s2 = this.sentenceAt(q.lastCloseMark ?? q.end - 1);
        directSentences.add(s);
        if (s2) directSentences.add(s2);
      }
      if (!directSentences.has(s)) this.indirect(s);
    }
    this.found.sort((a, b) => a.start - b.start);
    return this.found;
  }

  // ---- direct quotations -------------------------------------------------------------------------------

  private direct(q: AttributionFinder["quotes"][number], qi: number): RawAttribution | null {
    const base = { kind: "direct" as const, start: q.start, end: q.end };
    const closeAt = q.lastCloseMark;
    const endSentence = this.sentenceAt(closeAt ?? q.end - 1);
    const via0 = endSentence ? this.accordingToOutlet(closeAt ?? q.end, endSentence.end) : null;
    // 1. Cue after the quotation: "…,” said X" / "…,” X said" / "…,” she told The Times".
    if (closeAt !== null && endSentence) {
      const after = this.cueAfter(closeAt + 1, endSentence.end);
      if (after)
        return {
          ...base,
          ...after,
          via: after.via ?? via0,
          dateText: after.dateText ?? after.speaker.dateText,
        };
    }
    // 2. Cue before it in its sentence: "X said: “…”", "X said it would not “…”".
    const startSentence = this.sentenceAt(q.openMark);
    if (startSentence) {
      const prevQuote = this.quotes[qi - 1];
      const from =
        prevQuote?.lastCloseMark && prevQuote.lastCloseMark > startSentence.start
          ? prevQuote.lastCloseMark + 1
          : startSentence.start;
      const before = this.cueBefore(from, q.openMark, startSentence);
      if (before)
        return {
          ...base,
          ...before,
          via: before.via ?? via0,
          dateText: before.dateText ?? before.speaker.dateText,
        };
    }
    // 3. A quotation split by its cue or continued after it in the same paragraph takes the earlier part's speaker.
    for (let k = this.found.length - 1; k >= 0; k--) {
      const prev = this.found[k] as RawAttribution;
      if (prev.kind !== "direct") continue;
      const prevQ = this.quotes.findIndex((x) => x.start === prev.start);
      const prevQuote = this.quotes[prevQ];
      if (prevQ === qi - 1 && prevQuote && prevQuote.lastParagraph === q.paragraph) {
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

  /** "according to The Associated Press" after a point in the sentence → the outlet's id. */
  private accordingToOutlet(from: number, to: number): string | null {
    const region = this.masked.slice(from, to);
    const m =
      /\baccording to\s+((?:the\s+)?[A-Z][^,.;:]*)/i.exec(region) ??
      /,\s+((?:the\s+)?[A-Z][^,.;:]*?)\s+reported\s*\.?\s*$/i.exec(region);
    return m?.[1] ? this.ents.outlet(m[1].trim()) : null;
  }

  private cueAfter(from: number, to: number) {
    const region = this.masked.slice(from, to);
    // "…,” said X" — verb first.
    const verbFirst = /^[\s,]*([a-z]+)\s+/.exec(region);
    if (verbFirst?.[1] && CUE_VERBS.has(verbFirst[1])) {
      const np = this.npAfter(from + verbFirst[0].length, to);
      if (np) {
        const speaker = this.resolve(np.start, np.end, np.role);
        return {
          speaker,
          cue: verbFirst[1],
          cueAt: from + verbFirst[0].indexOf(verbFirst[1]),
          via: null,
          dateText: this.dayIn(from, to),
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
      const speaker = this.resolve(npStart, npStart + npText.length);
      const told = verb === "told" ? this.recipient(verbAt + 4, to) : null;
      return {
        speaker,
        cue: told?.cue ?? verb,
        cueAt: verbAt,
        via: told?.via ?? null,
        dateText: this.dayIn(from, to),
      };
    }
    return null;
  }

  /** "told the Guardian" → the outlet, or null when told to the article's own publisher or to a non-outlet. */
  private recipient(verbEnd: number, to: number): { via: string | null; cue: string } | null {
    const rec = this.npAfter(verbEnd, to);
    if (!rec) return null;
    const text = this.text.slice(rec.start, rec.end);
    let outlet = this.ents.outlet(text);
    // "told the newspaper" → the outlet last named before.
    if (
      !outlet &&
      /^the (?:newspaper|paper|agency|news agency|network|broadcaster|station|magazine)$/i.test(text)
    ) {
      outlet =
        [...this.ents.mentions].reverse().find((m) => m.end <= rec.start && m.kind === "outlet")?.entityId ??
        null;
    }
    return { via: outlet && !this.ents.isSelf(outlet) ? outlet : null, cue: `told ${text}` };
  }

  /** A noun phrase right after a verb: up to punctuation or a word that starts a modifier. */
  private npAfter(from: number, to: number): { start: number; end: number; role?: string } | null {
    const region = this.masked.slice(from, to);
    const m =
      /^\s*([^,.;:!?“”"]+?)(?=\s*(?:[,.;:!?“”"]|$)|\s+(?:on|in|at|who|after|before|during|according|as|when|because|citing|that|to|about|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)\b)/i.exec(
        region,
      );
    if (!m?.[1]) return null;
    const start = from + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    // An appositive role: ", head of …" or ", who is from …".
    const rest = region.slice(m[0].length);
    const appos = /^\s*,\s*(?:who (?:is|was) )?((?:the |a |an )?[a-z][^,.;]*)/.exec(rest);
    let role: string | undefined;
    if (appos?.[1] && !/^(?:who|which|according|citing|saying)\b/.test(appos[1])) role = cleanRole(appos[1]);
    return { start, end, role };
  }

  private cueBefore(from: number, to: number, sentence: SentenceInfo) {
    const region = this.masked.slice(from, to);
    const words = [...region.matchAll(/\b([a-z]+)\b/g)];
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i] as RegExpMatchArray;
      const verb = w[1] as string;
      const at = from + (w.index ?? 0);
      if (!CUE_VERBS.has(verb)) continue;
      const subject = PARTICIPLES.has(verb)
        ? this.clauseSubject(sentence.start, at)
        : this.subjectBefore(sentence.start, at);
      if (!subject) continue;
      const speaker = this.resolve(subject.start, subject.end, subject.role);
      const told = verb === "told" ? this.recipient(at + 4, to) : null;
      let via = told?.via ?? null;
      const cue = told?.cue ?? verb;
      // An outer cue whose subject is an outlet: "Reuters reported that Mr. Jalil had said …" → via Reuters.
      if (!via) {
        for (let j = i - 1; j >= 0; j--) {
          const outer = words[j] as RegExpMatchArray;
          if (!CUE_VERBS.has(outer[1] as string)) continue;
          const oat = from + (outer.index ?? 0);
          const os = this.subjectBefore(sentence.start, oat);
          const outlet = os ? this.ents.outlet(this.text.slice(os.start, os.end)) : null;
          if (outlet && !this.ents.isSelf(outlet)) via = outlet;
          break;
        }
      }
      return { speaker, cue, cueAt: at, via, dateText: this.dayIn(sentence.start, to) };
    }
    return null;
  }

  // ---- noun phrases -------------------------------------------------------------------------------------

  /** The subject of a verb at `verbAt`: the comma-separated segments after the last clause boundary. */
  subjectBefore(sentenceStart: number, verbAt: number): { start: number; end: number; role?: string } | null {
    const region = this.masked.slice(sentenceStart, verbAt).replace(AUX_TAIL, "");
    // Try the last clause boundary first; a boundary inside a relative clause ("who spoke … because she was …")
    // leaves a clause rather than a noun phrase, so fall back to the boundary before it.
    const cuts = [0, ...[...region.matchAll(CLAUSE_BOUNDARY)].map((m) => (m.index ?? 0) + m[0].length)];
    for (let k = cuts.length - 1; k >= 0; k--) {
      const cut = cuts[k] as number;
      const np = this.pickSegment(sentenceStart + cut, region.slice(cut));
      if (np && isNounPhrase(this.text.slice(np.start, np.end))) return np;
    }
    return null;
  }

  /** The subject of the clause a participle hangs on: "X, …, reacted …, saying" → X. */
  clauseSubject(
    sentenceStart: number,
    participleAt: number,
  ): { start: number; end: number; role?: string } | null {
    let region = this.masked.slice(sentenceStart, participleAt);
    let base = sentenceStart;
    const lead = /^\s*(?:(?:though|although|while|as|even as|but|and|however)\b,?\s*)/i.exec(region);
    if (lead) {
      base += lead[0].length;
      region = region.slice(lead[0].length);
    }
    const words = [...region.matchAll(/\b[\p{L}'’-]+\b/gu)];
    const verb = words.find((w, i) => i > 0 && VERBISH.test(w[0]));
    if (!verb) return null;
    return this.pickSegment(base, region.slice(0, verb.index).replace(AUX_TAIL, ""));
  }

  private pickSegment(base: number, region: string): { start: number; end: number; role?: string } | null {
    const segs: { start: number; end: number; text: string; named: boolean }[] = [];
    let pos = 0;
    for (const part of region.split(",")) {
      const lead = part.length - part.trimStart().length;
      const text = part.trim();
      const start = base + pos + lead;
      pos += part.length + 1;
      if (!text || SKIP_SEGMENT.test(text)) continue;
      // A segment that is a name ("Mustapha Abdul-Jalil", "The A.P."), not a description that contains one.
      const hasName = this.ents.mentions.some(
        (m) => m.start >= start && m.end <= start + text.length && m.kind !== "place",
      );
      const named =
        (/^(?:[Tt]he\s+)?\p{Lu}/u.test(text) && hasName) || /^(?:\p{Lu}[\p{L}'’.-]*\s?)+$/u.test(text);
      segs.push({ start, end: start + text.length, text, named });
    }
    if (!segs.length) return null;
    let idx = -1;
    for (let i = segs.length - 1; i >= 0 && idx < 0; i--) if (segs[i]?.named) idx = i;
    if (idx < 0) {
      // No name: the last description; of two in a row ("One resident, a retired teacher"), the first, the
      // second being its appositive.
      idx = segs.length - 1;
      const led = (i: number) => DETERMINER_LED.test(segs[i]?.text ?? "");
      while (idx > 0 && led(idx) && led(idx - 1)) idx--;
    }
    const seg = segs[idx] as (typeof segs)[number];
    const after = segs[idx + 1];
    const before = segs[idx - 1];
    let role: string | undefined;
    if (after && !after.named && (seg.named || DETERMINER_LED.test(after.text))) role = cleanRole(after.text);
    else if (seg.named && after?.named && /^(?:the|a|an)\s/i.test(after.text)) role = cleanRole(after.text);
    else if (seg.named && before && /^(?:the|a|an|another)\s/i.test(before.text))
      role = cleanRole(before.text);
    return { start: seg.start, end: seg.end, role };
  }

  // ---- speakers -----------------------------------------------------------------------------------------

  resolve(start: number, end: number, roleHere?: string): SpeakerRef {
    const r = this.resolveAt(start, end, roleHere);
    const source = { start, end };
    const antecedent =
      r.source && (r.source.start !== start || r.source.end !== end)
        ? (r.antecedent ?? r.source)
        : r.antecedent;
    return { ...r, source, ...(antecedent ? { antecedent } : {}) };
  }

  private resolveAt(start: number, end: number, roleHere?: string): SpeakerRef {
    const speakerText = this.text.slice(start, end).trim();
    const lower = speakerText.toLowerCase();
    const inside = this.ents.mentions.filter((m) => m.start >= start && m.end <= end);
    const named =
      [...inside].reverse().find((m) => m.kind === "person") ??
      [...inside].reverse().find((m) => m.kind !== "place") ??
      (inside.length === 1 && inside[0]?.start === start && inside[0].end === end ? inside[0] : undefined);
    if (named) {
      if (named.kind !== "person") return { entityId: named.entityId, speakerText, anonymous: false };
      const anonymous = this.ents.isAnonymous(named.entityId);
      if (anonymous)
        return { entityId: named.entityId, speakerText, anonymous, role: roleHere, description: speakerText };
      const roles = this.ents.roles.get(named.entityId);
      const titleRole = this.text
        .slice(start, named.start)
        .replace(/\b(?:the|a|an|Mr\.|Mrs\.|Ms\.|Dr\.|Col\.|Colonel|Gen\.)(?=\s|$)/gi, "")
        .trim();
      const role = roleHere ?? (/^\p{Lu}/u.test(titleRole) ? titleRole : undefined) ?? roles?.[0];
      return { entityId: named.entityId, speakerText, role, anonymous: false };
    }
    if (lower in PRONOUNS) return this.resolvePronoun(speakerText, start);
    const first = lower.split(/\s+/)[0] ?? "";
    if (first === "the") {
      const found = this.resolveDefinite(speakerText);
      if (found) return { ...found, speakerText, role: roleHere ?? found.role };
    }
    const isName =
      /^(?:[Tt]he\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s(?:of\s|for\s)?\p{Lu}[\p{Ll}'’-]+)*$/u.test(speakerText) &&
      !DETERMINERS.has(first === "the" ? "" : first);
    const head = speakerText.replace(/\s+(?:who|whose|which|that|from|of|close|in)\b.*$/i, "");
    // "a group of refugees", "a handful of residents": a collective noun makes a group, whatever its number.
    const collective = /^(?:an?\s+|the\s+)?(?:group|crowd|band|team|handful|number|couple)\s+of\b/i.test(
      speakerText,
    );
    const plural = ((/s$/i.test(head) && !/ss$/i.test(head)) || collective) && !isName;
    const entityId = this.ents.describe(speakerText, { named: isName, plural, start, end });
    return {
      entityId,
      speakerText,
      role: roleHere,
      anonymous: !isName,
      description: isName ? undefined : speakerText,
    };
  }

  /** A pronoun names the last speaker, unless a person was named after that speaker's cue and before it. */
  private resolvePronoun(speakerText: string, at: number): SpeakerRef {
    const plural = PRONOUNS[speakerText.toLowerCase()] === "plural";
    const fits = (id: string) => {
      const kind = this.ents.kindOf(id);
      return plural ? kind === "group" || kind === "organization" : kind === "person";
    };
    let last: RawAttribution | undefined;
    for (let k = this.found.length - 1; k >= 0 && !last; k--) {
      const prev = this.found[k] as RawAttribution;
      if (prev.speaker.entityId && prev.cueAt < at && fits(prev.speaker.entityId)) last = prev;
    }
    // Names inside reported speech are what was said, not who said it.
    const reported = (m: ResolvedMention) => this.found.some((a) => m.start >= a.start && m.end <= a.end);
    const mention = [...this.ents.mentions]
      .reverse()
      .find((m) => m.end <= at && m.kind === (plural ? "group" : "person") && !reported(m));
    if (mention && (!last || mention.start > last.cueAt) && mention.entityId !== last?.speaker.entityId) {
      return this.resolve(mention.start, mention.end);
    }
    return last ? { ...last.speaker, speakerText } : { entityId: null, speakerText, anonymous: false };
  }

  private resolveDefinite(speakerText: string): SpeakerRef | null {
    const body = speakerText.replace(/^the\s+/i, "");
    const head = body.split(/\s+/).pop() ?? "";
    // "the statement read" → whoever released the last statement.
    if (DOCUMENT_NOUNS.has(head.toLowerCase())) {
      for (let k = this.found.length - 1; k >= 0; k--) {
        const prev = this.found[k] as RawAttribution;
        const from = this.sentenceAt(prev.cueAt)?.start ?? prev.cueAt;
        if (this.text.slice(from, prev.cueAt).toLowerCase().includes(head.toLowerCase()))
          return { ...prev.speaker, speakerText, dateText: prev.dateText };
      }
    }
    const want = contentStems(body);
    // An earlier speaker described with the same words and head noun: "the defector" ← "a senior official who
    // defected"; "the opposition source" ← "a source close to the opposition" (not "members of the opposition").
    for (const strict of [true, false]) {
      for (let k = this.found.length - 1; k >= 0; k--) {
        const prev = (this.found[k] as RawAttribution).speaker;
        if (!prev.description) continue;
        const have = contentStems(prev.description);
        const sameHead = have.has(stem(head)) || want.has(stem(headNoun(prev.description)));
        if (sameHead && (strict ? subset(want, have) : subset(have, want))) return { ...prev, speakerText };
      }
    }
    // A named person the article gave this role: "The leader of Libya's opposition movement" ← "the opposition leader, X".
    for (const [entityId, roles] of this.ents.roles) {
      for (const role of roles) {
        const have = contentStems(role);
        if (have.size && (subset(have, want) || subset(want, have)))
          return { entityId, speakerText, role, anonymous: false };
      }
    }
    const org = this.ents.orgByHead(head);
    if (org) return { entityId: org, speakerText, anonymous: false };
    // "the union leader" ← a named person whose role shares a word ("secretary of the … Union").
    const modifiers = new Set([...want].filter((w) => w !== stem(head)));
    if (modifiers.size) {
      const named = [...this.ents.mentions]
        .reverse()
        .find(
          (m) =>
            m.kind === "person" &&
            this.ents.roles.get(m.entityId)?.some((r) => [...contentStems(r)].some((w) => modifiers.has(w))),
        );
      if (named)
        return {
          entityId: named.entityId,
          speakerText,
          role: this.ents.roles.get(named.entityId)?.[0],
          anonymous: false,
        };
    }
    // "the player told the newspaper" right after an anonymous source spoke: the same source, described again.
    const prev = this.found[this.found.length - 1];
    if (prev?.speaker.anonymous && prev.speaker.entityId) return { ...prev.speaker, speakerText };
    return null;
  }

  // ---- indirect statements ------------------------------------------------------------------------------

  private indirect(s: SentenceInfo): void {
    const region = this.masked.slice(s.start, s.end);
    const cues: { at: number; len: number; make: () => RawAttribution | null }[] = [];
    // "…, which X said was …,"
    for (const m of region.matchAll(/,\s*which\s+([^,]+?)\s+(said|says|claimed|insisted)\s+([^,]+)/g)) {
      const npStart = s.start + (m.index ?? 0) + m[0].indexOf(m[1] as string);
      const contentStart = s.start + (m.index ?? 0) + m[0].lastIndexOf(m[3] as string);
      const verbAt = s.start + (m.index ?? 0) + m[0].indexOf(` ${m[2]} `) + 1;
      cues.push({
        at: verbAt,
        len: (m[2] as string).length,
        make: () =>
          this.statement(
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
          this.statement(
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
      const npEnd = npStart + (m[1] as string).length;
      const front = at - s.start < 3;
      cues.push({
        at,
        len: 12,
        make: () =>
          front
            ? this.statement(npStart, npEnd, npEnd + 1, s.end, "according to", at, s)
            : this.statement(npStart, npEnd, s.start, at, "according to", at, s),
      });
    }
    // Finite cue verbs and participles.
    for (const m of region.matchAll(/\b([a-z]+)\b/g)) {
      const verb = m[1] as string;
      const at = s.start + (m.index ?? 0);
      if (cues.some((c) => at >= c.at && at < c.at + c.len + 1)) continue;
      if (this.insideQuote(at)) continue;
      if (PARTICIPLES.has(verb)) {
        cues.push({ at, len: verb.length, make: () => this.participle(s, at, verb) });
      } else if (
        INDIRECT_CUES.has(verb) &&
        !/\b(?:was|were|been|be|is|are)\s+$/.test(region.slice(0, m.index))
      ) {
        cues.push({ at, len: verb.length, make: () => this.finite(s, at, verb) });
      }
    }
    cues.sort((a, b) => a.at - b.at);
    const made: RawAttribution[] = [];
    for (const c of cues) {
      const a = c.make();
      if (!a) continue;
      // A statement's content stops where the next statement's subject begins.
      const prev = made[made.length - 1];
      if (prev && prev.end > a.cueAt && prev.start < a.cueAt)
        prev.end = this.trimEnd(prev.start, Math.min(prev.end, this.segmentStartBefore(a)));
      made.push(a);
      this.found.push(a);
    }
  }

  private segmentStartBefore(a: RawAttribution): number {
    const t = this.masked.slice(0, a.cueAt);
    const m = /(?:,\s+(?:and|but|or)\s+|,\s+)[^,]*$/.exec(t);
    return m ? m.index : a.cueAt;
  }

  private trimEnd(start: number, end: number): number {
    let e = end;
    while (e > start && /[\s,;:.]/.test(this.text[e - 1] as string)) e--;
    if (this.text[e] === ".") e++;
    return e;
  }

  private insideQuote(pos: number): boolean {
    return this.quotes.some((q) => pos > q.openMark && pos < (q.lastCloseMark ?? q.end));
  }

  private finite(s: SentenceInfo, at: number, verb: string): RawAttribution | null {
    const subject = this.subjectBefore(s.start, at);
    if (!subject) return null;
    let rest = at + verb.length;
    let cue = verb;
    let via: string | null = null;
    if (verb === "told") {
      const rec = this.npAfter(rest, s.end);
      const told = this.recipient(rest, s.end);
      if (!rec || !told) return null;
      cue = told.cue;
      via = told.via;
      rest = rec.end;
    }
    const tail = this.masked.slice(rest, s.end);
    const lead =
      /^\s*(?:(?:on\s+|late\s+|early\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)\s*)?(that\s+)?/i.exec(
        tail,
      );
    const hasThat = Boolean(lead?.[1]);
    if (NEEDS_THAT.has(verb) && !hasThat) return null;
    const contentStart = rest + (lead?.[0].length ?? 0);
    if (/^[\s.]*$/.test(this.masked.slice(contentStart, s.end))) {
      // Cue at the end: "…, members of the opposition said Monday."
      const end = this.trimEnd(s.start, this.segmentStartBefore({ cueAt: subject.start } as RawAttribution));
      if (end - s.start < 12) return null;
      return this.statement(subject.start, subject.end, s.start, end, cue, at, s, subject.role, via);
    }
    return this.statement(subject.start, subject.end, contentStart, s.end, cue, at, s, subject.role, via);
  }

  private participle(s: SentenceInfo, at: number, verb: string): RawAttribution | null {
    const subject = this.clauseSubject(s.start, at);
    if (!subject) return null;
    const contentStart = at + verb.length + 1;
    const comma = this.masked.indexOf(",", contentStart);
    const end = comma > 0 && comma < s.end ? comma : s.end;
    // "released a statement on Monday claiming" keeps its document noun, so "the statement read" can find it.
    const between = this.text.slice(subject.end, at).trim().split(/\s+/);
    const docAt = between.findIndex((w) => DOCUMENT_NOUNS.has(w.toLowerCase()));
    const cue = docAt >= 0 ? [...between.slice(Math.max(0, docAt - 2)), verb].join(" ") : verb;
    return this.statement(subject.start, subject.end, contentStart, end, cue, at, s, subject.role);
  }

  private statement(
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
    const npText = this.text.slice(npStart, npEnd).trim();
    const head = npText.split(/\s+(?:who|whose|which)\s/i)[0] ?? npText;
    if (!npText || head.split(/\s+/).length > 10) return null;
    const outletId = this.ents.outlet(npText);
    const speaker = this.resolve(npStart, npEnd, role);
    const e = this.trimEnd(start, end);
    let b = start;
    while (b < e && /[\s,]/.test(this.text[b] as string)) b++;
    if (e - b < 8) return null;
    let via = toldVia ?? (outletId && !this.ents.isSelf(outletId) ? outletId : null);
    if (!via) via = this.accordingToOutlet(cueAt, s.end);
    return {
      kind: "indirect",
      start: b,
      end: e,
      speaker,
      via,
      cue,
      cueAt,
      dateText: this.dayIn(s.start, s.end),
    };
  }

  private dayIn(from: number, to: number): string | undefined {
    const outside = this.text.slice(from, to).replace(/“[^”]*”/g, (m) => " ".repeat(m.length));
    return DAY_WORDS.exec(outside)?.[0];
  }
}

/** False for a clause ("she was not authorised …"): a subject pronoun or an auxiliary outside a relative clause. */
function isNounPhrase(np: string): boolean {
  const main = np.split(/\s+(?:who|whose|which|that)\s/i)[0] ?? np;
  const words = main.toLowerCase().split(/\s+/);
  if (words.length > 1 && (words[0] as string) in PRONOUNS) return false;
  return !words.some((w) => /^(?:is|was|are|were|has|have|had|will|would|could|did|does)$/.test(w));
}

/** The head noun of a description: the last word before its modifiers ("a source close to …" → "source"). */
function headNoun(description: string): string {
  return (
    description
      .split(/\s+(?:who|whose|which|that|close|from|of|in|with|at|on)\s/i)[0]
      ?.split(/\s+/)
      .pop() ?? ""
  );
}

export function cleanRole(s: string): string {
  // "who is from a town …" says where the speaker is from; "who sat with a cane" is no role at all.
  const clause = /^(?:who|which)\s+(?:is|are|was|were)\s+(.*)$/i.exec(s.trim());
  if (/^(?:who|whose|which|that)\b/i.test(s.trim()) && !clause) return "";
  return (clause?.[1] ?? s)
    .replace(/^(?:the|a|an|another)\s+/i, "")
    .replace(/\s+(?:whose|who|which|that)\b.*$/i, "")
    .trim();
}
