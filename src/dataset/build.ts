// The pipeline: articles → cleaned text → quotations, sentences and names → entities → attributions
// → cross-references → curation merged over the automatic output → a schema-checked dataset and a report.

import { resolveDay } from "../extract/dates";
import { EntityStore } from "../extract/entities";
import { confidenceOf, cueSpan } from "../extract/output";
import { analyse } from "../extract/pipeline";
import { makeTarget } from "../extract/text";
import type { RawAttribution } from "../extract/types";
import { type Article, type Attribution, DATASET_VERSION, type Dataset, type Entity } from "../model/dataset";
import { clean } from "./clean";
import { buildCrossrefs, resolveEnd } from "./crossrefs";
import { applyCuration, type Curation, evidenceSpans } from "./curation";
import { locate, span } from "./evidence";

export interface ArticleInput {
  id: string;
  raw: string;
  meta: Partial<{
    publisher: string;
    headline: string;
    published: string;
    referenceDate: { date: string; basis: string };
    byline: string;
    dateline: string;
    urls: string[];
    urlPatterns: string[];
    textCheckPatterns: string[];
  }>;
}

export interface BuildReport {
  articles: number;
  entities: { automatic: number; curated: number };
  attributions: {
    automatic: number;
    curated: number;
    direct: number;
    indirect: number;
    anonymous: number;
    secondHand: number;
  };
  crossrefs: { automatic: number; curated: number; byKind: Record<string, number> };
  unattributedQuotes: { articleId: string; quote: string }[];
  /** Automatic claims left out because no span of the text supports them. */
  droppedClaims: string[];
  conflicts: string[];
  curationApplied: number;
}

const known = (v: string | undefined) => (v && v !== "unknown" ? v : undefined);

export function buildDataset(
  inputs: ArticleInput[],
  curation?: Curation,
): { dataset: Dataset; report: BuildReport } {
  // 1. Clean the captured text; the extraction library (src/extract) finds quotations, names, entities and
  // attributions over all the articles together (one entity per person across them).
  const articles: Article[] = inputs.map((input) => {
    const c = clean(input.raw, { headline: known(input.meta.headline) });
    const article: Article = {
      id: input.id,
      publisher: input.meta.publisher ?? "unknown",
      headline: known(input.meta.headline) ?? c.headline,
      published: known(input.meta.published),
      referenceDate: input.meta.referenceDate,
      byline: known(input.meta.byline) ?? c.byline,
      dateline: known(input.meta.dateline) ?? c.dateline,
      summary: c.summary,
      urls: input.meta.urls ?? [],
      urlPatterns: input.meta.urlPatterns ?? [],
      ...(input.meta.textCheckPatterns ? { textCheckPatterns: input.meta.textCheckPatterns } : {}),
      text: c.text,
      removed: c.removed,
    };
    for (const k of Object.keys(article) as (keyof Article)[])
      if (article[k] === undefined) delete article[k];
    return article;
  });
  const store = new EntityStore<Entity>();
  const { docs } = analyse(
    articles.map((a) => ({
      id: a.id,
      text: a.text,
      publisher: a.publisher !== "unknown" ? a.publisher : undefined,
    })),
    store,
    {},
    // The bundled dataset was curated over the rules as they read it; it keeps their reading of sentences that hold
    // a quotation (the library finds reported statements there too).
    { quotedStatements: false },
  );

  // 3. Attributions, article by article.
  const attributions: Attribution[] = [];
  const droppedClaims: string[] = [];
  const unattributedQuotes: BuildReport["unattributedQuotes"] = [];
  for (const [i, article] of articles.entries()) {
    const { quotes, attributions: all } = docs[i] as (typeof docs)[number];
    // Quotations whose speaker is unclear are not shown in the dataset; the report lists them.
    const raw = all.filter((a) => !a.unclear);
    const directStarts = new Set(raw.filter((a) => a.kind === "direct").map((a) => a.start));
    for (const q of quotes) {
      if (!directStarts.has(q.start))
        unattributedQuotes.push({ articleId: article.id, quote: article.text.slice(q.start, q.end) });
    }
    const refDate = article.published ?? article.referenceDate?.date;
    const ids: string[] = [];
    // No attribution without a target: one whose content is empty is left out and reported.
    for (const a of raw.filter((x) => !article.text.slice(x.start, x.end).trim()))
      droppedClaims.push(
        `${article.id}: a ${a.kind} attribution to “${a.speaker.speakerText}” with no content`,
      );
    const kept = raw.filter((x) => article.text.slice(x.start, x.end).trim());
    kept.forEach((a: RawAttribution, i) => {
      const id = `${article.id}/a${String(i + 1).padStart(2, "0")}`;
      ids.push(id);
      const date = a.dateText && refDate ? resolveDay(a.dateText, refDate) : undefined;
      const out: Attribution = {
        id,
        articleId: article.id,
        target: makeTarget(article.text, a.start, a.end),
        kind: a.kind,
        speaker: a.speaker.entityId,
        speakerText: a.speaker.speakerText,
        anonymous: a.speaker.anonymous,
        via: a.via,
        cue: a.cue,
        origin: "automatic",
        confidence: confidenceOf(a),
        evidence: attributionEvidence(article, a),
      };
      // A role or a day is shown only with the words of the text that give it; one the text does not hold
      // verbatim (a cleaned appositive) is dropped and reported.
      const roleSpan = a.speaker.role
        ? locate(article, a.speaker.role, a.speaker.source?.start ?? a.start)
        : null;
      if (a.speaker.role && roleSpan) {
        out.role = a.speaker.role;
        out.evidence.role = [roleSpan];
      } else if (a.speaker.role) droppedClaims.push(`${id}: role “${a.speaker.role}” not found verbatim`);
      const daySpan = a.dateText ? locate(article, a.dateText, a.cueAt) : null;
      if (date && daySpan) {
        out.date = date;
        out.evidence.date = [daySpan];
      }
      if (a.continuesIndex !== undefined)
        out.continues = ids[kept.indexOf(all[a.continuesIndex] as RawAttribution)];
      attributions.push(out);
    });
  }
  // Continuations point at the first part of the quotation.
  const byId = new Map(attributions.map((a) => [a.id, a]));
  for (const a of attributions)
    if (a.continues) a.continues = byId.get(a.continues)?.continues ?? a.continues;

  const dataset: Dataset = {
    version: DATASET_VERSION,
    articles,
    entities: store.entities,
    attributions,
    crossrefs: [],
  };
  const report: BuildReport = {
    articles: dataset.articles.length,
    entities: { automatic: 0, curated: 0 },
    attributions: { automatic: 0, curated: 0, direct: 0, indirect: 0, anonymous: 0, secondHand: 0 },
    crossrefs: { automatic: 0, curated: 0, byKind: {} },
    unattributedQuotes,
    droppedClaims,
    conflicts: [],
    curationApplied: 0,
  };
  // 4. Curation over the automatic output, then cross-references over the merged attributions.
  if (curation) {
    const r = applyCuration(dataset, curation, store);
    report.conflicts.push(...r.conflicts);
    report.curationApplied = r.applied;
  }
  // Entities that speak or relay, found once (a search of the attributions per entity was O(entities × attributions)).
  const cited = new Set<string>();
  for (const a of dataset.attributions) {
    if (a.speaker) cited.add(a.speaker);
    if (a.via) cited.add(a.via);
  }
  dataset.entities = dataset.entities.filter((e) => e.mentions.length > 0 || cited.has(e.id));
  dataset.crossrefs = buildCrossrefs(dataset, curation);
  if (curation?.timelines?.length) {
    dataset.timelines = curation.timelines.map((t) => ({
      id: t.id,
      label: t.label,
      entries: t.entries.map((e) => {
        const end = resolveEnd(dataset, e.end);
        if (!end) throw new Error(`curated timeline ${t.id}: "${e.end.quote}" is not in ${e.end.articleId}`);
        const art = dataset.articles.find((a) => a.id === end.articleId) as Article;
        const date = end.date ?? art.referenceDate?.date ?? "";
        const evidence = [
          span(art, end.target.start, end.target.end),
          ...evidenceSpans(dataset, e.evidence, `curated timeline ${t.id}`),
        ];
        return { date, label: e.label, end, evidence };
      }),
    }));
  }
  for (const e of dataset.entities) report.entities[e.origin]++;
  for (const a of dataset.attributions) {
    report.attributions[a.origin]++;
    report.attributions[a.kind]++;
    if (a.anonymous) report.attributions.anonymous++;
    if (a.via) report.attributions.secondHand++;
  }
  for (const x of dataset.crossrefs) {
    report.crossrefs[x.origin]++;
    report.crossrefs.byKind[x.kind] = (report.crossrefs.byKind[x.kind] ?? 0) + 1;
  }
  return { dataset, report };
}

function attributionEvidence(article: Article, a: RawAttribution): Attribution["evidence"] {
  const ev: Attribution["evidence"] = {};
  const cue = cueSpan(article.text, a);
  if (cue) ev.cue = span(article, cue.start, cue.end);
  if (a.speaker.source) ev.source = span(article, a.speaker.source.start, a.speaker.source.end);
  if (a.speaker.antecedent)
    ev.speaker = [span(article, a.speaker.antecedent.start, a.speaker.antecedent.end)];
  return ev;
}
