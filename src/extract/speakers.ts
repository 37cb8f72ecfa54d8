// Speakers and coreference: a name at the cue, a pronoun (the last speaker, unless a person was named since), a
// description ("the defector" ← "a senior official who defected"), a document ("the statement read"), an
// organisation by its head noun ("the council"), and the recipient of "told" (an outlet makes it second-hand).
import { mentionsIn, sentenceAt } from "./context";
import { DETERMINERS, DOCUMENT_NOUNS, FEMALE_NAMES, MALE_NAMES, PRONOUNS, TITLE_WORDS } from "./lexicon";
import { KIN_BEFORE } from "./names";
import { contentStems, headNoun, npAfter, stem, subset } from "./nounphrases";
import type { Finder, RawAttribution, ResolvedMention, SpeakerRef } from "./types";

const TITLES = new Set(
  "judge sheriff mayor governor senator president chancellor minister coach manager prosecutor warden superintendent commissioner".split(
    " ",
  ),
);
const WITHHELD =
  /\b(?:only (?:his|her|their) first name|not to (?:use|give|publish) (?:his|her|their) (?:sur|last |family |full )?name|identified only by|(?:full |last )?name (?:has been|was) withheld|first name only)\b/i;

/** The speaker a stretch of text names, with where it stands and, when resolved elsewhere, its antecedent. */
export function resolve(f: Finder, start: number, end: number, roleHere?: string): SpeakerRef {
  const r = resolveAt(f, start, end, roleHere);
  const source = { start, end };
  const antecedent =
    r.source && (r.source.start !== start || r.source.end !== end)
      ? (r.antecedent ?? r.source)
      : r.antecedent;
  return { ...r, source, ...(antecedent ? { antecedent } : {}) };
}

function resolveAt(f: Finder, start: number, end: number, roleHere?: string): SpeakerRef {
  const speakerText = f.text.slice(start, end).trim();
  const lower = speakerText.toLowerCase();
  // A post, a sign, a placard: whoever wrote it, the text does not say.
  if (
    /^(?:the|one|a|an|another)\s+(?:[a-z-]+\s+)?(?:post|sign|placard|banner|poster|leaflet|note|tweet|message|graffiti)\b/i.test(
      speakerText,
    )
  )
    return { entityId: null, speakerText, anonymous: true };
  // "one of them says": one of the group that just spoke, if a group just spoke; otherwise the text does not say.
  if (/^one of (?:them|us|those|these|the two|the men|the women)$/i.test(speakerText)) {
    const prev = [...f.found].reverse().find((a) => a.cueAt < start && a.speaker.entityId);
    if (prev?.speaker.anonymous && f.ents.kindOf(prev.speaker.entityId as string) === "group")
      return { ...prev.speaker, speakerText };
    // "One of them, a man in a yellow apron, shouts": the description in apposition tells who.
    if (roleHere && /^\p{Ll}/u.test(roleHere)) {
      const entityId = f.ents.describe(roleHere, { named: false, plural: false, start, end });
      return { entityId, speakerText, role: roleHere, anonymous: true, description: roleHere };
    }
    return { entityId: null, speakerText, anonymous: true };
  }
  // "The man, who gives his name only as Tony": the name he gives, and no more.
  const given =
    /\b(?:gives|gave|giving|goes by|identified (?:only )?(?:as|by))\s+(?:his|her|their)?\s*(?:first\s+)?(?:name\s+)?(?:only\s+)?(?:as\s+)?(\p{Lu}[\p{Ll}'’-]+)\b/u.exec(
      f.text.slice(start, sentenceAt(f, start)?.end ?? end),
    );
  if (given?.[1] && /^(?:(?:the|a|an|one)\s|another\b)/i.test(speakerText)) {
    const at = f.text.indexOf(given[1], start);
    const r = resolveAt(f, at, at + given[1].length, roleHere);
    return { ...r, speakerText, anonymous: true, source: { start: at, end: at + given[1].length } };
  }
  // "a statement from the Royal College of Nursing", "a letter signed by Ana Ruiz": whoever issued it.
  const issued =
    /^(?:a|an|the|its|his|her|their)\s+(?:joint\s+|written\s+|brief\s+)?(?:statement|letter|release|press release|communiqu[eé]|memo|email|message)\s+(?:from|by|issued by|released by|signed by|sent by)\s+/i.exec(
      speakerText,
    );
  if (issued) {
    const from = start + (f.text.slice(start, end).indexOf(speakerText) + issued[0].length);
    const r = resolveAt(f, from, end, roleHere);
    if (r.entityId) return { ...r, speakerText, source: { start: from, end } };
  }
  // "A spokesman for the Environment Agency": an unnamed person, whatever body the description names.
  // "A Scottish Government spokeswoman" too: the body's name before a lower-case head noun.
  const indefinite =
    /^(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+\p{Ll}/u.test(speakerText) ||
    /^(?:[Aa]n?|[Aa]nother)\s+(?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:of|for|and)\s+)?)+\p{Ll}+$/u.test(speakerText);
  const inside = indefinite
    ? mentionsIn(f, start, end).filter((m) => m.kind === "person" && m.start === start)
    : mentionsIn(f, start, end);
  const named =
    [...inside].reverse().find((m) => m.kind === "person") ??
    [...inside].reverse().find((m) => m.kind !== "place") ??
    (inside.length === 1 && inside[0]?.start === start && inside[0].end === end ? inside[0] : undefined);
  if (named) {
    if (named.kind !== "person") return { entityId: named.entityId, speakerText, anonymous: false };
    // A first name only, the rest withheld ("who gave only his first name, Dennis"): an unnamed source.
    const sentence = sentenceAt(f, named.start);
    const withheld =
      !/\s/.test(f.text.slice(named.start, named.end).trim()) &&
      WITHHELD.test(f.text.slice(sentence?.start ?? start, sentence?.end ?? end));
    const anonymous = f.ents.isAnonymous(named.entityId) || withheld;
    if (anonymous)
      return { entityId: named.entityId, speakerText, anonymous, role: roleHere, description: speakerText };
    const roles = f.ents.roles.get(named.entityId);
    const titleRole = f.text
      .slice(start, named.start)
      .replace(/\b(?:the|a|an|Mr\.|Mrs\.|Ms\.|Dr\.|Col\.|Colonel|Gen\.)(?=\s|$)/gi, "")
      .trim();
    const role = roleHere ?? (/^\p{Lu}/u.test(titleRole) ? titleRole : undefined) ?? roles?.[0];
    return { entityId: named.entityId, speakerText, role, anonymous: false };
  }
  if (lower in PRONOUNS) return resolvePronoun(f, speakerText, start);
  // "his report", "her statement": whoever "his" is.
  const owner =
    /^(his|her|their) (?:report|statement|letter|email|memo|post|book|study|account|notes)$/i.exec(
      speakerText,
    );
  if (owner?.[1]) {
    const r = resolvePronoun(
      f,
      owner[1].toLowerCase() === "their" ? "they" : owner[1].toLowerCase() === "his" ? "he" : "she",
      start,
    );
    return { ...r, speakerText };
  }
  const first = lower.split(/\s+/)[0] ?? "";
  if (first === "the" || (/^(?:its|his|her|their)$/.test(first) && TITLES.has(lower.split(/\s+/)[1] ?? ""))) {
    const found = resolveDefinite(f, speakerText.replace(/^(?:its|his|her|their)\s+/i, "the "), start);
    if (found) return { ...found, speakerText, role: roleHere ?? found.role };
  }
  const isName =
    /^(?:[Tt]he\s+)?\p{Lu}[\p{L}'’-]+(?:\s(?:of\s|for\s)?\p{Lu}[\p{Ll}'’-]+)*$/u.test(speakerText) &&
    !DETERMINERS.has(first === "the" ? "" : first);
  const head = speakerText.replace(/\s+(?:who|whose|which|that|from|of|close|in)\b.*$/i, "");
  // "a group of refugees", "a handful of residents": a collective noun makes a group, whatever its number.
  const collective = /^(?:an?\s+|the\s+)?(?:group|crowd|band|team|handful|number|couple)\s+of\b/i.test(
    speakerText,
  );
  const plural = ((/s$/i.test(head) && !/ss$/i.test(head)) || collective) && !isName;
  const sentence = sentenceAt(f, start);
  const withheld = isName && WITHHELD.test(f.text.slice(sentence?.start ?? start, sentence?.end ?? end));
  const entityId = f.ents.describe(speakerText, { named: isName, plural, start, end });
  // "the club", "the company": a body the article names, not an unnamed source.
  const definiteBody = first === "the" && BODY_NOUN.test(lower.split(/\s+/).pop() ?? "");
  return {
    entityId,
    speakerText,
    role: roleHere,
    anonymous: (!isName && !definiteBody) || withheld,
    description: isName ? undefined : speakerText,
  };
}

/** The longest way the text names an entity ("Patricia Gomez", not "Gomez"). */
function longestMention(f: Finder, id: string): string {
  let longest = "";
  for (const m of f.ents.mentions)
    if (m.entityId === id && m.end - m.start > longest.length) longest = f.text.slice(m.start, m.end);
  return longest;
}

const genderCache = new WeakMap<Finder, Map<string, "male" | "female">>();

/**
 * What the text says of a person's sex: a title ("Mr.", "Ms."), a relative's noun ("her nephew, Callum"), a common
 * given name. Unknown otherwise; a pronoun is then free to name them.
 */
function genderOf(f: Finder, id: string): "male" | "female" | undefined {
  let titles = genderCache.get(f);
  if (!titles) {
    titles = new Map();
    for (const m of f.ents.mentions) {
      if (m.kind !== "person" || titles.has(m.entityId)) continue;
      const t = /\b(Mr|Mrs|Ms|Miss|Sir|Lord|Dame|Lady)\.?\s+$/.exec(
        f.text.slice(Math.max(0, m.start - 6), m.start),
      );
      if (t?.[1]) titles.set(m.entityId, /^(?:Mr|Sir|Lord)$/.test(t[1]) ? "male" : "female");
      // "her nephew, Callum", "his daughter, Noreen".
      const kin = KIN_BEFORE.exec(f.text.slice(Math.max(0, m.start - 40), m.start))?.[0].toLowerCase();
      if (!t?.[1] && kin)
        titles.set(
          m.entityId,
          /\b(?:son|nephew|husband|brother|father|grandson|grandfather|uncle)\b/.test(kin)
            ? "male"
            : "female",
        );
    }
    genderCache.set(f, titles);
  }
  const titled = titles.get(id);
  if (titled) return titled;
  // The given name: the first word of the longest mention of the person ("Patricia Gomez", not "Gomez").
  // Past any title the mention kept ("Local MP James Whitfield").
  const words = longestMention(f, id).toLowerCase().split(/\s+/).slice(0, -1);
  const given = words.find((w) => FEMALE_NAMES.has(w) || MALE_NAMES.has(w)) ?? "";
  if (FEMALE_NAMES.has(given)) return "female";
  if (MALE_NAMES.has(given)) return "male";
  // What a person said ("Grunwald says she is better with her hands than he was") does not tell their sex: the
  // "she" is as often someone else (decision 0016).
  return undefined;
}

/** A pronoun names the last speaker, unless a person was named after that speaker's cue and before it. */
function resolvePronoun(f: Finder, speakerText: string, at: number): SpeakerRef {
  const plural = PRONOUNS[speakerText.toLowerCase()] === "plural";
  const neuter = PRONOUNS[speakerText.toLowerCase()] === "neuter";
  const sex = PRONOUNS[speakerText.toLowerCase()];
  // "he" does not name a person the text has called "Ms." or who said "she …" of herself.
  const sameSex = (id: string) => {
    if (sex !== "male" && sex !== "female") return true;
    const g = genderOf(f, id);
    return !g || g === sex;
  };
  const fits = (id: string) => {
    const kind = f.ents.kindOf(id);
    if (neuter) return kind === "organization" || kind === "outlet";
    return plural ? kind === "group" || kind === "organization" : kind === "person" && sameSex(id);
  };
  let last: RawAttribution | undefined;
  for (let k = f.found.length - 1; k >= 0 && !last; k--) {
    const prev = f.found[k] as RawAttribution;
    if (prev.speaker.entityId && prev.cueAt < at && fits(prev.speaker.entityId)) last = prev;
  }
  // Names inside reported speech or quotations are what was said, not who said it; a name since the last speaker
  // takes the pronoun only as the subject of its sentence ("Mr. Sosa did not respond. Later, he said …"), not as
  // an object or in passing ("…, with Mr. Ortega’s help").
  const reported = (m: ResolvedMention) =>
    f.found.some((a) => m.start >= a.start && m.end <= a.end) ||
    f.quotes.some((q) => m.start >= q.openMark && m.end <= (q.lastCloseMark ?? q.end));
  const subject = (m: ResolvedMention) => {
    const s = sentenceAt(f, m.start);
    // A title before the name is part of it: "…, Dr. Domingo was cautious" has the name right after the comma.
    const lead = f.text
      .slice(s?.start ?? m.start, m.start)
      .replace(
        /(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Rev|Sen|Rep|Gov|Gen|Col|Capt|Sgt|Lt|Cllr|Sir|Dame|Lord|Lady)\.?\s+)+$/,
        "",
      );
    // Not a dateline ("ESKER FALLS, Mich. —") nor a byline ("By Fiona Gallagher").
    const surface = f.text.slice(m.start, m.end);
    if (surface === surface.toUpperCase() || /^By\s/.test(f.text.slice(s?.start ?? 0, (s?.start ?? 0) + 3)))
      return false;
    // "The union's members met Lena Haraldsen": a name after a verb is its object, not the subject.
    const clause = (lead.split(",").pop() ?? "").toLowerCase();
    // "I asked Cllr Moyles whether …. He said": the writer's own question makes its addressee the next "he".
    if (
      /(?:^|\s)(?:i|we)\s+(?:asked|spoke to|spoke with|called|rang|phoned|emailed|reached|visited)\s+$/.test(
        clause,
      )
    )
      return true;
    // "At the library on Main Street, eleven-year-old Ava Lindgren was …": after a fronted phrase's comma, a few
    // modifiers before the name.
    if (
      /(?:^|,)\s*(?:(?:a|an|the)\s+)?(?:(?:[a-z]+-)+[a-z]+|retired|local|former|veteran|longtime|fellow)(?:\s+(?:(?:[a-z]+-)+[a-z]+|retired|local|former|veteran|longtime|fellow))*(?:\s+[a-z]+){0,2}\s+$/.test(
        lead.slice(-80),
      )
    )
      return true;
    // "…, but Ms. Kowalski left the door open": the subject of a clause after ", but", ", and", "; ".
    const near = lead.slice(-50);
    const clauseLead = near.replace(/^[\s\S]*(?:,\s+(?:but|and|while|so|yet|though|although)\s+|;\s+)/, "");
    if (
      clauseLead.length < near.length &&
      clauseLead.length < 25 &&
      !/\p{Ll}{2,}\s+$/u.test(clauseLead.replace(/^(?:then|later|now)\s+/i, ""))
    )
      return true;
    if (
      /\b(?:[a-z]+ed|met|saw|told|beat|hit|led|won|lost|sent|left|made|took|gave|says|said|has|have|had|asks|thanked|praised|joins|meets|sees|calls)\s+(?:\S+\s+){0,3}$/.test(
        clause,
      )
    )
      return false;
    return (
      (lead.length < 45 || /,\s*$/.test(lead)) &&
      !/(?:\b(?:to|with|by|for|about|from|of|on|at|in|told|asked|than|like|as)|(?<!,)\sand)\s+(?:\p{Lu}[^\s,]*\s+)*$/u.test(
        lead,
      )
    );
  };
  let mention: ResolvedMention | undefined;
  for (let i = f.ents.mentions.length - 1; i >= 0 && !mention; i--) {
    const m = f.ents.mentions[i] as ResolvedMention;
    if (
      m.end <= at &&
      m.kind === (plural ? "group" : "person") &&
      subject(m) &&
      !reported(m) &&
      (plural || sameSex(m.entityId))
    )
      mention = m;
  }
  // Of the names in subject position in that sentence, the first ("Price paid tribute to his predecessor, Graham
  // Lytton, …" is about Price).
  if (mention) {
    const s = sentenceAt(f, mention.start);
    const first = mentionsIn(f, s?.start ?? mention.start, mention.start).find(
      (m) => m.kind === mention?.kind && subject(m) && !reported(m) && (plural || sameSex(m.entityId)),
    );
    if (first) mention = first;
  }
  // "a younger player who asked to be identified only by his first name, Andre, …": a first name given alone is
  // no name mention, but is who a following "he" means.
  if (!plural && !neuter) {
    const from = Math.max(last?.cueAt ?? 0, mention?.end ?? 0);
    let given: RegExpExecArray | undefined;
    for (const g of f.text
      .slice(from, at)
      .matchAll(/\b(?:first name|name only as|identified only as|goes by)(?:,\s*|\s+)(\p{Lu}\p{Ll}+)\b/gu))
      given = g;
    if (given?.[1]) {
      const gs = from + (given.index ?? 0) + given[0].lastIndexOf(given[1]);
      if (!f.quotes.some((q) => gs >= q.openMark && gs <= (q.lastCloseMark ?? q.end)))
        return { ...resolveAt(f, gs, gs + given[1].length), speakerText };
    }
  }
  if (mention && (!last || mention.start > last.cueAt) && mention.entityId !== last?.speaker.entityId) {
    return resolve(f, mention.start, mention.end);
  }
  if (last) return { ...last.speaker, speakerText };
  // No speaker of that sex yet, and no one named as a subject: the nearest person the text gives that sex, named
  // in the sentence before ("… by a volunteer, retired schoolteacher Patricia Gomez, who … . She says …").
  if (sex === "male" || sex === "female") {
    const here = sentenceAt(f, at);
    const prevSentence = here ? f.sentences[f.sentences.indexOf(here) - 1] : undefined;
    const from = prevSentence?.start ?? here?.start ?? at;
    const near = [...f.ents.mentions]
      .reverse()
      .find(
        (m) =>
          m.end <= at &&
          m.start >= from &&
          m.kind === "person" &&
          !reported(m) &&
          genderOf(f, m.entityId) === sex,
      );
    if (near) return resolve(f, near.start, near.end);
  }
  return { entityId: null, speakerText, anonymous: false };
}

/** Title words in lower case: "the minister" is an office holder, not the anonymous source just quoted. */
const TITLE_LOWER = new Set([...TITLE_WORDS].map((w) => w.toLowerCase()));

/** Nouns that name a body when definite ("the club", "the company"), not a person. */
const BODY_NOUN =
  /^(?:company|firm|group|council|authority|agency|ministry|department|union|party|trust|board|club|district|operator|airline|bank|hospital|university|school|government|office|commission|carrier|insurer|retailer|zoo|museum|charity|team|league|regulator|developer|utility|manufacturer|watchdog|lender|chain|inspectorate)$/i;

/** Inside a quotation or a found statement: what was said, not who said it. */
function reportedAt(f: Finder, pos: number): boolean {
  return (
    f.found.some((a) => pos >= a.start && pos < a.end) ||
    f.quotes.some((q) => pos >= q.openMark && pos <= (q.lastCloseMark ?? q.end))
  );
}

function resolveDefinite(f: Finder, speakerText: string, at = -1): SpeakerRef | null {
  const body = speakerText.replace(/^the\s+/i, "");
  const head = body.split(/\s+/).pop() ?? "";
  // "the statement read" → whoever released the last statement.
  if (DOCUMENT_NOUNS.has(head.toLowerCase())) {
    for (let k = f.found.length - 1; k >= 0; k--) {
      const prev = f.found[k] as RawAttribution;
      const from = sentenceAt(f, prev.cueAt)?.start ?? prev.cueAt;
      if (f.text.slice(from, prev.cueAt).toLowerCase().includes(head.toLowerCase()))
        return { ...prev.speaker, speakerText, dateText: prev.dateText };
    }
  }
  const want = contentStems(body);
  // An earlier speaker described with the same words and head noun: "the defector" ← "a senior official who
  // defected"; "the opposition source" ← "a source close to the opposition" (not "members of the opposition").
  for (const strict of [true, false]) {
    for (let k = f.found.length - 1; k >= 0; k--) {
      const prev = (f.found[k] as RawAttribution).speaker;
      if (!prev.description) continue;
      const have = contentStems(prev.description);
      const sameHead = have.has(stem(head)) || want.has(stem(headNoun(prev.description)));
      if (sameHead && (strict ? subset(want, have) : subset(have, want))) return { ...prev, speakerText };
    }
  }
  // A named person the article gave this role: "The leader of Libya's opposition movement" ← "the opposition leader, X".
  // A bare body noun ("the club") is the body, not a person whose role mentions it ("chairman of the club").
  const bareBody = want.size === 1 && BODY_NOUN.test(head);
  for (const [entityId, roles] of bareBody ? [] : f.ents.roles) {
    for (const role of roles) {
      const have = contentStems(role);
      if (have.size && (subset(have, want) || subset(want, have)))
        return { entityId, speakerText, role, anonymous: false };
    }
  }
  // "the judge", "the sheriff" ← the person the article calls Judge X, Sheriff X.
  if (TITLES.has(head.toLowerCase()) && body.split(/\s+/).length === 1) {
    const titled = f.ents.mentions.find(
      (m) =>
        m.kind === "person" &&
        new RegExp(`\\b${head}\\s+$`, "i").test(
          f.text.slice(Math.max(0, m.start - head.length - 2), m.start),
        ),
    );
    if (titled) return { entityId: titled.entityId, speakerText, anonymous: false };
  }
  const org = f.ents.orgByHead(head, at >= 0 ? at : undefined);
  if (org) return { entityId: org, speakerText, anonymous: false };
  // "the company", "the club": the organisation that spoke last, else the one named last before it.
  if (BODY_NOUN.test(head) && at >= 0 && body.split(/\s+/).length <= 2) {
    // Not a body whose name says it is another kind ("the company" is not "the Food Workers' Union").
    // "the watchdog", "the regulator" name what a body does, whatever its name calls it (an Authority, a Commission).
    const generic = /^(?:watchdog|regulator|operator|lender|carrier|inspectorate)$/i.test(head);
    const otherKind = (id: string) => {
      if (generic) return false;
      const name = longestMention(f, id);
      const last = name.split(/\s+/).pop() ?? "";
      return BODY_NOUN.test(last) && last.toLowerCase() !== head.toLowerCase();
    };
    const spoke = [...f.found]
      .reverse()
      .find(
        (a) =>
          a.cueAt < at &&
          a.speaker.entityId &&
          f.ents.kindOf(a.speaker.entityId) === "organization" &&
          !f.ents.isSelf(a.speaker.entityId) &&
          !otherKind(a.speaker.entityId),
      );
    const last =
      spoke?.speaker.entityId ??
      [...f.ents.mentions]
        .reverse()
        .find(
          (m) =>
            m.end <= at && m.kind === "organization" && !reportedAt(f, m.start) && !otherKind(m.entityId),
        )?.entityId;
    if (last) return { entityId: last, speakerText, anonymous: false };
  }

  // "the union leader" ← a named person whose role shares a word ("secretary of the … Union").
  const modifiers = new Set([...want].filter((w) => w !== stem(head)));
  if (modifiers.size) {
    const named = [...f.ents.mentions]
      .reverse()
      .find(
        (m) =>
          m.kind === "person" &&
          f.ents.roles.get(m.entityId)?.some((r) => [...contentStems(r)].some((w) => modifiers.has(w))),
      );
    if (named)
      return {
        entityId: named.entityId,
        speakerText,
        role: f.ents.roles.get(named.entityId)?.[0],
        anonymous: false,
      };
  }
  // "the player told the newspaper" right after an anonymous source spoke: the same source, described again.
  const prev = f.found[f.found.length - 1];
  const bodyNoun =
    /^(?:company|firm|group|council|authority|agency|ministry|department|union|party|trust|board|club|district|operator|airline|bank|hospital|university|school|government|office|commission)$/i;
  // Not one that names whose it is ("the health secretary's spokesman" after "a source close to the talks").
  // Nor a group ("Some say …. The minister insists …").
  if (
    prev?.speaker.anonymous &&
    prev.speaker.entityId &&
    f.ents.kindOf(prev.speaker.entityId) === "person" &&
    !/^(?:some|others|many|most|few|several|both|all|one|another)$/i.test(prev.speaker.speakerText) &&
    !TITLE_LOWER.has(head.toLowerCase()) &&
    !bodyNoun.test(head) &&
    !/[’']s\s/.test(body)
  )
    return { ...prev.speaker, speakerText };
  return null;
}

const MEDIUM_NAME = "(\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,3})";
const MEDIUM =
  "(?:newspaper|daily|paper|radio|television|TV|channel|website|magazine|news agency|broadcaster)";
const MEDIUM_BEFORE = new RegExp(
  `^(?:the\\s+)?(?:local\\s+|state\\s+|national\\s+|public\\s+)?(?:(?:radio|television|TV|news)\\s+(?:station|channel|network)|${MEDIUM})\\s+${MEDIUM_NAME}$`,
  "u",
);
const MEDIUM_AFTER = new RegExp(`^(?:the\\s+)?${MEDIUM_NAME}\\s+${MEDIUM}$`, "u");

/** "told the Guardian" → the outlet, or null when told to the article's own publisher or to a non-outlet. */
export function recipient(
  f: Finder,
  verbEnd: number,
  to: number,
): { via: string | null; cue: string } | null {
  const lead =
    /^\s*(us|me|him|her|them|reporters|journalists|jurors|the court|parliament|MPs|lawmakers|legislators|senators|councillors|councilors|delegates|investors|analysts|staff|employees|workers|students|parents|residents|supporters|members|shareholders|the committee|the panel|the crowd)\b/i.exec(
      f.text.slice(verbEnd, to),
    );
  const name = lead ? undefined : f.ents.mentions.find((m) => m.start >= verbEnd && m.start <= verbEnd + 5);
  const np = npAfter(f, verbEnd, to);
  const rec = lead?.[1]
    ? { start: verbEnd + lead[0].indexOf(lead[1]), end: verbEnd + lead[0].length }
    : name && np && name.end < np.end
      ? { start: np.start, end: name.end }
      : np;
  if (!rec) return null;
  let text = f.text.slice(rec.start, rec.end);
  let outlet = f.ents.outlet(text);
  // "told the newspaper" → the outlet last named before.
  if (
    !outlet &&
    /^the (?:newspaper|paper|agency|news agency|network|broadcaster|station|magazine)$/i.test(text)
  ) {
    outlet =
      [...f.ents.mentions].reverse().find((m) => m.end <= rec.start && m.kind === "outlet")?.entityId ?? null;
  }
  // "told the Echo", "told the Courier": a newspaper by its title word alone.
  const paper =
    /^the\s+(Herald|Times|Post|Ledger|Courier|Journal|Gazette|Tribune|News|Chronicle|Telegraph|Observer|Mail|Examiner|Globe|Record|Echo|Star|Sun|Mirror|Argus|Advertiser|Citizen|Clarion|Bugle|Sentinel|Dispatch|Inquirer|Enquirer|Register|Express|Standard)(?=\s+\p{Ll}|$)/u.exec(
      text,
    );
  if (!outlet && paper?.[1]) {
    outlet = f.ents.medium(`The ${paper[1]}`);
    text = paper[0];
  }
  // "told the Al Khaleej newspaper", "told local radio station RPN", "told France Inter radio": a name the
  // text itself calls a medium.
  if (!outlet) {
    // "told Al Sharq television that …": the medium word after the name.
    const after = /^\s+(?:television|radio|newspaper|channel|station|website|magazine|daily|TV)\b/.exec(
      f.text.slice(rec.end, to),
    );
    const m =
      MEDIUM_BEFORE.exec(text) ??
      MEDIUM_AFTER.exec(text) ??
      (after ? new RegExp(`^(?:the\\s+)?${MEDIUM_NAME}$`, "u").exec(text) : null);
    if (m?.[1]) outlet = f.ents.medium(m[1]);
  }
  return { via: outlet && !f.ents.isSelf(outlet) ? outlet : null, cue: `told ${text}` };
}
