// Names: find capitalised name mentions, key them so transliterations meet (Gadhafi / Qaddafi,
// Mustapha / Mustafa), and cluster them into entities without merging different people who share a name part.

import {
  COUNTRIES,
  FEMALE_NAMES,
  HONORIFICS,
  LOCATIVES,
  MALE_NAMES,
  MONTHS,
  NOT_NAMES,
  ORG_HEADS,
  OUTLETS,
  TITLE_WORDS,
} from "./lexicon";
import { type Span, type Token, tokens } from "./text";
import type { EntityKind } from "./types";

const PLACE_HEADS = new Set(
  "Mountains Mountain River Valley Sea Gulf Island Islands Province Region City Square Street Desert Coast Bay Lake".split(
    " ",
  ),
);
const PARTICLES = /^(?:al|el|ad|ash|as|at|ar|an|az|bin|ibn|abu|de|du|van|von|da|di|la|le)-/i;
const DEMONYM = /^[A-Z][a-z]+(?:an|ian|ish|ese|i)$/;

/** A transliteration-tolerant key for one name word: Gadhafi, Qaddafi, Kadafi → "kdf"; Mustapha, Mustafa → "mstf". */
export function phoneticKey(word: string): string {
  const cached = KEYS.get(word);
  if (cached !== undefined) return cached;
  if (KEYS.size > 20_000) KEYS.clear();
  const key = computeKey(word);
  KEYS.set(word, key);
  return key;
}
const KEYS = new Map<string, string>();

function computeKey(word: string): string {
  let s = word
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’`.]/g, "");
  s = s.replace(PARTICLES, "").replace(/-/g, "");
  s = s
    .replace(/ph/g, "f")
    .replace(/[dt]h/g, "d")
    .replace(/kh/g, "k")
    .replace(/gh/g, "g")
    .replace(/ou/g, "u")
    .replace(/[qgc]/g, "k")
    .replace(/z/g, "s");
  if (!s) return "";
  const first = /[aeiouy]/.test(s[0] as string) ? "A" : (s[0] as string);
  const rest = s.slice(1).replace(/[aeiouy]/g, "");
  return (first + rest).replace(/(.)\1+/g, "$1");
}

export interface NameParts {
  honorific?: string;
  titles: string[];
  words: string[];
}

/** Keys of a person's name: the family name (and, for "Abdul-Jalil", its last part) and the given names. */
export function personKeys(words: string[]): { surname: Set<string>; given: Set<string> } {
  const last = words[words.length - 1] ?? "";
  const surname = new Set([phoneticKey(last)]);
  const parts = last.split("-").filter((p) => !PARTICLES.test(`${p}-`));
  if (parts.length > 1) surname.add(phoneticKey(parts[parts.length - 1] as string));
  const given = new Set(words.slice(0, -1).map(phoneticKey));
  return { surname, given };
}

export function orgKey(words: string[]): string {
  return words
    .filter((w) => !/^(the|of|for|and|interim|provisional)$/i.test(w))
    .map((w) => w.toLowerCase())
    .sort()
    .join(" ");
}

export function initials(words: string[]): string {
  return words
    .filter((w) => !/^(the|of|for|and|interim|provisional)$/i.test(w))
    .map((w) => (w[0] ?? "").toUpperCase())
    .sort()
    .join("");
}

const OUTLET_ALIAS = new Map<string, string>();
for (const [name, aliases] of Object.entries(OUTLETS))
  for (const a of aliases) OUTLET_ALIAS.set(a.replace(/^the /i, "").toLowerCase(), name);

const NEWSPAPER =
  /^(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Herald|Times|Post|Ledger|Courier|Journal|Gazette|Tribune|News|Chronicle|Telegraph|Observer|Mail|Examiner|Globe|Record|Independent|Express|Standard|Inquirer|Dispatch|Bulletin|Sentinel|Register|Enquirer|Wire|Broadcasting|Radio|Television|Online)$/u;

/** The canonical outlet a surface form names, if it names one ("The A.P." → The Associated Press, "the Valley Herald"). */
export function outletName(surface: string): string | undefined {
  const s = surface.replace(/[’']s$/, "").trim();
  // "BBC Radio Leeford", "Radio Eastlake": a broadcaster's station.
  if (/^(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}Radio(?:\s+\p{Lu}[\p{L}'’-]*){1,2}$/u.test(s))
    return s.replace(/^the\s+/i, "");
  // "Coast FM", "Valley 102 FM", "Metro TV": a station by its band or medium.
  if (/^(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){1,2}(?:\d+(?:\.\d)?\s+)?(?:FM|AM|TV)$/u.test(s))
    return s.replace(/^the\s+/i, "");
  const known = OUTLET_ALIAS.get(s.replace(/^the /i, "").toLowerCase());
  if (known) return known;
  return NEWSPAPER.test(s) ? `The ${s.replace(/^the\s+/i, "")}` : undefined;
}

export interface NameMention extends Span {
  articleId: string;
  surface: string;
  parts: NameParts;
  kind: EntityKind | null;
  /** The kind rests on weak evidence only (a preposition before it): a known person's name overrides it. */
  weak: boolean;
  sentenceInitial: boolean;
  /** A lone name in apposition to a relative ("her nephew, Callum,"): a person of its own if it joins no one. */
  kin?: string;
  /**
   * "Her son, Erik," after "Ingrid Solberg": the family name of the person named last before, for a child, parent or
   * sibling (not a nephew, an aunt or a spouse, who often have another).
   */
  family?: string;
}

const ORG_HEADS_OF = new Set([
  ...ORG_HEADS,
  "Chamber",
  "Secretary",
  "Minister",
  "Ministry",
  "Republic",
  "Church",
  "Bank",
  "Department",
  "Institute",
  "University",
  "Bureau",
]);
const NAME_PARTICLES = new Set([
  "van",
  "der",
  "den",
  "de",
  "la",
  "le",
  "von",
  "da",
  "di",
  "du",
  "dos",
  "das",
  "del",
  "bin",
  "ibn",
  "ter",
  "ten",
]);
const isCap = (t: string) => /^\p{Lu}/u.test(t) || (PARTICLES.test(t) && /-\p{Lu}/u.test(t));

/** Strip "pro-", "anti-" prefixes and "-based", "-led" suffixes from a hyphenated token, keeping offsets. */
function nameCore(tok: Token): Token | null {
  const m = /^(?:pro|anti|non|post|pre|ex)-(\p{Lu}.*)$/u.exec(tok.text);
  if (m?.[1]) return { text: m[1], start: tok.end - m[1].length, end: tok.end };
  const s = /^(\p{Lu}[\p{L}'’.]*)-(?:based|led|backed|controlled|held|run|style|era|born)$/u.exec(tok.text);
  if (s?.[1]) return { text: s[1], start: tok.start, end: tok.start + s[1].length };
  return isCap(tok.text) ? tok : null;
}

/**
 * Capitalised runs in one sentence, trimmed of sentence-initial common words, titles and possessives.
 * `lowercaseWords` holds words seen in lower case in the corpus: a sentence-initial capitalised word that also
 * occurs in lower case is a common word, not a name.
 */
/** A relative named in apposition: "her nephew, ", "his eldest daughter, ". Exported for the pronouns' sex. */
export const KIN_BEFORE =
  /\b(?:his|her|their|my|our)\s+(?:\p{Ll}+\s+)?(son|daughter|nephew|niece|wife|husband|brother|sister|mother|father|grandson|granddaughter|grandmother|grandfather|uncle|aunt)\s*,\s*$/iu;
/** Relatives who mostly share the family name. */
const KIN_FAMILY = /^(?:son|daughter|brother|sister|mother|father)$/i;

export function findNameMentions(
  text: string,
  sentence: Span,
  articleId: string,
  lowercaseWords: Set<string>,
): NameMention[] {
  const toks = tokens(text, sentence);
  const out: NameMention[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length) out.push(...mentionFromRun(text, run, sentence, articleId, lowercaseWords));
    run = [];
  };
  for (const [i, tok] of toks.entries()) {
    // "of" inside an organisation's name: "Chamber of Commerce", "Ministry of Defence".
    const prevTok = run[run.length - 1];
    if (
      tok.text === "of" &&
      prevTok &&
      ORG_HEADS_OF.has(prevTok.text) &&
      /^\p{Lu}/u.test(toks[i + 1]?.text ?? "")
    ) {
      run.push(tok);
      continue;
    }
    // Lower-case particles inside a person's name: "Pieter van der Berg", "Ana de la Cruz", "Omar bin Said".
    if (
      NAME_PARTICLES.has(tok.text) &&
      prevTok &&
      text.slice(prevTok.end, tok.start) === " " &&
      /^\p{Lu}/u.test(toks.slice(i + 1).find((t) => !NAME_PARTICLES.has(t.text))?.text ?? "")
    ) {
      run.push(tok);
      continue;
    }
    const core = nameCore(tok);
    const prev = run[run.length - 1];
    const adjacent = prev && text.slice(prev.end, tok.start) === " " && !/[’']s$/.test(prev.text);
    if (core && (run.length === 0 || adjacent) && core.start === tok.start) run.push(core);
    else if (core) {
      flush();
      run.push(core);
    } else flush();
    if (core && core.end !== tok.end) flush();
  }
  flush();
  // "Sarah and James Holloway": the first given name shares the family name.
  for (const [i, m] of out.entries()) {
    const next = out[i + 1];
    if (
      m.parts.words.length === 1 &&
      !m.parts.honorific &&
      next &&
      next.kind === "person" &&
      next.parts.words.length === 2 &&
      /^\s+and\s+$/.test(text.slice(m.end, next.start)) &&
      (FEMALE_NAMES.has(m.surface.toLowerCase()) || MALE_NAMES.has(m.surface.toLowerCase()))
    ) {
      m.parts.words = [m.surface, next.parts.words[1] as string];
      m.kind = "person";
    }
  }
  return out;
}

function mentionFromRun(
  text: string,
  run: Token[],
  sentence: Span,
  articleId: string,
  lowercaseWords: Set<string>,
): NameMention[] {
  let words = run.map((t) => t.text.replace(/[’']s$/, ""));
  let first = 0;
  let honorific: string | undefined;
  const titles: string[] = [];
  // Leading common words: "The", "However", and a sentence-initial word also seen in lower case.
  while (first < words.length) {
    const w = words[first] as string;
    const initial =
      run[first]?.start === sentence.start ||
      /[“"(—–-]\s*$/.test(text.slice(sentence.start, run[first]?.start));
    const common = NOT_NAMES.has(w) || (initial && lowercaseWords.has(w.toLowerCase()) && !COUNTRIES.has(w));
    const demonymBeforeOrg = DEMONYM.test(w) && ORG_HEADS.has(words[words.length - 1] as string);
    if (common && !demonymBeforeOrg && !HONORIFICS.has(w)) first++;
    else break;
  }
  // Titles before a name: "British Prime Minister David Cameron" (but not in "British Foreign Office"); any words
  // before an honorific are titles too ("Forecaster Dr. Anika Bose").
  const orgName = ORG_HEADS.has(words[words.length - 1] as string);
  const hon = words.findIndex((w, i) => i > first && HONORIFICS.has(w) && i < words.length - 1);
  if (!orgName && hon > first) {
    titles.push(...words.slice(first, hon));
    first = hon;
  }
  while (!orgName && first < words.length - 1) {
    const w = words[first] as string;
    if (HONORIFICS.has(w) && !honorific) {
      honorific = w;
      first++;
    } else if (
      TITLE_WORDS.has(w) ||
      (DEMONYM.test(w) && TITLE_WORDS.has(words[first + 1] as string)) ||
      // "Senate Majority Leader Curtis Vang", "Police Chief Ana Ruiz": a body's name before a title.
      (ORG_HEADS.has(w) && TITLE_WORDS.has(words[first + 1] as string))
    ) {
      titles.push(w);
      first++;
    } else break;
  }
  words = words.slice(first);
  const toks = run.slice(first);
  if (!words.length || !toks.length) return [];
  if (words[words.length - 1] === "of") return [];
  if (words.every((w) => MONTHS.has(w) || NOT_NAMES.has(w) || TITLE_WORDS.has(w) || HONORIFICS.has(w)))
    return [];
  const lone = words.length === 1 && !honorific && !outletName(words[0] as string);
  if (
    lone &&
    /^\p{Lu}[\p{Ll}]*s$/u.test(words[0] as string) &&
    lowercaseWords.has((words[0] as string).toLowerCase())
  )
    return [];
  const startTok = toks[0] as Token;
  const endTok = toks[toks.length - 1] as Token;
  const start = startTok.start;
  let end = endTok.end;
  const surface = text.slice(start, end).replace(/[’']s$/, "");
  end = start + surface.length;
  const before = text.slice(Math.max(sentence.start, start - 30), start);
  // The word right before the name ("in Sarkhan"), not one across a comma ("Inside, Marcus Delane").
  const prevWord = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase() ?? "";
  const last = words[words.length - 1] as string;
  let kind: EntityKind | null = null;
  let weak = false;
  if (outletName(surface)) kind = "outlet";
  else if (ORG_HEADS.has(last) || /^(?:[A-Z]\.){2,}$/.test(surface)) kind = "organization";
  else if (honorific) kind = "person";
  else if (COUNTRIES.has(last) || PLACE_HEADS.has(last)) kind = "place";
  else if (
    LOCATIVES.has(prevWord) &&
    words.length <= 2 &&
    // "talking to Grace Adeyemi": a common given name before a family name is a person, not a place.
    !(words.length === 2 && (FEMALE_NAMES.has(words[0] as string) || MALE_NAMES.has(words[0] as string)))
  ) {
    kind = "place";
    weak = true;
  } else if (words.length >= 2 && words.length <= 4 && !/^(?:the|a)\s*$/i.test(before.slice(-4)))
    kind = "person";

  // "Her nephew, Callum, 12, …", "His daughter, Noreen, rings him": a lone name in apposition to a relative.
  const kin =
    !kind && words.length === 1 && text[end] === ","
      ? KIN_BEFORE.exec(text.slice(Math.max(sentence.start, start - 40), start))?.[1]
      : undefined;
  return [
    {
      articleId,
      start,
      end,
      surface,
      parts: { honorific, titles, words },
      kind,
      weak,
      sentenceInitial: start === sentence.start,
      ...(kin ? { kin } : {}),
    },
  ];
}

export interface Cluster {
  kind: EntityKind;
  mentions: NameMention[];
  surnames: Set<string>;
  given: Set<string>;
  orgKeys: Set<string>;
  initials: Set<string>;
  outlet?: string;
}

function subsetOrDisjointOk(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return true;
  return [...a].every((x) => b.has(x)) || [...b].every((x) => a.has(x));
}

const MENTION_KEYS = new WeakMap<NameMention, ReturnType<typeof personKeys>>();
function keysOf(m: NameMention): ReturnType<typeof personKeys> {
  let k = MENTION_KEYS.get(m);
  if (!k) {
    k = personKeys(m.parts.words);
    MENTION_KEYS.set(m, k);
  }
  return k;
}

function personMatches(c: Cluster, m: NameMention): boolean {
  const k = keysOf(m);
  if (!([...k.surname].some((s) => c.surnames.has(s)) && subsetOrDisjointOk(c.given, k.given))) return false;
  // "Mr Holloway" is not "Mrs Holloway", nor "James Holloway" if a Mrs.
  const sex = honorificSex(m.parts.honorific);
  const other = sex === "m" ? "f" : "m";
  return !(sex && c.mentions.some((x) => honorificSex(x.parts.honorific) === other || givenSex(x) === other));
}

/** The sex a mention's given name tells ("James Holloway"), if it is a common given name of one sex. */
function givenSex(m: NameMention): "m" | "f" | undefined {
  if (m.parts.words.length < 2) return undefined;
  const g = (m.parts.words[0] as string).toLowerCase();
  if (FEMALE_NAMES.has(g) && !MALE_NAMES.has(g)) return "f";
  if (MALE_NAMES.has(g) && !FEMALE_NAMES.has(g)) return "m";
  return undefined;
}

function honorificSex(h: string | undefined): "m" | "f" | undefined {
  if (!h) return undefined;
  if (/^(?:Mr|Sir|Lord)\.?$/.test(h)) return "m";
  if (/^(?:Mrs|Ms|Miss|Lady|Dame)\.?$/.test(h)) return "f";
  return undefined;
}

const ORG_KEYS = new WeakMap<NameMention, string>();
function orgKeyOf(m: NameMention): string {
  let k = ORG_KEYS.get(m);
  if (k === undefined) {
    k = orgKey(m.parts.words);
    ORG_KEYS.set(m, k);
  }
  return k;
}

function orgMatches(c: Cluster, m: NameMention): boolean {
  if (c.orgKeys.has(orgKeyOf(m))) return true;
  const acronym = /^(?:[A-Z]\.?){2,}$/.test(m.surface.replace(/^the /i, ""))
    ? m.surface
        .replace(/[^A-Z]/g, "")
        .split("")
        .sort()
        .join("")
    : "";
  return Boolean(acronym) && c.initials.has(acronym);
}

/**
 * Cluster name mentions into entities. Full names and honorific forms come first and found clusters;
 * a bare surname joins a person whose family name has the same key; a mention with no kind evidence that
 * joins nothing is dropped (it is most likely a capitalised common word).
 */
export function clusterMentions(all: NameMention[]): Cluster[] {
  const clusters: Cluster[] = [];
  const strength = (m: NameMention) => (m.kind ? (m.parts.words.length > 1 || m.parts.honorific ? 0 : 1) : 2);
  const ordered = [...all].sort((a, b) => strength(a) - strength(b));
  // Organisations by the first word of a longer name ("Cordillera" → "Cordillera Minerals").
  const orgFirst = new Map<string, Set<Cluster>>();
  for (const m of ordered) {
    const outlet = outletName(m.surface);
    let c = clusters.find((c) =>
      outlet
        ? c.outlet === outlet
        : c.kind === "person"
          ? (m.kind === "person" || m.kind === null) && personMatches(c, m)
          : c.kind === "organization"
            ? orgMatches(c, m)
            : (m.kind === c.kind || m.kind === null) && c.orgKeys.has(orgKeyOf(m)),
    );
    if (m.weak || (!c && m.kind === null && m.parts.words.length === 1)) {
      // A lone capitalised word: a person's surname, or nothing.
      c = clusters.find((c) => c.kind === "person" && personMatches(c, m)) ?? c;
    }
    // A lone given name that is no one's family name: the one person the text gave that given name ("Meera
    // Subramanian … Meera said"), never when two people share it.
    let byGiven = false;
    if (!c && m.kind === null && m.parts.words.length === 1 && !m.weak) {
      const g = phoneticKey(m.parts.words[0] as string);
      const named = clusters.filter((c) => c.kind === "person" && c.given.has(g));
      if (named.length === 1) {
        c = named[0];
        byGiven = true;
      }
      // "Cordillera" after "Cordillera Minerals", "Meridian" after "Meridian Air": the one organisation whose name
      // starts with the word.
      const orgs = c ? undefined : orgFirst.get(m.parts.words[0] as string);
      if (orgs?.size === 1 && named.length === 0) c = [...orgs][0];
    }
    if (!c && m.kin && KIN_FAMILY.test(m.kin)) {
      const relative = [...all]
        .reverse()
        .find(
          (x) =>
            x.articleId === m.articleId &&
            x.start < m.start &&
            x.kind === "person" &&
            x.parts.words.length > 1,
        );
      const family = relative?.parts.words[relative.parts.words.length - 1];
      if (family) m.family = family;
    }
    if (!c) {
      if (!m.kind && !m.kin) continue;
      c = {
        kind: m.kind ?? "person",
        mentions: [],
        surnames: new Set(),
        given: new Set(),
        orgKeys: new Set(),
        initials: new Set(),
        outlet,
      };
      clusters.push(c);
    }
    c.mentions.push(m);
    if (c.kind === "organization" && m.parts.words.length > 1) {
      const first = m.parts.words[0] as string;
      orgFirst.set(first, (orgFirst.get(first) ?? new Set()).add(c));
    }
    if (c.kind === "person" && !byGiven) {
      const k = personKeys(m.parts.words);
      for (const s of k.surname) c.surnames.add(s);
      for (const g of k.given) c.given.add(g);
    }
    c.orgKeys.add(orgKey(m.parts.words));
    if (m.parts.words.length > 1) c.initials.add(initials(m.parts.words));
  }
  return clusters;
}

/** The fullest form of a cluster's name: most words, then most frequent. */
export function canonicalName(c: Cluster): string {
  if (c.outlet) return c.outlet;
  const counts = new Map<string, number>();
  for (const m of c.mentions) {
    const name = [...m.parts.words, ...(m.family ? [m.family] : [])].join(" ");
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return (
    [...counts.entries()].sort(
      (a, b) => b[0].split(" ").length - a[0].split(" ").length || b[1] - a[1],
    )[0]?.[0] ?? ""
  );
}
