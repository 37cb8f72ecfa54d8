// Per-article views built from the dataset at build time: what the content script paints (the payload),
// what each highlight's card says, and what the sidebar lists. The extension loads one article's files on
// demand, so the runtime never holds the whole dataset.

import { withTextFragment } from "../anchoring/fragment";
import { prepareQuote } from "../anchoring/prepare-quote";
import { makeTarget, paragraphs, sentences } from "../extract/text";
import type { Article, Attribution, Crossref, CrossrefEnd, Dataset, TextTarget } from "../model/dataset";
import { articleDateLabel } from "../model/date-labels";
import type { ArticlePayload, HighlightKind } from "../model/protocol";
import {
  type LinkView,
  MAX_OTHER_PASSAGES,
  type PassageShard,
  type PassagesRef,
  type PassageView,
  RELATION_LABEL,
  type SidebarEntry,
  type SidebarView,
  type SpeakerView,
  type StoredCardView,
  type SummaryView,
  type TimelineEntry,
} from "../model/views";

export interface ArticleViews {
  payload: ArticlePayload;
  cards: Record<string, StoredCardView>;
  sidebar: SidebarView;
}

/** Reversals first: they change what a reader should make of the passage. */
const LINK_ORDER: Record<Crossref["kind"], number> = {
  contradicts: 0,
  updates: 1,
  "same-speaker": 2,
  "same-entity": 3,
  related: 4,
};

/** The date of a statement (its own day, else its article's), marked "about" when the article's date is an estimate. */
export function dateOf(art: Article, iso?: string): { label: string; iso?: string; basis?: string } {
  const estimate = !art.published && art.referenceDate;
  const day = iso ?? art.published ?? art.referenceDate?.date;
  if (!day) return { label: "date unknown" };
  return estimate
    ? { label: articleDateLabel(day, true), iso: day, basis: art.referenceDate?.basis }
    : { label: articleDateLabel(day, false), iso: day };
}

/** A link to a passage: the article's address with a text fragment, where the address is known. */
export function fragmentLink(article: Article, text: string): string | undefined {
  const url = article.urls.find((u) => u.startsWith("https:")) ?? article.urls[0];
  return url ? withTextFragment(url, text) : undefined;
}

/** The sentence around a short target (a name mention), for showing it in context. */
function context(text: string, t: TextTarget): { start: number; end: number } {
  if (t.end - t.start > 60) return t;
  const para = paragraphs(text).find((p) => p.start <= t.start && p.end >= t.end);
  return (para && sentences(text, para).find((s) => s.start <= t.start && s.end >= t.end)) ?? t;
}

/** One section for relations that read the same from this side ("Contradicts Mr. Abdul-Jalil" over three of his
 *  passages): the statement and its evidence once, every other passage under it. */
function mergeSameStatement(out: LinkView[], l: LinkView): LinkView[] {
  const same = out.find(
    (o) =>
      o.kind === l.kind && o.statement === l.statement && o.evidence.join("\n") === l.evidence.join("\n"),
  );
  if (same) same.others.push(...l.others.filter((p) => !same.others.some((q) => q.text === p.text)));
  else out.push({ ...l, others: [...l.others] });
  return out;
}

const displayName = (name: string, anonymous?: boolean) =>
  anonymous ? name.charAt(0).toUpperCase() + name.slice(1) : name;

export function highlightKind(a: Attribution): HighlightKind {
  return a.via ? "secondhand" : a.anonymous ? "anonymous" : "named";
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * The dataset's lookups, made once per dataset: build.mjs asks for every article's views, and making them per
 * article cost O(articles × attributions) — minutes at 10,000 articles (issue 19's scale benchmark).
 */
const lookups = new WeakMap<
  Dataset,
  {
    articles: Map<string, Dataset["articles"][number]>;
    entities: Map<string, Dataset["entities"][number]>;
    attributionsById: Map<string, Dataset["attributions"][number]>;
    attributionsOf: Map<string, Dataset["attributions"]>;
    attributionsBySpeaker: Map<string, Dataset["attributions"]>;
    crossrefsOf: Map<string, Dataset["crossrefs"]>;
    /** Per speaker: their statements (not continuations) in all, and in each article. */
    statementsOf: Map<string, { all: number; byArticle: Map<string, number> }>;
  }
>();
function lookupsOf(d: Dataset) {
  let l = lookups.get(d);
  if (!l) {
    const attributionsOf = new Map<string, Dataset["attributions"]>();
    const attributionsBySpeaker = new Map<string, Dataset["attributions"]>();
    const statementsOf = new Map<string, { all: number; byArticle: Map<string, number> }>();
    for (const a of d.attributions) {
      const list = attributionsOf.get(a.articleId);
      if (list) list.push(a);
      else attributionsOf.set(a.articleId, [a]);
      if (!a.speaker) continue;
      const same = attributionsBySpeaker.get(a.speaker);
      if (same) same.push(a);
      else attributionsBySpeaker.set(a.speaker, [a]);
      if (a.continues) continue;
      const n = statementsOf.get(a.speaker) ?? { all: 0, byArticle: new Map<string, number>() };
      statementsOf.set(a.speaker, n);
      n.all++;
      n.byArticle.set(a.articleId, (n.byArticle.get(a.articleId) ?? 0) + 1);
    }
    const crossrefsOf = new Map<string, Dataset["crossrefs"]>();
    for (const x of d.crossrefs)
      for (const id of new Set(x.ends.map((e) => e.articleId))) {
        const list = crossrefsOf.get(id);
        if (list) list.push(x);
        else crossrefsOf.set(id, [x]);
      }
    l = {
      articles: new Map(d.articles.map((a) => [a.id, a])),
      entities: new Map(d.entities.map((e) => [e.id, e])),
      attributionsById: new Map(d.attributions.map((a) => [a.id, a])),
      attributionsOf,
      attributionsBySpeaker,
      crossrefsOf,
      statementsOf,
    };
    lookups.set(d, l);
  }
  return l;
}

type Lookups = ReturnType<typeof lookupsOf>;
type PassageEnd = { articleId: string; target: TextTarget; date?: string; attributionId?: string };

/** "Mustafa Abdul-Jalil, via Reuters": whose statement an attribution is. */
function speakerLine({ entities }: Lookups, a: Attribution): string {
  const e = a.speaker ? entities.get(a.speaker) : undefined;
  const name = e ? displayName(e.name, e.anonymous) : a.speakerText || "Speaker not identified";
  const via = a.via && a.via !== a.speaker ? entities.get(a.via)?.name : undefined;
  return via ? `${name}, via ${via}` : name;
}

/** A passage of an article as a card shows it: the sentence around a short target, its date, whose it is, a link. */
function passageOf(l: Lookups, end: PassageEnd, targetId?: string): PassageView {
  const art = l.articles.get(end.articleId) as Article;
  const span = context(art.text, end.target);
  const text = art.text.slice(span.start, span.end).trim();
  const date = dateOf(art, end.date);
  const href = fragmentLink(art, text);
  const said = end.attributionId ? l.attributionsById.get(end.attributionId) : undefined;
  return {
    articleId: art.id,
    publisher: art.publisher,
    dateLabel: date.label,
    ...(date.iso ? { date: date.iso } : {}),
    ...(date.basis ? { dateBasis: date.basis } : {}),
    ...(said ? { speaker: speakerLine(l, said) } : {}),
    text,
    ...(href ? { href } : {}),
    ...(targetId ? { targetId } : {}),
  };
}

/** The largest a shard of a passage index is made (its JSON), so that opening a card reads one small file. */
const SHARD_BYTES = 128 * 1024;

/** A string's FNV-1a hash: which shard a key's passages are in. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A passage index: its shards (data/<name>/<n>.json) and the shard of each key. */
export interface PassageIndex {
  shards: PassageShard[];
  shardOf: Map<string, number>;
}

/**
 * Each key's passages, only as many as a card can show: enough that, whichever article asks and its own are left
 * out, MAX_OTHER_PASSAGES of the others are in (the passages are made only for those).
 */
function passageIndex<T>(
  keys: Iterable<[string, T[]]>,
  articleOf: (x: T) => string,
  passage: (x: T) => PassageView,
): PassageIndex {
  const lists = new Map<string, PassageView[]>();
  let bytes = 0;
  for (const [key, items] of keys) {
    const list: PassageView[] = [];
    const perArticle = new Map<string, number>();
    let most = 0;
    for (const x of items) {
      if (list.length - most >= MAX_OTHER_PASSAGES) break;
      const p = passage(x);
      list.push(p);
      const k = (perArticle.get(articleOf(x)) ?? 0) + 1;
      perArticle.set(articleOf(x), k);
      most = Math.max(most, k);
      bytes += JSON.stringify(p).length + 1;
    }
    lists.set(key, list);
  }
  const count = Math.max(1, Math.ceil(bytes / SHARD_BYTES));
  const shards: PassageShard[] = Array.from({ length: count }, () => ({}));
  const shardOf = new Map<string, number>();
  for (const [key, list] of lists) {
    const k = fnv1a(key) % count;
    (shards[k] as PassageShard)[key] = list;
    shardOf.set(key, k);
  }
  return { shards, shardOf };
}

const speakerIndexes = new WeakMap<Dataset, PassageIndex>();
const elsewhereIndexes = new WeakMap<Dataset, PassageIndex>();

/**
 * The by-speaker index, built once per dataset: every speaker some card lists (quoted outside an article they are
 * quoted in), with their statements as passages, keyed by the speaker's entity id.
 */
export function buildSpeakerIndex(d: Dataset): PassageIndex {
  const cached = speakerIndexes.get(d);
  if (cached) return cached;
  const l = lookupsOf(d);
  const keys: [string, Attribution[]][] = [];
  for (const [speaker, n] of l.statementsOf) {
    const all = l.attributionsBySpeaker.get(speaker) ?? [];
    // Only a speaker some card lists: one with statements outside an article they are quoted in.
    if (![...new Set(all.map((a) => a.articleId))].some((id) => n.all > (n.byArticle.get(id) ?? 0))) continue;
    keys.push([speaker, all.filter((b) => !b.continues)]);
  }
  const index = passageIndex(
    keys,
    (b) => b.articleId,
    (b) =>
      passageOf(l, { articleId: b.articleId, target: b.target, date: b.date, attributionId: b.id }, b.id),
  );
  speakerIndexes.set(d, index);
  return index;
}

/** The by-entity index, built once per dataset: each same-name relation's ends as passages, keyed by its id. */
export function buildElsewhereIndex(d: Dataset): PassageIndex {
  const cached = elsewhereIndexes.get(d);
  if (cached) return cached;
  const l = lookupsOf(d);
  const keys: [string, CrossrefEnd[]][] = d.crossrefs
    .filter((x) => x.kind === "same-entity" && x.entity)
    .map((x) => [x.id, x.ends]);
  const index = passageIndex(
    keys,
    (e) => e.articleId,
    (e) => passageOf(l, e),
  );
  elsewhereIndexes.set(d, index);
  return index;
}

export function buildArticleViews(d: Dataset, articleId: string): ArticleViews {
  const l = lookupsOf(d);
  const { articles, entities, attributionsById, attributionsOf, crossrefsOf, statementsOf } = l;
  const speakerIndex = buildSpeakerIndex(d);
  const elsewhereIndex = buildElsewhereIndex(d);
  const article = articles.get(articleId);
  if (!article) throw new Error(`unknown article ${articleId}`);

  // The highlight targets: every attribution, then every cross-reference end in this article (one per range).
  const targets: ArticlePayload["targets"] = [];
  const seen = new Set<string>();
  const add = (id: string, kind: HighlightKind, target: TextTarget) => {
    const key = `${kind}:${target.start}:${target.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ id, kind, target });
  };
  const attributions = attributionsOf.get(articleId) ?? [];
  for (const a of attributions) add(a.id, highlightKind(a), a.target);
  const crossrefs = crossrefsOf.get(articleId) ?? [];
  for (const x of crossrefs) {
    x.ends.forEach((e, i) => {
      if (e.articleId === articleId) add(`${x.id}#${i}`, "crossref", e.target);
    });
  }
  // Every other mention of an entity named in several articles opens the same entity card ("Gadhafi" anywhere).
  const mentionOf = new Map<string, Crossref>();
  for (const x of crossrefs) {
    const e = x.kind === "same-entity" && x.entity ? entities.get(x.entity) : undefined;
    for (const m of e?.mentions ?? []) {
      if (m.articleId !== articleId) continue;
      const id = `${x.id}@${m.start}`;
      const before = targets.length;
      add(id, "crossref", makeTarget(article.text, m.start, m.end));
      if (targets.length > before) mentionOf.set(id, x);
    }
  }

  /** The relation whose end a target `xNNN#i` is. */
  const ownRelation = (id: string): { x: Crossref; side: number } | undefined => {
    const m = /^(x\d+)#(\d+)$/.exec(id);
    const x = m ? crossrefs.find((c) => c.id === m[1]) : undefined;
    return x && m ? { x, side: Number(m[2]) } : undefined;
  };

  const passage = (end: PassageEnd, targetId?: string) => passageOf(l, end, targetId);
  const endId = (x: Crossref, i: number) => x.ends[i]?.attributionId ?? `${x.id}#${i}`;

  const speakerView = (a: Attribution): SpeakerView | null => {
    const e = a.speaker ? entities.get(a.speaker) : undefined;
    if (!e)
      return a.speakerText
        ? {
            name: a.speakerText,
            asWritten: a.speakerText,
            anonymous: a.anonymous,
            ...(a.role ? { role: a.role } : {}),
          }
        : null;
    return {
      name: displayName(e.name, e.anonymous),
      asWritten: a.speakerText,
      anonymous: a.anonymous,
      kind: e.kind,
      ...(a.role ? { role: a.role } : {}),
      ...(e.description ? { description: e.description } : {}),
      ...(e.external ? { external: e.external } : {}),
    };
  };

  /** The end of `x` that is this passage, when it is one. */
  const sideOf = (x: Crossref, here: TextTarget) =>
    x.ends.findIndex((e) => e.articleId === articleId && overlaps(e.target, here));
  /** How a relation reads from one end's side; the neutral summary where it reads the same from both. */
  const statementFrom = (x: Crossref, side: number) =>
    x.wording ? (side === 1 ? x.wording.second : x.wording.first) : x.summary;

  const linkView = (x: Crossref, here: TextTarget): LinkView => {
    const mine = sideOf(x, here);
    const others = x.ends
      .map((e, i) => [e, i] as const)
      .filter(([e, i]) => i !== mine && !(e.articleId === articleId && overlaps(e.target, here)))
      .slice(0, MAX_OTHER_PASSAGES);
    const isEnd = (s: { articleId: string; start: number; end: number }) =>
      x.ends.some((e) => e.articleId === s.articleId && e.target.start === s.start && e.target.end === s.end);
    const shown = others.map(([e, i]) => passage(e, endId(x, i)));
    return {
      kind: x.kind,
      id: x.id,
      statement: statementFrom(x, mine),
      // The words that say so, unless a passage shown beside them already quotes them.
      evidence: x.evidence
        .filter((s) => !isEnd(s) && !shown.some((p) => p.text.includes(s.exact)))
        .map((s) => s.exact),
      others: shown,
    };
  };

  const cards: Record<string, StoredCardView> = {};
  for (const t of targets) {
    const attribution = attributionsById.get(t.id);
    const here = t.target;
    const related = crossrefs.filter(
      (x) =>
        x.kind !== "same-speaker" &&
        x.ends.some((e) => e.articleId === articleId && overlaps(e.target, here)),
    );
    const card: StoredCardView = {
      targetId: t.id,
      kind: t.kind,
      passage: passage({ articleId, target: here, date: attribution?.date }),
      sameSpeaker: [],
      links: [],
    };
    if (attribution) {
      const via = attribution.via ? entities.get(attribution.via)?.name : undefined;
      card.attribution = {
        type: attribution.kind,
        speaker: speakerView(attribution),
        ...(via ? { via } : {}),
        ...(attribution.cue ? { cue: attribution.cue } : {}),
        ...(attribution.date ? { date: dateOf(article, attribution.date).label } : {}),
      };
      // The same speaker's statements in the other articles: where they are in the by-speaker index, when there are
      // any (the background fills them in when the card is asked for).
      const speaker = attribution.speaker;
      const n = speaker ? statementsOf.get(speaker) : undefined;
      const shard = speaker ? speakerIndex.shardOf.get(speaker) : undefined;
      if (speaker && n && shard !== undefined && n.all > (n.byArticle.get(articleId) ?? 0)) {
        const ref: PassagesRef = { key: speaker, shard };
        card.sameSpeakerOf = ref;
      }
    }
    // An entity card only for a name mention itself, not for a passage that merely contains one.
    const entityRef =
      mentionOf.get(t.id) ??
      related.find(
        (x) =>
          x.kind === "same-entity" &&
          x.entity &&
          x.ends.some(
            (e) => e.articleId === articleId && e.target.start === here.start && e.target.end === here.end,
          ),
      );
    const entity = entityRef?.entity ? entities.get(entityRef.entity) : undefined;
    if (entity && !attribution) {
      card.entity = {
        name: entity.name,
        kind: entity.kind,
        aliases: entity.aliases.filter((a) => a !== entity.name),
        ...(entity.description ? { description: entity.description } : {}),
        ...(entity.external ? { external: entity.external } : {}),
        // Where else it is named: from the by-entity index, when the card is asked for.
        elsewhere: [],
      };
      const ref = entityRef as Crossref;
      const shard = elsewhereIndex.shardOf.get(ref.id);
      if (shard !== undefined && ref.ends.some((e) => e.articleId !== articleId))
        card.elsewhereOf = { key: ref.id, shard };
    }
    // A passage highlighted as a cross-reference's end is titled by that relation, read from its side.
    const own = ownRelation(t.id);
    if (own) card.title = `${RELATION_LABEL[own.x.kind]}: ${statementFrom(own.x, own.side)}`;
    card.links = (mentionOf.has(t.id) ? [] : related)
      .filter(
        (x) =>
          x !== entityRef &&
          (x.kind !== "same-entity" ||
            x.ends.some(
              (e) => e.articleId === articleId && e.target.start === here.start && e.target.end === here.end,
            )),
      )
      .sort((a, b) => Number(b === own?.x) - Number(a === own?.x) || LINK_ORDER[a.kind] - LINK_ORDER[b.kind])
      .map((x) => linkView(x, here))
      .reduce<LinkView[]>(mergeSameStatement, []);
    cards[t.id] = card;
  }

  const secondHand = attributions.filter((a) => a.via);
  const outlets = new Map<string, number>();
  for (const a of secondHand) {
    const name = entities.get(a.via as string)?.name ?? "unknown";
    outlets.set(name, (outlets.get(name) ?? 0) + 1);
  }
  const summary: SummaryView = {
    attributions: attributions.length,
    named: attributions.filter((a) => !a.anonymous).length,
    anonymous: attributions.filter((a) => a.anonymous).length,
    direct: attributions.filter((a) => a.kind === "direct").length,
    indirect: attributions.filter((a) => a.kind === "indirect").length,
    secondHand: secondHand.length,
    byOutlet: [...outlets.entries()]
      .map(([outlet, count]) => ({ outlet, count }))
      .sort((a, b) => b.count - a.count),
    crossrefs: crossrefs.length,
  };

  const entries: SidebarEntry[] = targets
    .filter((t) => !mentionOf.has(t.id))
    .map((t) => {
      const card = cards[t.id] as StoredCardView;
      const a = card.attribution;
      const title = a
        ? `${a.speaker?.name ?? "Unknown speaker"} — ${a.type === "direct" ? "quotation" : "reported statement"}${a.via ? `, via ${a.via}` : ""}`
        : (card.title ?? card.entity?.name ?? "Cross-reference");
      const excerpt = article.text.slice(t.target.start, t.target.end).replace(/\s+/g, " ");
      return {
        targetId: t.id,
        kind: t.kind,
        start: t.target.start,
        title,
        excerpt: excerpt.length > 160 ? `${excerpt.slice(0, 157)}…` : excerpt,
      };
    })
    .sort((a, b) => a.start - b.start);

  const timeline: TimelineEntry[] = (d.timelines ?? []).flatMap((tl) =>
    tl.entries.map((e) => {
      const targetId = targetIdFor(e.end, targets, articleId);
      const p = passage(e.end, targetId);
      return {
        date: e.date,
        dateLabel: p.dateLabel,
        label: e.label,
        speaker: p.speaker ?? "",
        passage: p,
        here: e.end.articleId === articleId,
      };
    }),
  );
  timeline.sort((a, b) => a.date.localeCompare(b.date));

  return {
    payload: {
      article: {
        id: article.id,
        publisher: article.publisher,
        ...(article.headline ? { headline: article.headline } : {}),
        ...(article.published ? { published: article.published } : {}),
        ...(article.referenceDate ? { referenceDate: article.referenceDate.date } : {}),
      },
      // Each quote and its context already in the form anchoring compares (case-insensitive): the content script
      // does not normalise them again on every page load.
      targets: targets.map((t) => ({ ...t, prepared: prepareQuote(t.target, true) })),
      counts: { attributions: attributions.length, crossrefs: crossrefs.length },
    },
    cards,
    sidebar: {
      article: {
        id: article.id,
        publisher: article.publisher,
        ...(article.headline ? { headline: article.headline } : {}),
        dateLabel: dateOf(article, undefined).label,
        ...(article.referenceDate && !article.published ? { dateBasis: article.referenceDate.basis } : {}),
      },
      summary,
      entries,
      timeline,
    },
  };
}

/** The highlight in this article that covers a passage, if the passage is here. */
function targetIdFor(
  end: CrossrefEnd,
  targets: ArticlePayload["targets"],
  articleId: string,
): string | undefined {
  if (end.articleId !== articleId) return end.attributionId;
  return (
    targets.find((t) => t.target.start <= end.target.start && t.target.end >= end.target.end)?.id ??
    targets.find((t) => overlaps(t.target, end.target))?.id
  );
}
