// Build time (build.mjs): what the background needs to link an analysed page to the dataset — each named entity
// with its spellings and a few of its passages in the known articles (with links into them). data/entities.json.

import type { Article, Dataset } from "../model/dataset";
import type { KnownEntityData, KnownStatement } from "../model/known";
import type { PassageView } from "../model/views";
import { dateOf, fragmentLink } from "./article-views";

const PER_ENTITY = 6;

/** Every attribution of the dataset as a passage (data/statements.json). */
export function knownStatements(d: Dataset): KnownStatement[] {
  const articles = new Map(d.articles.map((a) => [a.id, a]));
  const names = new Map(d.entities.map((e) => [e.id, e.name]));
  return d.attributions.flatMap((a) => {
    const art = articles.get(a.articleId);
    if (!art) return [];
    const speaker = a.speaker ? names.get(a.speaker) : undefined;
    return [{ ...passageIn(art, a.target.exact), ...(speaker ? { speaker } : {}), targetId: a.id }];
  });
}

/** The sentence around a span of an article's text. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf(". ", start) + 2, text.lastIndexOf("\n", start) + 1, 0);
  const stops = [text.indexOf(". ", end), text.indexOf("\n", end)].filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) + 1 : text.length;
  return text.slice(from, to).trim();
}

/** A passage of a known article as a card lists it: where, when, the words and a link that opens on them. */
function passageIn(art: Article, text: string): PassageView {
  const href = fragmentLink(art, text);
  const date = dateOf(art);
  return {
    articleId: art.id,
    publisher: art.publisher,
    dateLabel: date.label,
    ...(date.iso ? { date: date.iso } : {}),
    text,
    ...(href ? { href } : {}),
  };
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
        passages.push({ ...passageIn(art, a.target.exact), speaker: e.name, targetId: a.id });
      }
      const seen = new Set(passages.map((p) => p.articleId));
      for (const m of e.mentions) {
        if (passages.length >= PER_ENTITY || seen.has(m.articleId)) continue;
        const art = articles.get(m.articleId);
        if (!art) continue;
        seen.add(art.id);
        passages.push(passageIn(art, sentenceAround(art.text, m.start, m.end)));
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
