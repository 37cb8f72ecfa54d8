// Per-article views built from the dataset at build time: what the content script paints (the payload),
// what each highlight's card says, and what the sidebar lists. The extension loads one article's files on
// demand, so the runtime never holds the whole dataset.
import { prepareQuote } from "../anchoring/text";
import type { ArticlePayload, HighlightKind } from "../messages";
import { withTextFragment } from "../shared/fragment";
import type {
  CardView,
  LinkView,
  PassageView,
  SidebarEntry,
  SidebarView,
  SpeakerView,
  SummaryView,
  TimelineEntry,
} from "../views";
import { makeTarget, paragraphs, sentences } from "./text";
import type { Article, Attribution, Crossref, CrossrefEnd, Dataset, TextTarget } from "./types";

export interface ArticleViews {
  payload: ArticlePayload;
  cards: Record<string, CardView>;
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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2011-04-01" → "Apr 1 2011". */
export function dateLabel(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])} ${m[1]}` : "date unknown";
}

const articleDate = (a: Article) => a.published ?? a.referenceDate?.date;
const articleDateLabel = (a: Article) =>
  a.published
    ? dateLabel(a.published)
    : a.referenceDate
      ? `about ${dateLabel(a.referenceDate.date)}`
      : "date unknown";

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

export function highlightKind(a: Attribution): HighlightKind {
  return a.via ? "secondhand" : a.anonymous ? "anonymous" : "named";
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export function buildArticleViews(d: Dataset, articleId: string): ArticleViews {
  const article = d.articles.find((a) => a.id === articleId);
  if (!article) throw new Error(`unknown article ${articleId}`);
  const articles = new Map(d.articles.map((a) => [a.id, a]));
  const entities = new Map(d.entities.map((e) => [e.id, e]));
  const attributionsById = new Map(d.attributions.map((a) => [a.id, a]));

  // The highlight targets: every attribution, then every cross-reference end in this article (one per range).
  const targets: ArticlePayload["targets"] = [];
  const seen = new Set<string>();
  const add = (id: string, kind: HighlightKind, target: TextTarget) => {
    const key = `${kind}:${target.start}:${target.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ id, kind, target });
  };
  const attributions = d.attributions.filter((a) => a.articleId === articleId);
  for (const a of attributions) add(a.id, highlightKind(a), a.target);
  const crossrefs = d.crossrefs.filter((x) => x.ends.some((e) => e.articleId === articleId));
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

  const passage = (
    end: { articleId: string; target: TextTarget; date?: string },
    targetId?: string,
  ): PassageView => {
    const art = articles.get(end.articleId) as Article;
    const span = context(art.text, end.target);
    const text = art.text.slice(span.start, span.end).trim();
    const date = end.date ?? articleDate(art);
    const href = fragmentLink(art, text);
    return {
      articleId: art.id,
      publisher: art.publisher,
      dateLabel: end.date ? dateLabel(end.date) : articleDateLabel(art),
      ...(date ? { date } : {}),
      text,
      ...(href ? { href } : {}),
      ...(targetId ? { targetId } : {}),
    };
  };
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
      name: e.anonymous ? e.name.charAt(0).toUpperCase() + e.name.slice(1) : e.name,
      asWritten: a.speakerText,
      anonymous: a.anonymous,
      kind: e.kind,
      ...(a.role ? { role: a.role } : {}),
      ...(e.description ? { description: e.description } : {}),
    };
  };

  const linkView = (x: Crossref, here: TextTarget): LinkView => {
    const mine = x.ends.findIndex((e) => e.articleId === articleId && overlaps(e.target, here));
    const others = x.ends
      .map((e, i) => [e, i] as const)
      .filter(([e, i]) => i !== mine && !(e.articleId === articleId && overlaps(e.target, here)));
    let statement: string | undefined;
    if (x.kind === "contradicts" || x.kind === "updates") {
      const verb = x.kind === "contradicts" ? ["contradicted", "contradicts"] : ["revised", "revises"];
      const other = mine === 0 ? x.ends[x.ends.length - 1] : x.ends[0];
      const when = dateLabel(other?.date ?? articleDate(articles.get(other?.articleId ?? "") as Article));
      statement =
        mine === 0
          ? `On ${when} a later statement ${verb[0]} this.`
          : `This ${verb[1]} what was said on ${when}.`;
    }
    return {
      kind: x.kind,
      summary: x.summary,
      ...(statement ? { statement } : {}),
      others: others.map(([e, i]) => passage(e, endId(x, i))),
    };
  };

  const cards: Record<string, CardView> = {};
  for (const t of targets) {
    const attribution = attributionsById.get(t.id);
    const here = t.target;
    const related = crossrefs.filter(
      (x) =>
        x.kind !== "same-speaker" &&
        x.ends.some((e) => e.articleId === articleId && overlaps(e.target, here)),
    );
    const card: CardView = {
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
        ...(attribution.date ? { date: dateLabel(attribution.date) } : {}),
      };
      card.sameSpeaker = d.attributions
        .filter(
          (b) => b.speaker && b.speaker === attribution.speaker && b.articleId !== articleId && !b.continues,
        )
        .map((b) => passage({ articleId: b.articleId, target: b.target, date: b.date }, b.id));
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
        elsewhere: (entityRef as Crossref).ends
          .filter((e) => e.articleId !== articleId)
          .map((e) => passage(e)),
      };
    }
    card.links = (mentionOf.has(t.id) ? [] : related)
      .filter(
        (x) =>
          x !== entityRef &&
          (x.kind !== "same-entity" ||
            x.ends.some(
              (e) => e.articleId === articleId && e.target.start === here.start && e.target.end === here.end,
            )),
      )
      .sort((a, b) => LINK_ORDER[a.kind] - LINK_ORDER[b.kind])
      .map((x) => linkView(x, here));
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
      const card = cards[t.id] as CardView;
      const a = card.attribution;
      const title = a
        ? `${a.speaker?.name ?? "Unknown speaker"} — ${a.type === "direct" ? "quotation" : "reported statement"}${a.via ? `, via ${a.via}` : ""}`
        : (card.entity?.name ?? card.links[0]?.summary ?? "Cross-reference");
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
      return {
        date: e.date,
        dateLabel: dateLabel(e.date),
        label: e.label,
        passage: passage(e.end, targetId),
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
        dateLabel: articleDateLabel(article),
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
