// Noun phrases: the subject before a cue verb, the phrase after it, the subject a participle hangs on, and the
// role an appositive gives ("the opposition leader, Mustapha Abdul-Jalil"; "X, head of …").
import { afterDateline, mentionsIn } from "./context";
import { DETERMINERS, DOCUMENT_SOURCES, NOT_NAMES, PRONOUNS } from "./lexicon";
import type { Finder, NounPhrase } from "./types";

export const SKIP_SEGMENT =
  /^(?:\d+|[a-z]+ing\b.*|(?:in|on|at|from|to|for|with|by|after|before|during|outside|inside|near|including|like|despite|under|over|amid|according)\b.*|(?:led|headed|chaired|accompanied|joined|flanked|backed|supported|represented|advised|followed)\s+by\b.*|(?:published|released|issued|leaked|seen|obtained|filed|dated)\s+(?:yesterday|today|on|in|last|this|by|earlier|late|overnight)\b.*|(?:(?:and|but)\s+)?(?:who|which|whose|where|when)\b.*|(?:last|this|next)\s+\w+|however|meanwhile|also|still|instead|indeed|now|then|later|earlier|afterwards|separately|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)$/i;
/**
 * A relative clause's verb phrase running to the cue: a lower-case word that is no determiner or pronoun, then a
 * determiner or a preposition ("proposed the talks", "escaped to the park"), and no comma after.
 */
const RELATIVE_VERB =
  /^(?!(?:the|a|an|this|these|those|its|his|her|their|our|my|your|some|many|most|no|all|every|each|he|she|it|they|we|i|you|there)\b)\p{Ll}+\s+(?:the|a|an|its|their|his|her|this|these|those|some|any|all|no|more|from|to|in|on|at|with|for|by|into|over|out|up)\s[^,;:]*$/u;
const CLAUSE_BOUNDARY =
  /(?:[;:—–]|\s-\s|,\s+(?:and|but|or|yet|so)\s|\b(?:that|though|although|even as|while|but|because|whereas)\s)/gi;
const VERBISH =
  /^(?:is|was|are|were|has|have|had|will|would|can|could|may|might|did|does|do|cast|held|made|met|left|put|set|kept|began|sent|saw|found|got|ran|took|gave|came|went|said|says|told|tells|[a-z]+ed)$/;
export const AUX_TAIL =
  /(?:\s+(?:has|have|had|also|then|later|would|will|again|repeatedly|previously|earlier|once|publicly|quickly|immediately|not|did))+\s*$/i;
export const DETERMINER_LED = /^(?:a|an|the|one|some|two|three|several|many|members|another|any)\s/i;

/** A noun phrase right after a verb: up to punctuation or a word that starts a modifier. */
export function npAfter(f: Finder, from: number, to: number): NounPhrase | null {
  const region = f.masked.slice(from, to);
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

/** The subject of a verb at `verbAt`: the comma-separated segments after the last clause boundary. */
export function subjectBefore(f: Finder, sentenceStart0: number, verbAt: number): NounPhrase | null {
  const sentenceStart = Math.min(afterDateline(f, sentenceStart0), verbAt);
  const region = f.masked.slice(sentenceStart, verbAt).replace(AUX_TAIL, "");
  // "…, after which he told reporters …": a pronoun right before the verb, after a relative word, is its subject.
  const pron = /\b(?:which|whom|where|when)\s+(he|she|they|we)\s*$/i.exec(region);
  if (pron?.[1]) {
    const start = sentenceStart + (pron.index ?? 0) + pron[0].lastIndexOf(pron[1]);
    return { start, end: start + pron[1].length };
  }
  // "Councilman Frank DiMaio, who has called …", "nurses who say …": the relative pronoun's antecedent.
  const rel =
    /^(?:.*(?:,\s*|\b(?:from|of|to|with|by|for|among|and|is|are|was|were)\s+))?((?:the |a |an |some |many )?[^,;:]{1,60}?)\s*,?\s+who\s*$/i.exec(
      region,
    );
  if (rel?.[1]) {
    const start = sentenceStart + (rel.index ?? 0) + rel[0].indexOf(rel[1]);
    // "Maya Greenfield, a teacher, who said", "Maja Olofsson, an analyst at Nordhavn Bank, who told": the person the
    // description stands beside, not a body the description names.
    const beside = f.ents.mentions.find(
      (m) => m.kind === "person" && m.end <= start && /^,\s*$/.test(f.text.slice(m.end, start)),
    );
    const described = /^(?:the|a|an)\s+\p{Ll}/u.test(rel[1]);
    if (beside && described)
      return { start: beside.start, end: beside.end, role: cleanRole(rel[1]) || undefined };
    const named = mentionsIn(f, start, start + rel[1].length).filter((m) => m.kind !== "place");
    const last = named[named.length - 1];
    if (last) return { start: last.start, end: last.end };
    if (beside) return { start: beside.start, end: beside.end, role: cleanRole(rel[1]) || undefined };
    if (isNounPhrase(rel[1])) return { start, end: start + rel[1].length };
  }
  // "X called that claim “…” and said …": a second verb of the same subject; also after a comma when the
  // clause before it has its own verb ("The bank kept rates unchanged, as expected, and said …").
  if (
    /\S\s+and\s*$/.test(region) &&
    (!/,\s*and\s*$/.test(region) || FINITE_VERB.test(` ${region.split(",")[0] ?? ""} `))
  ) {
    const first = clauseSubject(f, sentenceStart, verbAt);
    if (first && isNounPhrase(f.text.slice(first.start, first.end))) return first;
  }
  // Try the last clause boundary first; a boundary inside a relative clause ("who spoke … because she was …")
  // leaves a clause rather than a noun phrase, so fall back to the boundary before it.
  const bounds = [...region.matchAll(CLAUSE_BOUNDARY)];
  const cuts = [0, ...bounds.map((m) => (m.index ?? 0) + m[0].length)];
  for (let k = cuts.length - 1; k >= 0; k--) {
    const cut = cuts[k] as number;
    // "Diplomats from the bloc that proposed the talks said": a relative "that" after a noun, then a verb, is
    // inside the subject, not a clause boundary.
    if (
      k > 0 &&
      /^that\s$/i.test(bounds[k - 1]?.[0] ?? "") &&
      /\p{L}\s+$/u.test(region.slice(0, bounds[k - 1]?.index ?? 0)) &&
      RELATIVE_VERB.test(region.slice(cut))
    )
      continue;
    const np = pickSegment(f, sentenceStart + cut, region.slice(cut));
    if (np && isNounPhrase(f.text.slice(np.start, np.end))) return np;
  }
  return null;
}

/** The subject of the clause a participle hangs on: "X, …, reacted …, saying" → X. */
export function clauseSubject(f: Finder, sentenceStart0: number, participleAt: number): NounPhrase | null {
  const sentenceStart = Math.min(afterDateline(f, sentenceStart0), participleAt);
  let region = f.masked.slice(sentenceStart, participleAt);
  let base = sentenceStart;
  const lead = /^\s*(?:(?:though|although|while|as|even as|but|and|however)\b,?\s*)/i.exec(region);
  if (lead) {
    base += lead[0].length;
    region = region.slice(lead[0].length);
  }
  // "Asked by reporters whether he would run again, he smiled and said": the participle's clause is not the subject.
  const participial = /^\s*\p{Lu}\p{Ll}+(?:ed|ing)\b[^,;:]{0,140},\s*/u.exec(region);
  if (participial && /\S/.test(region.slice(participial[0].length))) {
    base += participial[0].length;
    region = region.slice(participial[0].length);
  }
  const words = [...region.matchAll(/\b[\p{L}'’-]+\b/gu)];
  const verb = words.find((w, i) => i > 0 && VERBISH.test(w[0]));
  if (!verb) return null;
  return pickSegment(f, base, region.slice(0, verb.index).replace(AUX_TAIL, ""));
}

/** A past-tense verb in lower case: "European Union leaders approved an aid package" is a clause, not a name. */
const FINITE_VERB =
  /\s(?:\p{Ll}{3,}ed|made|took|gave|won|lost|met|saw|went|came|ran|held|sent|left|found|began|rose|fell|struck|sold|bought|paid|told|said)\s/u;

/** Of the comma-separated segments of a subject, the one that names the speaker, and the role beside it. */
export function pickSegment(f: Finder, base: number, region: string): NounPhrase | null {
  const segs: { start: number; end: number; text: string; named: boolean }[] = [];
  let pos = 0;
  // Not at a thousands separator ("3,000 workers").
  for (const part of region.split(/,(?!\d{3}(?!\d))/)) {
    // "“Nobody wins,” she said": not the closing mark before the subject (an opening one stays: a title).
    const lead = /^\s*(?:[”’]|"(?=\s))?\s*/.exec(part)?.[0].length ?? 0;
    const text = part.slice(lead).trim();
    const start = base + pos + lead;
    pos += part.length + 1;
    if (!text || SKIP_SEGMENT.test(text)) continue;
    // "…, holds up a mackerel and [shouts]": a verb phrase joined to the cue, not its subject.
    if (segs.length && /\s(?:and|or)$/.test(text) && /^\p{Ll}/u.test(text) && !DETERMINER_LED.test(text))
      continue;
    // A segment that is a name ("Mustapha Abdul-Jalil", "The A.P."), not a description that contains one.
    const hasName = mentionsIn(f, start, start + text.length).some((m) => m.kind !== "place");
    const named =
      ((/^(?:[Tt]he\s+)?\p{Lu}/u.test(text) && hasName) || /^(?:\p{Lu}[\p{L}'’.-]*\s?)+$/u.test(text)) &&
      !NOT_NAMES.has(text) &&
      !/^(?:A|An|One|Another|Two|Three|Several|Some)\s+\p{Ll}/u.test(text);
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
  // "Cordillera Minerals has halted production …, the company said": a clause that opens with a name is what was
  // said; the short description after the last comma is who said it.
  const tail = segs[segs.length - 1];
  if (
    idx >= 0 &&
    idx < segs.length - 1 &&
    tail &&
    (!isNounPhrase(segs[idx]?.text ?? "") ||
      (FINITE_VERB.test(` ${segs[idx]?.text ?? ""} `) &&
        region.slice(tail.end - base).trim() === "" &&
        // Not "…, a process its members [say]": a noun and a clause's own subject.
        !/\S\s+(?:its|their|his|her|our)\s/.test(tail.text))) &&
    /^(?:(?:the|a|an|some|many|two|three|several)\s+)?\p{Ll}[\p{L}'’-]*(?:\s+\p{Ll}[\p{L}'’-]*){0,4}$/u.test(
      tail.text,
    ) &&
    !/^(?:and|or|but|as|so|then|while|when|if|because)\b/i.test(tail.text) &&
    isNounPhrase(tail.text)
  )
    idx = segs.length - 1;
  const seg = segs[idx] as (typeof segs)[number];
  const after = segs[idx + 1];
  const before = segs[idx - 1];
  let role: string | undefined;
  if (after && !after.named && (seg.named || DETERMINER_LED.test(after.text))) role = cleanRole(after.text);
  else if (seg.named && after?.named && /^(?:the|a|an)\s/i.test(after.text)) role = cleanRole(after.text);
  else if (seg.named && before && /^(?:the|a|an|another)\s/i.test(before.text)) role = cleanRole(before.text);
  return { start: seg.start, end: seg.end, role };
}

/** False for a clause ("she was not authorised …"): a subject pronoun or an auxiliary outside a relative clause. */
export function isNounPhrase(np: string): boolean {
  const main = np.split(/\s+(?:who|whose|which|that)\s/i)[0] ?? np;
  const words = main.toLowerCase().split(/\s+/);
  if (words.length > 1 && (words[0] as string) in PRONOUNS) return false;
  return !words.some((w) => /^(?:is|was|are|were|has|have|had|will|would|could|did|does)$/.test(w));
}

/** The head noun of a description: the last word before its modifiers ("a source close to …" → "source"). */
export function headNoun(description: string): string {
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

/** Words that carry content in a description, stemmed: "a senior official who defected" → {senior, offici, defect}. */
export const stem = (w: string) =>
  w
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/(?:ors|or|ers|er|ed|ing|ions|ion|s)$/, "")
    .slice(0, 8);
export const contentStems = (s: string) =>
  new Set(
    (s.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
      .filter(
        (w) =>
          !DETERMINERS.has(w.toLowerCase()) &&
          !/^(?:of|to|in|on|the|who|that|for|and|with|his|her|its|their|close|after|began)$/i.test(w),
      )
      .map(stem),
  );
export const subset = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((x) => b.has(x));

/**
 * A subject headed by a document noun ("the criminal complaint", "agency figures", "a survey by the staffing firm",
 * "a report published yesterday"): a document, not a speaker.
 */
export function documentSource(np: string): boolean {
  if (/^\s*(?:his|her|their)\s/i.test(np)) return false;
  const core = np
    .trim()
    .replace(/^(?:the|a|an|its|his|her|their|this|that|these|those)\s+/i, "")
    .split(
      /\s+(?:by|from|of|to|for|into|on|in|at|about|provided|published|prepared|released|issued|commissioned|compiled|obtained|seen|filed|who|which|that)\b/i,
    )[0];
  // A lower-case head, or the first word of the sentence: "Northern Assessment" is a body's name.
  const ws = (core ?? "").trim().split(/\s+/);
  const head = ws.length === 1 ? (ws[0] ?? "").toLowerCase() : (ws[ws.length - 1] ?? "");
  return DOCUMENT_SOURCES.has(head);
}
