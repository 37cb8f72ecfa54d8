// The pipeline: articles → cleaned text → quotations, sentences and names → entities → attributions
// → cross-references → curation merged over the automatic output → a schema-checked dataset and a report.
import {
  AttributionFinder,
  cleanRole,
  type EntityResolver,
  type RawAttribution,
  type ResolvedMention,
  type SentenceInfo,
} from "./attribution";
import { clean } from "./clean";
import { buildCrossrefs, resolveEnd } from "./crossrefs";
import { applyCuration, type Curation, evidenceSpans } from "./curation";
import { resolveDay } from "./dates";
import { locate, span } from "./evidence";
import { ORG_HEADS } from "./lexicon";
import { canonicalName, clusterMentions, findNameMentions, type NameMention, outletName } from "./names";
import { makeTarget, paragraphs, quotations, sentences } from "./text";
import {
  type Article,
  type Attribution,
  DATASET_VERSION,
  type Dataset,
  type Entity,
  type EntityKind,
} from "./types";

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

interface Parsed {
  input: ArticleInput;
  article: Article;
  sentences: SentenceInfo[];
  quotes: ReturnType<typeof quotations>;
  mentions: NameMention[];
}

export function buildDataset(
  inputs: ArticleInput[],
  curation?: Curation,
): { dataset: Dataset; report: BuildReport } {
  // 1. Clean, split, find quotations and name mentions.
  const parsed: Parsed[] = inputs.map((input) => {
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
    const paras = paragraphs(c.text);
    const quotes = quotations(c.text, paras);
    const quoteSpans = quotes.flatMap((q) =>
      q.parts.map((p) => ({ start: p.openMark, end: p.closeMark ?? p.end })),
    );
    const sents: SentenceInfo[] = paras.flatMap((p) =>
      sentences(c.text, p, quoteSpans).map((s) => ({ ...s, paragraph: p.index })),
    );
    return { input, article, sentences: sents, quotes, mentions: [] };
  });
  const lowercase = new Set<string>();
  for (const p of parsed)
    for (const m of p.article.text.matchAll(/\b\p{Ll}[\p{Ll}'’-]*\b/gu)) lowercase.add(m[0]);
  for (const p of parsed)
    for (const s of p.sentences)
      p.mentions.push(...findNameMentions(p.article.text, s, p.article.id, lowercase));

  // 2. Entities from clustered name mentions.
  const store = new EntityStore();
  const clusters = clusterMentions(parsed.flatMap((p) => p.mentions));
  for (const p of parsed) {
    const publisherId = p.article.publisher !== "unknown" ? store.outlet(p.article.publisher) : null;
    if (publisherId) store.publishers.set(p.article.id, publisherId);
  }
  const resolvedByArticle = new Map<string, ResolvedMention[]>(parsed.map((p) => [p.article.id, []]));
  for (const c of clusters) {
    let id: string | undefined;
    for (const m of c.mentions) {
      // "The Times" inside a Times article is the publisher itself.
      const self =
        c.kind === "outlet"
          ? store.selfOutlet(
              m.articleId,
              m.surface,
              parsed.find((p) => p.article.id === m.articleId)?.article.publisher ?? "",
            )
          : null;
      if (!self && !id)
        id = c.outlet ? (store.outlet(c.outlet) as string) : store.add(c.kind, canonicalName(c), "automatic");
      const target = self ?? (id as string);
      store.addMention(target, m.articleId, m.start, m.end, m.surface);
      resolvedByArticle
        .get(m.articleId)
        ?.push({ start: m.start, end: m.end, entityId: target, kind: c.kind });
    }
  }

  // 3. Attributions, article by article.
  const attributions: Attribution[] = [];
  const droppedClaims: string[] = [];
  const unattributedQuotes: BuildReport["unattributedQuotes"] = [];
  for (const p of parsed) {
    const { article } = p;
    const mentions = (resolvedByArticle.get(article.id) ?? []).sort((a, b) => a.start - b.start);
    const resolver = store.resolverFor(article, mentions, appositiveRoles(article.text, mentions, store));
    const quotes = p.quotes.map((q) => {
      const first = q.parts[0];
      const last = q.parts[q.parts.length - 1];
      return {
        start: q.start,
        end: q.end,
        openMark: first?.openMark ?? q.start,
        closeMark: first?.closeMark ?? null,
        paragraph: first?.paragraph ?? 0,
        lastParagraph: last?.paragraph ?? 0,
        lastCloseMark: last?.closeMark ?? null,
      };
    });
    const raw = new AttributionFinder(article.text, p.sentences, quotes, resolver).run();
    const directStarts = new Set(raw.filter((a) => a.kind === "direct").map((a) => a.start));
    for (const q of quotes) {
      if (!directStarts.has(q.start))
        unattributedQuotes.push({ articleId: article.id, quote: article.text.slice(q.start, q.end) });
    }
    const refDate = article.published ?? article.referenceDate?.date;
    const ids: string[] = [];
    raw.forEach((a: RawAttribution, i) => {
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
        out.continues = ids[raw.indexOf(raw[a.continuesIndex] as RawAttribution)];
      attributions.push(out);
    });
  }
  // Continuations point at the first part of the quotation.
  for (const a of attributions)
    if (a.continues) a.continues = attributions.find((b) => b.id === a.continues)?.continues ?? a.continues;

  const dataset: Dataset = {
    version: DATASET_VERSION,
    articles: parsed.map((p) => p.article),
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
  dataset.entities = dataset.entities.filter(
    (e) => e.mentions.length > 0 || dataset.attributions.some((a) => a.speaker === e.id || a.via === e.id),
  );
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

/** How sure the rules are of a speaker: named at the cue, found through a pronoun or description, or a continuation. */
function confidenceOf(a: RawAttribution): number {
  if (!a.speaker.entityId) return 0;
  if (a.continuesIndex !== undefined) return 0.8;
  return a.speaker.antecedent ? 0.75 : 0.9;
}

function attributionEvidence(article: Article, a: RawAttribution): Attribution["evidence"] {
  const cueWord = a.cue.split(/\s+/)[0] ?? "";
  const ev: Attribution["evidence"] = {};
  if (article.text.startsWith(cueWord, a.cueAt) && cueWord)
    ev.cue = span(article, a.cueAt, a.cueAt + cueWord.length);
  if (a.speaker.source) ev.source = span(article, a.speaker.source.start, a.speaker.source.end);
  if (a.speaker.antecedent)
    ev.speaker = [span(article, a.speaker.antecedent.start, a.speaker.antecedent.end)];
  return ev;
}

/** Roles the article gives named people: "the opposition leader, X", "X, head of …", "British Prime Minister X". */
function appositiveRoles(
  text: string,
  mentions: ResolvedMention[],
  store: EntityStore,
): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const add = (id: string, role: string) => {
    const r = cleanRole(role);
    if (!r || r.split(/\s+/).length > 12 || /^\d+$/.test(r)) return;
    const list = roles.get(id) ?? [];
    if (!list.includes(r)) list.push(r);
    roles.set(id, list);
  };
  for (const m of mentions) {
    if (m.kind !== "person") continue;
    const after = /^,\s+((?:the\s+|a\s+|an\s+)?[a-z][^,.;]*)[,.]/.exec(text.slice(m.end, m.end + 160));
    if (after?.[1]) add(m.entityId, after[1]);
    const before =
      /(?:^|[,.;—]\s+|\b(?:However|But|And)\s*,?\s+)((?:the|an?|another)\s+[a-z][^,.;]*?),\s+$/i.exec(
        text.slice(Math.max(0, m.start - 120), m.start),
      );
    if (before?.[1]) add(m.entityId, before[1]);
    const title = /((?:[A-Z][a-z]+\s+){1,4})$/.exec(text.slice(Math.max(0, m.start - 60), m.start));
    if (
      title?.[1] &&
      /(?:Minister|President|Secretary|Chairman|Ambassador|Governor|Mayor|Senator|Spokesman)\s+$/.test(
        title[1],
      )
    )
      add(m.entityId, title[1].trim());
  }
  void store;
  return roles;
}

/** Entities with ids, aliases and mentions; creates outlets and described speakers on demand. */
export class EntityStore {
  entities: Entity[] = [];
  publishers = new Map<string, string>();
  private ids = new Set<string>();

  add(kind: EntityKind, name: string, origin: Entity["origin"], extra: Partial<Entity> = {}): string {
    const base = `${kind === "organization" ? "org" : kind}:${name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    this.entities.push({ id, kind, name, aliases: [], mentions: [], origin, evidence: {}, ...extra });
    return id;
  }

  get(id: string): Entity | undefined {
    return this.entities.find((e) => e.id === id);
  }

  addMention(id: string, articleId: string, start: number, end: number, surface: string): void {
    const e = this.get(id);
    if (!e) return;
    if (!e.mentions.some((m) => m.articleId === articleId && m.start === start))
      e.mentions.push({ articleId, start, end });
    if (surface !== e.name && !e.aliases.includes(surface)) e.aliases.push(surface);
  }

  /** The outlet entity for a name or short form, created on first use. */
  outlet(surface: string): string | null {
    const name = outletName(surface);
    if (!name) return null;
    return (
      this.entities.find((e) => e.kind === "outlet" && e.name === name)?.id ??
      this.add("outlet", name, "automatic")
    );
  }

  /** A one-word short form of the article's own publisher ("The Times" in The Washington Times) names the publisher. */
  selfOutlet(articleId: string, surface: string, publisher: string): string | null {
    const self = this.publishers.get(articleId);
    const short = surface.replace(/^the\s+/i, "").trim();
    if (!self || !/^[A-Z][a-z]+$/.test(short)) return null;
    return publisher
      .replace(/^the\s+/i, "")
      .split(/\s+/)
      .includes(short)
      ? self
      : null;
  }

  resolverFor(article: Article, mentions: ResolvedMention[], roles: Map<string, string[]>): EntityResolver {
    const self = this.publishers.get(article.id);
    const described = new Map<string, string>();
    return {
      mentions,
      roles,
      describe: (text, { named, plural, start, end }) => {
        const key = text.toLowerCase().replace(/^(?:the|a|an)\s+/, "");
        const prior = described.get(key);
        if (prior) {
          this.addMention(prior, article.id, start, end, text);
          return prior;
        }
        const org = named && ORG_HEADS.has(text.split(/\s+/).pop() ?? "");
        const kind: EntityKind = org ? "organization" : named ? "person" : plural ? "group" : "person";
        const name = named ? text.replace(/^the\s+/i, "") : key;
        const id = this.add(kind, name, "automatic", named ? {} : { anonymous: true });
        this.addMention(id, article.id, start, end, text);
        described.set(key, id);
        mentions.push({ start, end, entityId: id, kind });
        mentions.sort((a, b) => a.start - b.start);
        return id;
      },
      outlet: (surface) => this.selfOutlet(article.id, surface, article.publisher) ?? this.outlet(surface),
      orgByHead: (head) => {
        const h = head.toLowerCase();
        const org = mentions.find(
          (m) => m.kind === "organization" && this.get(m.entityId)?.name.toLowerCase().endsWith(h),
        );
        return org?.entityId ?? null;
      },
      isSelf: (id) => id === self,
      kindOf: (id) => this.get(id)?.kind,
      isAnonymous: (id) => Boolean(this.get(id)?.anonymous),
    };
  }
}
