// Scores found attributions against the corpus gold (test/corpus/gold/<id>.json). The matching rule is
// docs/extraction-evaluation.md: spans match when they overlap by at least half of the longer; a speaker is right
// when it names the same person (family name, and the given name if both give one), the same body, or the same
// unnamed source; "speaker unclear" is its own answer, counted apart.
import { readdirSync, readFileSync } from "node:fs";

export interface GoldQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  anonymous: boolean;
  via: string | null;
  speakerUnclear?: boolean;
}
export interface GoldSpan {
  text: string;
  start: number;
  end: number;
}
export interface CorpusGold {
  direct: GoldQuote[];
  indirect: GoldQuote[];
  notAttributed: GoldSpan[];
  ignored: GoldSpan[];
}

/** What a pipeline found, in a shape any pipeline can give. */
export interface Found {
  kind: "direct" | "indirect";
  start: number;
  end: number;
  /** The speaker's name, aliases and the words at the cue; empty when the speaker is unclear. */
  speaker: string[];
  speakerUnclear: boolean;
  anonymous: boolean;
  /** The outlet's name and aliases, or null when first-hand. */
  via: string[] | null;
}

export interface CorpusArticle {
  id: string;
  text: string;
  meta: { publisher: string; headline?: string; style: string };
  gold: CorpusGold;
}

const root = "test/corpus";

export function loadSplit(): { dev: string[]; test: string[] } {
  return JSON.parse(readFileSync(`${root}/split.json`, "utf8"));
}

export function loadCorpus(part: "dev" | "test" | "all"): CorpusArticle[] {
  const split = loadSplit();
  const ids =
    part === "all"
      ? readdirSync(`${root}/articles`)
          .filter((f) => f.endsWith(".txt"))
          .map((f) => f.slice(0, -4))
          .sort()
      : split[part];
  return ids.map((id) => ({
    id,
    text: readFileSync(`${root}/articles/${id}.txt`, "utf8"),
    meta: JSON.parse(readFileSync(`${root}/articles/${id}.json`, "utf8")),
    gold: JSON.parse(readFileSync(`${root}/gold/${id}.json`, "utf8")),
  }));
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** The matching rule for spans: overlap ≥ half of the longer span. */
export const spansMatch = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  overlap(a, b) >= 0.5 * Math.max(a.end - a.start, b.end - b.start);

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']s\b/g, "")
    .replace(/[“”"‘’']/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, "")
    .replace(
      /^(?:mr|mrs|ms|dr|prof|professor|sir|gov|sen|rep|rev|ch supt|cllr|councillor|mayor|judge|the rev)\.?\s+/,
      "",
    );
const words = (s: string) =>
  norm(s)
    .split(/[\s,]+/)
    .filter(Boolean);
const ORG_WORDS =
  /\b(?:office|union|group|council|ministry|department|bank|university|authority|service|district|trust|college|association|agency|foods|airport|athletic|board|review|data|minutes|systems|officials|united|nations|company|campaign|society|federation)\b/i;

/** A gold speaker is a person's name when it is two or more capitalised words and not an organisation. */
function isPersonName(gold: string): boolean {
  return /^(?:\p{Lu}[\p{L}'’.-]*\s+)+\p{Lu}[\p{L}'’-]+$/u.test(gold) && !ORG_WORDS.test(gold);
}

/** The head of a description: its last word before a preposition or a relative clause ("a spokesman for …"). */
function head(desc: string): string {
  const w =
    norm(desc).split(/\s+(?:for|of|at|in|on|from|with|who|whose|which|that|close|familiar)\s/)[0] ?? "";
  return w.split(/\s+/).pop() ?? "";
}

export function speakerRight(found: Found, gold: GoldQuote): boolean {
  if (gold.speakerUnclear) return found.speakerUnclear;
  if (found.speakerUnclear || !gold.speaker) return false;
  const g = gold.speaker;
  if (isPersonName(g)) {
    const gw = words(g);
    const family = gw[gw.length - 1] as string;
    const given = gw[0] as string;
    return found.speaker.some((name) => {
      const fw = words(name);
      if (!fw.includes(family)) return false;
      // "Carol Whitlock" is not "Jean Whitlock": a given name, when the found name has one, must agree.
      const fGiven = fw.length > 1 && fw[fw.length - 1] === family ? fw[0] : undefined;
      return !fGiven || fGiven === given || fw.includes(given);
    });
  }
  const gn = norm(g);
  if (!gold.anonymous) {
    // A body ("Rail Drivers United", "the statistics office"): the same words, one containing the other.
    return found.speaker.some((name) => {
      const f = norm(name);
      return f.length >= 3 && (f.includes(gn) || gn.includes(f));
    });
  }
  // An unnamed source: the same description at more or less length, or the same head noun.
  const gh = head(g);
  return found.speaker.some((name) => {
    const f = norm(name);
    return f.startsWith(gn) || gn.startsWith(f) || (gh.length > 2 && words(f).includes(gh));
  });
}

function viaRight(found: Found, gold: GoldQuote): boolean {
  if (gold.via === null) return found.via === null;
  const g = norm(gold.via);
  return Boolean(found.via?.some((v) => norm(v) === g || norm(v).includes(g)));
}

export interface Figures {
  /** Direct quotations, span only. */
  quotes: { precision: number; recall: number; found: number; gold: number; matched: number };
  /** Direct quotations with the right speaker: precision over found quotations that name a speaker. */
  speakers: { precision: number; recall: number; correct: number; answered: number; gold: number };
  /** "Speaker unclear": how often the pipeline said so, and whether the gold agrees. */
  unclear: { said: number; goldUnclear: number; agreed: number; guessedOnUnclear: number };
  /** Anonymous vs named and via-outlet correct among quotations found (matched to a gold quotation). */
  anonymous: { accuracy: number; n: number };
  via: { accuracy: number; n: number };
  reported: { precision: number; recall: number; correct: number; found: number; gold: number };
  /** Scare quotes and titles attributed to someone (found as "speaker unclear" they count only as quotations). */
  scareAttributed: number;
  errors: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(articles: CorpusArticle[], run: (a: CorpusArticle) => Found[]): Figures {
  const f: Figures = {
    quotes: { precision: 0, recall: 0, found: 0, gold: 0, matched: 0 },
    speakers: { precision: 0, recall: 0, correct: 0, answered: 0, gold: 0 },
    unclear: { said: 0, goldUnclear: 0, agreed: 0, guessedOnUnclear: 0 },
    anonymous: { accuracy: 0, n: 0 },
    via: { accuracy: 0, n: 0 },
    reported: { precision: 0, recall: 0, correct: 0, found: 0, gold: 0 },
    scareAttributed: 0,
    errors: [],
  };
  let anonOk = 0;
  let viaOk = 0;
  for (const a of articles) {
    const headlineEnd = a.text.indexOf("\n");
    const all = run(a).filter((x) => x.start >= headlineEnd);
    const ignored = (x: Found) => a.gold.ignored.some((g) => overlap(x, g) >= 0.5 * (x.end - x.start));
    const q = (x: Found) => a.text.slice(x.start, x.end).slice(0, 50).replace(/\n/g, " ");
    const who = (x: Found) => (x.speakerUnclear ? "(unclear)" : (x.speaker[0] ?? "?"));
    // Direct quotations.
    const directs = all.filter((x) => x.kind === "direct");
    const used = new Set<Found>();
    for (const g of a.gold.direct) {
      f.quotes.gold++;
      if (g.speakerUnclear) f.unclear.goldUnclear++;
      else f.speakers.gold++;
      const m = directs
        .filter((x) => !used.has(x) && spansMatch(x, g))
        .sort((x, y) => overlap(y, g) - overlap(x, g))[0];
      if (!m) {
        if (!g.speakerUnclear) f.errors.push(`${a.id}: missed quote “${g.text.slice(0, 50)}” (${g.speaker})`);
        continue;
      }
      used.add(m);
      f.quotes.matched++;
      if (g.speakerUnclear) {
        if (m.speakerUnclear) f.unclear.agreed++;
        else {
          f.unclear.guessedOnUnclear++;
          f.speakers.answered++;
          f.errors.push(`${a.id}: guessed ${who(m)} for the unclear “${g.text.slice(0, 40)}”`);
        }
        continue;
      }
      if (m.speakerUnclear) {
        f.unclear.said++;
        f.errors.push(`${a.id}: said unclear for “${g.text.slice(0, 40)}” (${g.speaker})`);
      } else {
        f.speakers.answered++;
        if (speakerRight(m, g)) f.speakers.correct++;
        else f.errors.push(`${a.id}: “${g.text.slice(0, 40)}” → ${who(m)}; gold ${g.speaker}`);
      }
      f.anonymous.n++;
      f.via.n++;
      if (m.anonymous === g.anonymous) anonOk++;
      else f.errors.push(`${a.id}: “${g.text.slice(0, 40)}” anonymous ${m.anonymous}; gold ${g.anonymous}`);
      if (viaRight(m, g)) viaOk++;
      else f.errors.push(`${a.id}: “${g.text.slice(0, 40)}” via ${m.via?.[0] ?? null}; gold ${g.via}`);
    }
    for (const x of directs) {
      if (used.has(x) || ignored(x)) continue;
      const scare = a.gold.notAttributed.some((g) => spansMatch(x, g));
      if (scare && !x.speakerUnclear) f.scareAttributed++;
      f.quotes.found++;
      if (!x.speakerUnclear) f.speakers.answered++;
      else f.unclear.said++;
      f.errors.push(`${a.id}: spurious${scare ? " (scare quotes)" : ""} quote “${q(x)}” → ${who(x)}`);
    }
    f.quotes.found += used.size;
    // Reported statements.
    // Found statements inside an ignored span (an interviewer's question) count only when they match the gold.
    const reported = all.filter((x) => x.kind === "indirect");
    const usedR = new Set<Found>();
    for (const g of a.gold.indirect) {
      f.reported.gold++;
      const cands = reported.filter((x) => !usedR.has(x) && spansMatch(x, g));
      const m = cands.find((x) => speakerRight(x, g)) ?? cands[0];
      if (!m) {
        f.errors.push(`${a.id}: missed statement “${g.text.slice(0, 50)}” (${g.speaker})`);
        continue;
      }
      usedR.add(m);
      if (speakerRight(m, g)) f.reported.correct++;
      else f.errors.push(`${a.id}: statement “${g.text.slice(0, 40)}” → ${who(m)}; gold ${g.speaker}`);
    }
    for (const x of reported) {
      if (usedR.has(x)) continue;
      if (ignored(x)) continue;
      f.reported.found++;
      f.errors.push(`${a.id}: spurious statement “${q(x)}” → ${who(x)}`);
    }
    f.reported.found += usedR.size;
  }
  f.quotes.precision = ratio(f.quotes.matched, f.quotes.found);
  f.quotes.recall = ratio(f.quotes.matched, f.quotes.gold);
  f.speakers.precision = ratio(f.speakers.correct, f.speakers.answered);
  f.speakers.recall = ratio(f.speakers.correct, f.speakers.gold);
  f.anonymous.accuracy = ratio(anonOk, f.anonymous.n);
  f.via.accuracy = ratio(viaOk, f.via.n);
  f.reported.precision = ratio(f.reported.correct, f.reported.found);
  f.reported.recall = ratio(f.reported.correct, f.reported.gold);
  return f;
}

const p = (n: number) => n.toFixed(3);
export function formatFigures(name: string, f: Figures): string {
  return [
    `${name}`,
    `  direct quotations (span):      P ${p(f.quotes.precision)} R ${p(f.quotes.recall)} (${f.quotes.matched} matched, ${f.quotes.found} found, ${f.quotes.gold} gold)`,
    `  direct quotes, right speaker:  P ${p(f.speakers.precision)} R ${p(f.speakers.recall)} (${f.speakers.correct} right, ${f.speakers.answered} answered, ${f.speakers.gold} gold)`,
    `  speaker unclear:               said ${f.unclear.said} on clear quotes; gold-unclear ${f.unclear.goldUnclear}, agreed ${f.unclear.agreed}, guessed ${f.unclear.guessedOnUnclear}`,
    `  anonymous vs named:            ${p(f.anonymous.accuracy)} of ${f.anonymous.n}; via outlet: ${p(f.via.accuracy)} of ${f.via.n}`,
    `  reported statements:           P ${p(f.reported.precision)} R ${p(f.reported.recall)} (${f.reported.correct} right, ${f.reported.found} found, ${f.reported.gold} gold)`,
    `  scare quotes attributed:       ${f.scareAttributed}`,
  ].join("\n");
}
