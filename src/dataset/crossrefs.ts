// Cross-references: the same entity or speaker across articles, passages on the same claim or event,
// and later statements that reverse or revise earlier ones.

import { COUNTRIES } from "../extract/lexicon";
import { makeTarget, paragraphs, type Span, sentences } from "../extract/text";
import type { Article, Attribution, Crossref, CrossrefEnd, Dataset, EvidenceSpan } from "../model/dataset";
import { type Curation, type CurationEnd, evidenceSpans } from "./curation";

/** A statement's own day, else its article's publication date; an estimated date is the article's, shown as such. */
const dateOf = (a: Article) => a.published;

function attributionEnd(a: Attribution, articles: Article[] | Map<string, Article>): CrossrefEnd {
  const art =
    articles instanceof Map ? articles.get(a.articleId) : articles.find((x) => x.id === a.articleId);
  const date = a.date ?? (art ? dateOf(art) : undefined);
  return { articleId: a.articleId, target: a.target, attributionId: a.id, ...(date ? { date } : {}) };
}

const endSpan = (e: CrossrefEnd): EvidenceSpan => ({
  articleId: e.articleId,
  start: e.target.start,
  end: e.target.end,
  exact: e.target.exact,
});

function sentenceSpans(text: string): Span[] {
  return paragraphs(text).flatMap((p) => sentences(text, p));
}

/** Resolve a curated end ("a substring of the article") to the attribution containing it, or to its sentence. */
export function resolveEnd(dataset: Dataset, end: CurationEnd): CrossrefEnd | null {
  const art = dataset.articles.find((a) => a.id === end.articleId);
  if (!art) return null;
  const at = art.text.indexOf(end.quote);
  if (at < 0) return null;
  const attribution = dataset.attributions.find(
    (a) => a.articleId === art.id && a.target.start <= at && a.target.end >= at + end.quote.length,
  );
  if (attribution) return attributionEnd(attribution, dataset.articles);
  const s = sentenceSpans(art.text).find((x) => x.start <= at && x.end >= at + end.quote.length);
  const span = s ?? { start: at, end: at + end.quote.length };
  const date = dateOf(art);
  return { articleId: art.id, target: makeTarget(art.text, span.start, span.end), ...(date ? { date } : {}) };
}

const STOP = new Set(
  `the a an and or but of to in on at for with by from as that this these those is was were are be been has have had
   will would could should may might can not no it its he she they them his her their we our you your i me my there
   here which who whom whose what when where why how than then also said says told about after before over into out
   up down more most some any all each other such only own same so very just one two three mr ms mrs col colonel`.split(
    /\s+/,
  ),
);

function stems(s: string): string[] {
  return (s.toLowerCase().match(/\p{L}[\p{L}'’-]+/gu) ?? [])
    .map((w) => w.replace(/[’']s$/, ""))
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => w.replace(/(?:ing|ed|es|s)$/, "").slice(0, 7));
}

export function buildCrossrefs(dataset: Dataset, curation?: Curation): Crossref[] {
  const out: Crossref[] = [];
  const { articles, attributions } = dataset;
  const push = (x: Omit<Crossref, "id">) => {
    const dates = [...new Set(x.ends.map((e) => e.date).filter((d): d is string => Boolean(d)))].sort();
    out.push({
      id: `x${String(out.length + 1).padStart(3, "0")}`,
      ...x,
      ...(dates.length && !x.dates ? { dates } : {}),
    });
  };

  // Lookups made once: the articles by id (a search of the list per mention or per statement made this part
  // O(entities × articles) — minutes at 10,000 articles).
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const order = new Map(articles.map((a, i) => [a.id, i]));

  // same-entity: a person, organisation or place named in several articles, under whatever spellings.
  for (const e of dataset.entities) {
    // Outlets and countries are everywhere; linking every "Libya" would drown the links that matter.
    if (e.kind === "outlet" || e.anonymous || (e.kind === "place" && COUNTRIES.has(e.name))) continue;
    // Each article's first mention by name (not by a description such as "an opposition leader").
    const written = (m: { articleId: string; start: number; end: number }) =>
      articleById.get(m.articleId)?.text.slice(m.start, m.end) ?? "";
    const byName = (m: { articleId: string; start: number; end: number }) =>
      /^(?!(?:The|A|An) )\p{Lu}/u.test(written(m));
    const first = new Map<string, (typeof e.mentions)[number]>();
    for (const m of e.mentions) {
      if (!order.has(m.articleId) || !byName(m)) continue;
      const had = first.get(m.articleId);
      if (!had || m.start < had.start) first.set(m.articleId, m);
    }
    if (first.size < 2) continue;
    // In the articles' order, as before.
    const byArticle = [...first.values()].sort(
      (x, y) => (order.get(x.articleId) as number) - (order.get(y.articleId) as number),
    );
    // The names it is written with; a description ("an opposition leader") is a mention, not a spelling.
    const forms = [...new Set(e.mentions.filter(byName).map(written))];
    push({
      kind: "same-entity",
      entity: e.id,
      ends: byArticle.map((m) => {
        const art = articleById.get(m.articleId) as Article;
        return { articleId: m.articleId, target: makeTarget(art.text, m.start, m.end) };
      }),
      evidence: [],
      summary:
        forms.length > 1
          ? `${e.name}, written ${forms.map((f) => `“${f}”`).join(", ")}`
          : `${e.name} in ${byArticle.length} articles`,
      origin: e.origin,
    });
  }

  // same-speaker: one speaker's statements in several articles.
  const bySpeaker = new Map<string, Attribution[]>();
  for (const a of attributions) {
    if (!a.speaker) continue;
    const list = bySpeaker.get(a.speaker);
    if (list) list.push(a);
    else bySpeaker.set(a.speaker, [a]);
  }
  const entityById = new Map(dataset.entities.map((e) => [e.id, e]));
  for (const [speaker, list] of bySpeaker) {
    const arts = new Set(list.map((a) => a.articleId));
    if (arts.size < 2) continue;
    const e = entityById.get(speaker);
    push({
      kind: "same-speaker",
      entity: speaker,
      ends: list.filter((a) => !a.continues).map((a) => attributionEnd(a, articleById)),
      summary: `${e?.name ?? speaker} is quoted in ${arts.size} articles`,
      evidence: [],
      origin: list.some((a) => a.origin === "curated") ? "curated" : "automatic",
    });
  }

  // related without curation: passages in different articles that share rare words. With curation, relations are
  // the curated ones only: contradicts and updates need a reader's review, and so does "the same claim".
  // (One by one: a spread of 100,000 and more arguments overflows the stack.)
  if (!curation) for (const x of similarPassages(dataset, out.length)) out.push(x);

  for (const [i, c] of (curation?.crossrefs ?? []).entries()) {
    const what = `curated cross-reference #${i} (“${c.summary}”)`;
    const ends = c.ends.map((e) => resolveEnd(dataset, e));
    if (ends.some((e) => !e)) throw new Error(`${what}: an end's quote is not in its article`);
    push({
      kind: c.kind,
      ends: ends as CrossrefEnd[],
      summary: c.summary,
      ...(c.wording ? { wording: c.wording } : {}),
      // A related pair rests on its own two passages when nothing else is quoted; contradicts and updates cannot.
      evidence: c.evidence.length
        ? evidenceSpans(dataset, c.evidence, what)
        : c.kind === "related"
          ? (ends as CrossrefEnd[]).map((e) => endSpan(e))
          : [],
      ...(c.claim ? { claim: c.claim } : {}),
      ...(c.topic ? { topic: c.topic } : {}),
      origin: "curated",
      why: c.why,
    });
  }
  return out;
}

/** The least cosine similarity of two passages' rare words for a "related" cross-reference. */
const SIMILAR = 0.3;

/**
 * Without curation: pairs of sentences in different articles that share enough rare words (at least three, and a
 * cosine similarity of their idf-weighted words of at least SIMILAR).
 *
 * `pairs: "blocked"` (the default) compares only candidate pairs, by prefix filtering (docs/decisions/0012-scale.md):
 * each sentence's words in one global order, rarest first, and its prefix the fewest of them that leave less than
 * SIMILAR of its weight after them. Two sentences whose similarity reaches SIMILAR share a word in both prefixes (the
 * first word they share: the words after it in either sentence carry less than SIMILAR of that sentence's weight,
 * which bounds the similarity by Cauchy–Schwarz), so an index of the prefixes finds every such pair, in the same
 * order as comparing all pairs (`pairs: "all"`, kept for the test that says so), without comparing the
 * O(sentences²) pairs that share nothing rare: 300,000 sentences at 10,000 articles.
 */
export function similarPassages(
  dataset: Dataset,
  offset: number,
  pairs: "blocked" | "all" = "blocked",
): Crossref[] {
  const docs = dataset.articles.flatMap((art) =>
    sentenceSpans(art.text).map((s) => ({ art, s, terms: new Set(stems(art.text.slice(s.start, s.end))) })),
  );
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(docs.length / (df.get(t) ?? 1));
  const weight = (d: (typeof docs)[number]) => Math.sqrt([...d.terms].reduce((s, t) => s + idf(t) ** 2, 0));
  const out: Crossref[] = [];
  const compare = (i: number, j: number) => {
    const a = docs[i] as (typeof docs)[number];
    const b = docs[j] as (typeof docs)[number];
    if (a.art.id === b.art.id) return;
    const shared = [...a.terms].filter((t) => b.terms.has(t));
    if (shared.length < 3) return;
    const cos = shared.reduce((s, t) => s + idf(t) ** 2, 0) / (weight(a) * weight(b) || 1);
    if (cos < SIMILAR) return;
    const end = (d: typeof a) => ({
      articleId: d.art.id,
      target: makeTarget(d.art.text, d.s.start, d.s.end),
    });
    out.push({
      id: `x${String(offset + out.length + 1).padStart(3, "0")}`,
      kind: "related",
      ends: [end(a), end(b)],
      summary: `Similar passages (shared: ${shared.slice(0, 5).join(", ")})`,
      evidence: [endSpan(end(a)), endSpan(end(b))],
      origin: "automatic",
    });
  };
  if (pairs === "all") {
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) compare(i, j);
    return out;
  }
  // The global order: rarest (highest idf) first, then by the word, so that every sentence sorts alike.
  const rank = new Map(
    [...df.keys()].sort((x, y) => idf(y) - idf(x) || (x < y ? -1 : x > y ? 1 : 0)).map((t, k) => [t, k]),
  );
  // A little under SIMILAR, so that rounding can only make a prefix longer (more candidates), never shorter.
  const bound = SIMILAR - 1e-9;
  const postings = new Map<string, number[]>();
  const prefixes: string[][] = docs.map((d, i) => {
    const w = weight(d);
    // A sentence without weight (every word in every sentence) is similar to none: the similarity is 0.
    if (!(w > 0)) return [];
    const sorted = [...d.terms].sort((x, y) => (rank.get(x) as number) - (rank.get(y) as number));
    // Weight left from each position on, as a share of the sentence's: the prefix ends where it drops under bound.
    let left = sorted.reduce((s, t) => s + idf(t) ** 2, 0);
    const prefix: string[] = [];
    for (const t of sorted) {
      if (Math.sqrt(Math.max(0, left)) / w < bound) break;
      prefix.push(t);
      left -= idf(t) ** 2;
    }
    for (const t of prefix) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
    return prefix;
  });
  for (let i = 0; i < docs.length; i++) {
    const candidates = new Set<number>();
    for (const t of prefixes[i] as string[])
      for (const j of postings.get(t) as number[]) if (j > i) candidates.add(j);
    for (const j of [...candidates].sort((x, y) => x - y)) compare(i, j);
  }
  return out;
}
