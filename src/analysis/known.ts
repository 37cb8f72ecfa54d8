// Build time (build.mjs): what the background needs to link an analysed page to the dataset — each named entity
// with its spellings and a few of its passages in the known articles (with links into them). data/entities.json.

import { dateOf, fragmentLink } from "../dataset/article-views";
import type { Dataset } from "../model/dataset";
import type { PassageView } from "../model/views";
import type { KnownEntity } from "./link";

export interface KnownEntityData extends KnownEntity {
  description?: string;
  /** Its statements in the known articles, else the sentences that mention it (a few per article). */
  passages: PassageView[];
}

const PER_ENTITY = 6;

/** A statement of a known article, to link an analysed page's statement that says the same. */
export interface KnownStatement extends PassageView {
  targetId: string;
}

/** Every attribution of the dataset as a passage (data/statements.json). */
export function knownStatements(d: Dataset): KnownStatement[] {
  const articles = new Map(d.articles.map((a) => [a.id, a]));
  const names = new Map(d.entities.map((e) => [e.id, e.name]));
  return d.attributions.flatMap((a) => {
    const art = articles.get(a.articleId);
    if (!art) return [];
    const href = fragmentLink(art, a.target.exact);
    const date = dateOf(art);
    const speaker = a.speaker ? names.get(a.speaker) : undefined;
    return [
      {
        articleId: art.id,
        publisher: art.publisher,
        dateLabel: date.label,
        ...(date.iso ? { date: date.iso } : {}),
        ...(speaker ? { speaker } : {}),
        text: a.target.exact,
        ...(href ? { href } : {}),
        targetId: a.id,
      },
    ];
  });
}

/** The sentence around a span of an article's text. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf(". ", start) + 2, text.lastIndexOf("\n", start) + 1, 0);
  const stops = [text.indexOf(". ", end), text.indexOf("\n", end)].filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) + 1 : text.length;
  return text.slice(from, to).trim();
}

export function knownEntities(d: Dataset): KnownEntityData[] {
  const articles = new Map(d.articles.map((a) => [a.id, a]));
  return d.entities
    .filter((e) => !e.anonymous && e.kind !== "group")
    .map((e) => {
      const passages: PassageView[] = [];
      for (const a of d.attributions) {
        if (a.speaker !== e.id || passages.length >= PER_ENTITY) continue;
        const art = articles.get(a.articleId);
        if (!art) continue;
        const href = fragmentLink(art, a.target.exact);
        const date = dateOf(art);
        passages.push({
          articleId: art.id,
          publisher: art.publisher,
          dateLabel: date.label,
          ...(date.iso ? { date: date.iso } : {}),
          speaker: e.name,
          text: a.target.exact,
          ...(href ? { href } : {}),
          targetId: a.id,
        });
      }
      const seen = new Set(passages.map((p) => p.articleId));
      for (const m of e.mentions) {
        if (passages.length >= PER_ENTITY || seen.has(m.articleId)) continue;
        const art = articles.get(m.articleId);
        if (!art) continue;
        seen.add(art.id);
        const text = sentenceAround(art.text, m.start, m.end);
        const href = fragmentLink(art, text);
        const date = dateOf(art);
        passages.push({
          articleId: art.id,
          publisher: art.publisher,
          dateLabel: date.label,
          ...(date.iso ? { date: date.iso } : {}),
          text,
          ...(href ? { href } : {}),
        });
      }
      return {
        id: e.id,
        kind: e.kind,
        name: e.name,
        aliases: e.aliases,
        ...(e.description ? { description: e.description } : {}),
        passages,
      };
    });
}
