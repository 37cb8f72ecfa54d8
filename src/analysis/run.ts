// The background's side of an analysis: the page's HTML in, the article found (page.ts), the attribution library
// run on it (src/extract), its speakers linked to the dataset's entities (link.ts), and out the same payload,
// cards and sidebar the known articles have, so the content script's article part paints them unchanged.
import { prepareQuote } from "../anchoring/prepare-quote";
import { extract } from "../extract/index";
import type { EntityKind } from "../model/dataset";
import type { KnownEntityData, KnownStatement } from "../model/known";
import type { ArticlePayload, HighlightKind } from "../model/protocol";
import type { SidebarEntry, SidebarView, SpeakerView } from "../model/views";
import { type Correction, pageAddress, passageKey } from "./corrections";
import { EntityLinker } from "./link";
import { articleOf } from "./page";
import { contentWords, sameStatements, weights } from "./same";
import {
  type AnalysedAttribution,
  type AnalysedViews,
  type AnalyseReply,
  type Analysis,
  analysedId,
  type PageMeta,
} from "./types";

const CONTEXT = 32;
/** Longer than any news article (a 6,000-word story is about 36,000 characters): a dump, not a story. */
const MAX_TEXT = 200_000;

/** Where an analysed page's cue is named for the reader: "found on this device · cue “told Reuters”". */
export function foundNote(cue: string | null, confidence: number): string {
  return `Found on this device${cue ? ` · cue “${cue}”` : ""} · confidence ${confidence.toFixed(1)}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const dateLabel = (iso?: string) => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])} ${m[1]}` : "date unknown";
};

export function analyseHtml(
  html: string,
  url: string,
  known: KnownEntityData[],
  corrections: Record<string, Correction> = {},
  statements: KnownStatement[] = [],
): { reply: AnalyseReply; views?: AnalysedViews } {
  const knownWords = statements.map((statement) => ({ statement, words: contentWords(statement.text) }));
  const knownWeights = weights(knownWords);
  const t0 = performance.now();
  const page = articleOf(html, url);
  const t1 = performance.now();
  if (!page) return { reply: { ok: false, reason: "no article text found on this page" } };
  const { text, meta } = page;
  if (text.length > MAX_TEXT)
    return { reply: { ok: false, reason: `article text over ${MAX_TEXT} characters: not analysed` } };
  let host = "";
  try {
    host = new URL(url).hostname.replace(/^www\./, "");
  } catch {}
  const publisher = meta.publisher ?? host;
  const referenceDate = meta.published?.slice(0, 10);
  const ex = extract(text, { publisher, ...(referenceDate ? { referenceDate } : {}) });
  const t2 = performance.now();
  const articleId = analysedId(url);
  const entities = new Map(ex.entities.map((e) => [e.id, e]));
  const people = ex.entities.filter((e) => e.kind === "person" && !e.anonymous).map((e) => e.name);
  const linker = new EntityLinker(known);
  const knownById = new Map(known.map((k) => [k.id, k]));
  const linkOf = new Map<string, KnownEntityData>();
  const linked = new Set<string>();
  for (const e of ex.entities) {
    if (e.anonymous) continue;
    const hit = linker.link(
      e.name,
      e.kind,
      people.filter((p) => p !== e.name),
    );
    const data = hit && knownById.get(hit.id);
    if (data) linkOf.set(e.id, data);
    if (data) linked.add(data.id);
  }
  const target = (start: number, end: number) => ({
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  });
  const passageBase = {
    articleId,
    publisher,
    dateLabel: dateLabel(meta.published),
    ...(referenceDate ? { date: referenceDate } : {}),
  };
  const targets: ArticlePayload["targets"] = [];
  const cards: AnalysedViews["cards"] = {};
  const entries: SidebarEntry[] = [];
  const attributions: AnalysedAttribution[] = [];
  ex.attributions.forEach((found, i) => {
    let a = found;
    if (!a.content.exact.trim()) return;
    const corrected = corrections[passageKey(a.content.exact)];
    if (corrected?.hide) return;
    const id = `${articleId}/a${String(i + 1).padStart(2, "0")}`;
    const via = a.via ? (entities.get(a.via)?.name ?? null) : null;
    // The reader named the speaker: theirs, linked like any name (a named person is not anonymous).
    const typed = corrected?.speaker;
    const typedLink = typed ? linker.link(typed, "unknown", people) : null;
    const speakerEntity = typed
      ? { name: typed, kind: "person" as EntityKind }
      : a.speaker
        ? entities.get(a.speaker)
        : undefined;
    if (typed) a = { ...a, anonymous: false, speakerUnclear: false, source: null };
    const kind: AnalysedAttribution["kind"] = a.via ? "secondhand" : a.anonymous ? "anonymous" : "named";
    const link = typed
      ? typedLink
        ? knownById.get(typedLink.id)
        : undefined
      : a.speaker
        ? linkOf.get(a.speaker)
        : undefined;
    if (link) linked.add(link.id);
    const cue = a.cue?.exact ?? null;
    attributions.push({
      exact: a.content.exact,
      start: a.content.start,
      end: a.content.end,
      kind,
      speaker: speakerEntity?.name ?? null,
      speakerText: a.source?.exact ?? null,
      anonymous: a.anonymous,
      via,
      cue,
      confidence: a.confidence,
      ...(link ? { linked: link.id } : {}),
      ...(typed ? { corrected: true } : {}),
    });
    targets.push({ id, kind, target: target(a.content.start, a.content.end) });
    const speaker: SpeakerView | null = speakerEntity
      ? {
          name: link?.name ?? speakerEntity.name,
          asWritten: a.source?.exact ?? speakerEntity.name,
          ...(a.role ? { role: a.role.exact } : {}),
          anonymous: a.anonymous,
          kind: speakerEntity.kind,
          ...(link?.description ? { description: link.description } : {}),
        }
      : null;
    const same = sameStatements(a.content.exact, knownWords, knownWeights).slice(0, 3);
    cards[id] = {
      targetId: id,
      kind,
      passage: { ...passageBase, text: a.content.exact, targetId: id },
      attribution: {
        type: a.kind,
        speaker,
        ...(via ? { via } : {}),
        ...(cue ? { cue } : {}),
        ...(a.date ? { date: a.date } : {}),
      },
      sameSpeaker:
        link?.passages.filter((p) => p.speaker && !same.some((o) => o.targetId === p.targetId)) ?? [],
      links: same.map((other) => ({
        kind: "related" as const,
        id: "same-words",
        statement: "Says the same, in nearly the same words, as a passage of a known article",
        evidence: [],
        others: [other],
      })),
      found: typed
        ? `Speaker corrected by you · found on this device${cue ? ` · cue “${cue}”` : ""}`
        : foundNote(cue, a.confidence),
    };
    const who = speaker?.name ?? "speaker unclear";
    entries.push({
      targetId: id,
      kind,
      start: a.content.start,
      title: `${who} — ${a.kind === "direct" ? "quotation" : "reported"}${cue ? ` (“${cue}”)` : ""} · found on this device`,
      excerpt: a.content.exact.length > 160 ? `${a.content.exact.slice(0, 157)}…` : a.content.exact,
      exact: a.content.exact,
    } as SidebarEntry);
  });
  // Each linked entity's first mention outside the statements: its entity card, with its passages in the known
  // articles.
  const inside = (s: number, e: number) => attributions.some((a) => s < a.end && e > a.start);
  let n = 0;
  for (const e of ex.entities) {
    const data = linkOf.get(e.id);
    if (!data) continue;
    const m = e.mentions.find((x) => !inside(x.start, x.end));
    if (!m) continue;
    linked.add(data.id);
    const id = `${articleId}/e${String(++n).padStart(2, "0")}`;
    targets.push({ id, kind: "crossref" as HighlightKind, target: target(m.start, m.end) });
    cards[id] = {
      targetId: id,
      kind: "crossref",
      passage: { ...passageBase, text: text.slice(m.start, m.end), targetId: id },
      entity: {
        name: data.name,
        kind: data.kind as EntityKind,
        aliases: data.aliases,
        ...(data.description ? { description: data.description } : {}),
        elsewhere: data.passages,
      },
      sameSpeaker: [],
      links: [],
      found: `Found on this device · written “${text.slice(m.start, m.end)}” here`,
    };
    entries.push({
      targetId: id,
      kind: "crossref",
      start: m.start,
      title: `${data.name} — in the known articles (${data.passages.length})`,
      excerpt: text.slice(m.start, m.end),
    });
  }
  const named = attributions.filter((a) => !a.anonymous).length;
  const outlets = new Map<string, number>();
  for (const a of attributions) if (a.via) outlets.set(a.via, (outlets.get(a.via) ?? 0) + 1);
  // Normalised here, off the page's main thread, as the build does for the known articles.
  for (const t of targets) t.prepared = prepareQuote(t.target, true);
  const payload: ArticlePayload = {
    article: {
      id: articleId,
      publisher,
      ...(meta.headline ? { headline: meta.headline } : {}),
      ...(referenceDate ? { published: referenceDate } : {}),
    },
    targets,
    counts: { attributions: attributions.length, crossrefs: n },
  };
  const sidebar: SidebarView = {
    article: {
      id: articleId,
      publisher,
      ...(meta.headline ? { headline: meta.headline } : {}),
      dateLabel: dateLabel(meta.published),
      url: pageAddress(url),
    },
    summary: {
      attributions: attributions.length,
      named,
      anonymous: attributions.length - named,
      direct: ex.attributions.filter((a) => a.kind === "direct").length,
      indirect: ex.attributions.filter((a) => a.kind === "indirect").length,
      secondHand: outlets.size ? [...outlets.values()].reduce((x, y) => x + y, 0) : 0,
      byOutlet: [...outlets].map(([outlet, count]) => ({ outlet, count })).sort((x, y) => y.count - x.count),
      crossrefs: n,
    },
    entries: entries.sort((x, y) => x.start - y.start),
    timeline: [],
  };
  const analysis: Analysis = { attributions, entitiesLinked: [...linked].sort() };
  return {
    reply: {
      ok: true,
      payload,
      analysis,
      meta: meta satisfies PageMeta,
      ms: { parse: t1 - t0, extract: t2 - t1 },
    },
    views: { cards, sidebar },
  };
}
