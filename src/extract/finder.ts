// Reading one article in order: the answers of a Q&A, then each sentence's quotations and its reported statements.
// A quotation with no cue of its own takes the speaker of the quotation just before it (a paragraph that only
// continues a quote) or of the person the previous paragraph is about; otherwise its speaker is unclear — or, for a
// short phrase inside a sentence, it is scare quotes and no attribution at all.
import { maskAbbreviations, sentenceAt } from "./context";
import { interviewAnswers } from "./interview";
import { subjectBefore } from "./nounphrases";
import { direct } from "./quotations";
import { indirect } from "./reported";
import { recipient, resolve } from "./speakers";
import type { EntityResolver, Finder, QuoteInfo, RawAttribution, RuleOptions, SentenceInfo } from "./types";

export function findAttributions(
  text: string,
  sentences: SentenceInfo[],
  quotes: QuoteInfo[],
  ents: EntityResolver,
  options: RuleOptions = {},
): RawAttribution[] {
  const f: Finder = { text, masked: maskAbbreviations(text), sentences, quotes, ents, found: [], options };
  const quotedStatements = options.quotedStatements ?? true;
  const directSentences = new Set<SentenceInfo>();
  const answers = interviewAnswers(f);
  const answerAt = (pos: number) => answers.find((a) => pos >= a.cueAt && pos < a.end);
  let qi = 0;
  for (const s of sentences) {
    const answer = answerAt(s.start);
    if (answer) {
      if (answer.cueAt === s.start) f.found.push(answer);
      while (qi < quotes.length && (quotes[qi]?.openMark ?? Infinity) < s.end) qi++;
      continue;
    }
    const uncued: { q: QuoteInfo; a: RawAttribution | null }[] = [];
    for (; qi < quotes.length && (quotes[qi]?.openMark ?? Infinity) < s.end; qi++) {
      const q = quotes[qi] as QuoteInfo;
      const cued = direct(f, q, qi);
      const a = cued ?? withoutCue(f, q);
      if (!cued && (!a || a.unclear) && q.lastParagraph === q.paragraph) uncued.push({ q, a });
      if (!a) continue;
      f.found.push(a);
      if (a.unclear) continue;
      directSentences.add(s);
      const s2 = sentenceAt(f, q.lastCloseMark ?? q.end - 1);
      if (s2) directSentences.add(s2);
    }
    // A line that does not end as a sentence ends is a heading or a bullet ("Council says schools will stay
    // open"): a summary of the story, not a statement in it.
    const heading =
      quotedStatements &&
      !/[.!?…:;”’"')\]]\s*$/.test(f.text.slice(s.start, s.end)) &&
      s.end === paragraphEnd(f, s);
    if ((quotedStatements || !directSentences.has(s)) && !heading) indirect(f, s);
    // A quoted phrase with no cue of its own inside a reported statement is the statement's speaker's words
    // ("told a state hearing that … the promised revival had “largely not materialized”").
    for (const { q, a } of uncued) {
      const st = f.found.find(
        (x) =>
          x.kind === "indirect" &&
          x.speaker.entityId &&
          !/[“”"‘]/.test(x.speaker.speakerText) &&
          x.start <= q.openMark &&
          (x.reach ?? x.end) >= (q.lastCloseMark ?? q.end),
      );
      if (!st) continue;
      const own = { kind: "direct" as const, start: q.start, end: q.end, speaker: st.speaker, via: st.via };
      const attributed = { ...own, cue: st.cue, cueAt: st.cueAt, dateText: st.dateText };
      if (a) Object.assign(a, attributed, { unclear: undefined });
      else f.found.push(attributed);
    }
  }
  f.found.sort((a, b) => a.start - b.start);
  // No attribution without a target.
  return f.found.filter((a) => f.text.slice(a.start, a.end).trim().length > 0);
}

/** A person named at the start of a sentence, its subject. */
function subjectOf(f: Finder, s: SentenceInfo) {
  return f.ents.mentions.find(
    (m) => m.kind === "person" && m.start >= s.start && m.start - s.start < 30 && m.end <= s.end,
  );
}

function paragraphEnd(f: Finder, s: SentenceInfo): number {
  const next = f.sentences[f.sentences.indexOf(s) + 1];
  return next && next.paragraph === s.paragraph ? next.start : s.end;
}

function paragraphStart(f: Finder, paragraph: number): number {
  return f.sentences.find((s) => s.paragraph === paragraph)?.start ?? -1;
}

/** A quotation no cue attributes. */
function withoutCue(f: Finder, q: QuoteInfo): RawAttribution | null {
  const base = { kind: "direct" as const, start: q.start, end: q.end, via: null };
  const words = f.text.slice(q.start, q.end).split(/\s+/).filter(Boolean).length;
  let b = q.openMark - 1;
  while (b > 0 && /\s/.test(f.text[b] as string)) b--;
  const afterColon = f.text[b] === ":";
  const sentence = /^\p{Lu}.*[.!?…]$/su.test(f.text.slice(q.start, q.end).replace(/[’'”"]+$/, ""));
  if (q.openMark === paragraphStart(f, q.paragraph)) {
    // A paragraph that ends on a cue and a colon ("Its chair, Lorraine Pike, said:") introduces the quotation.
    const before = [...f.sentences].reverse().find((x) => x.paragraph === q.paragraph - 1);
    const colonCue = before
      ? /\b(said|says|added|adds|told\s+[^:,.]{1,40}|wrote|writes|explained|explains|continued|continues):\s*$/.exec(
          f.masked.slice(before.start, before.end),
        )
      : null;
    if (before && colonCue?.[1]) {
      const verbAt = before.start + colonCue.index;
      const subject = subjectBefore(f, before.start, verbAt);
      if (subject) {
        const speaker = resolve(f, subject.start, subject.end, subject.role);
        const told = colonCue[1].startsWith("told") ? recipient(f, verbAt + 4, before.end) : null;
        if (speaker.entityId)
          return { ...base, speaker, via: told?.via ?? null, cue: told?.cue ?? colonCue[1], cueAt: verbAt };
      }
    }
    // A paragraph that opens with a quotation continues the quotation just before it…
    const prev = [...f.found].reverse().find((a) => a.kind === "direct" && !a.unclear);
    const prevPara = f.sentences.find((s) => prev && prev.start >= s.start && prev.start < s.end)?.paragraph;
    if (prev?.speaker.entityId && prevPara !== undefined) {
      const prevQuote = f.quotes.find((x) => x.start === prev.start);
      const lastPara = prevQuote?.lastParagraph ?? prevPara;
      if (lastPara === q.paragraph - 1)
        return {
          ...base,
          speaker: { ...prev.speaker, antecedent: prev.speaker.source ?? prev.speaker.antecedent },
          via: prev.via,
          cue: prev.cue,
          cueAt: prev.cueAt,
        };
    }
    // …or is said by the person the paragraph before it is about ("MacInnes considers the question.").
    // Its last sentence's subject; through "She started …" back to the sentence that names her.
    let lastSentence: SentenceInfo | undefined;
    let subject: ReturnType<typeof subjectOf>;
    for (const s of [...f.sentences].reverse().filter((x) => x.paragraph === q.paragraph - 1)) {
      lastSentence ??= s;
      subject = subjectOf(f, s);
      if (subject || !/^\s*(?:He|She)\b/.test(f.text.slice(s.start, s.start + 5))) break;
    }
    if (subject && lastSentence && !f.quotes.some((x) => x.paragraph === q.paragraph - 1)) {
      const speaker = resolve(f, subject.start, subject.end);
      return {
        ...base,
        speaker: { ...speaker, antecedent: { start: subject.start, end: subject.end } },
        cue: "",
        cueAt: q.openMark,
      };
    }
  } else {
    // "Then he paused. “Were. We were that place.”": a quotation that opens a sentence after one about a person.
    const s = sentenceAt(f, q.openMark);
    const prevSentence = s && s.start === q.openMark ? f.sentences[f.sentences.indexOf(s) - 1] : undefined;
    if (
      prevSentence &&
      prevSentence.paragraph === q.paragraph &&
      !f.quotes.some((x) => x.openMark >= prevSentence.start && x.openMark < prevSentence.end)
    ) {
      const lead = f.text.slice(prevSentence.start, prevSentence.start + 40);
      const who = subjectOf(f, prevSentence);
      const pronoun = /^(?:Then |Later |Finally |Now )?(?:he|she)\b/i.exec(lead);
      const speaker = who
        ? resolve(f, who.start, who.end)
        : pronoun
          ? resolve(
              f,
              prevSentence.start + pronoun[0].length - (pronoun[0].split(" ").pop() ?? "").length,
              prevSentence.start + pronoun[0].length,
            )
          : null;
      if (speaker?.entityId)
        return {
          ...base,
          speaker: { ...speaker, antecedent: speaker.antecedent ?? speaker.source },
          cue: "",
          cueAt: q.openMark,
        };
    }
    const phrase = f.text.slice(q.start, q.end).trim();
    const title = /^(?:\p{Lu}[\p{L}'’-]*\s*){2,}$/u.test(phrase);
    // Scare quotes ("smart", "innovation hub.") and titles ("The Ice Does Not Negotiate") are no quotations.
    if ((words <= 4 && !afterColon && !sentence) || title) return null;
  }
  return {
    ...base,
    speaker: { entityId: null, speakerText: "", anonymous: false },
    cue: "",
    cueAt: q.openMark,
    unclear: true,
  };
}
