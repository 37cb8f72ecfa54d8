// Curation: hand-checked facts the text alone cannot settle, merged over the automatic output. Each entry says
// why (`why`) and points at the spans of the texts that support what it changes (`evidence`: quotes); knowledge
// from outside the articles goes only into `external`, shown labelled. Every entry that changes an automatic
// value, or matches nothing, is reported.
import type { EntityStore } from "../extract/entities";
import { makeTarget } from "../extract/text";
import type {
  Attribution,
  CrossrefKind,
  Dataset,
  Entity,
  EntityKind,
  EvidenceSpan,
  External,
} from "../model/dataset";
import { span } from "./evidence";

/** A passage of one article, by its words (the first occurrence, or the one nearest `near` when given). */
export interface CurationQuote {
  articleId: string;
  quote: string;
}

export interface CurationEntity {
  /** Name or alias of the automatic entity this entry is about (absent: a new entity). */
  match?: string;
  /** Other entities (by name or alias) that are the same one; their names become aliases, descriptions do not. */
  merge?: string[];
  name?: string;
  kind?: EntityKind;
  /** In the texts' own words: each word must be in `evidence`. */
  description?: string;
  /** Other spellings of the name (a misspelling in the text is an alias, never the canonical name). */
  aliases?: string[];
  /** Descriptive phrases that refer to it ("the rebel council"): mentions, not aliases. */
  mentions?: string[];
  anonymous?: boolean;
  evidence?: CurationQuote[];
  external?: External;
  why: string;
}

export interface CurationAttribution {
  articleId: string;
  /** A substring of the automatic attribution's `exact` (edit) or of the article text (add). */
  quote: string;
  add?: boolean;
  kind?: Attribution["kind"];
  speaker?: string;
  speakerText?: string;
  role?: string;
  anonymous?: boolean;
  via?: string | null;
  cue?: string;
  date?: string;
  /** What supports the speaker (and the role and date, when given). */
  evidence: CurationQuote[];
  why: string;
}

export interface CurationEnd extends CurationQuote {}

export interface CurationCrossref {
  kind: CrossrefKind;
  ends: CurationEnd[];
  summary: string;
  /** How it reads from the first end's side, and from the second's. */
  wording?: { first: string; second: string };
  /** For contradicts/updates: the words of the evidence that state the relation. */
  claim?: string;
  evidence: CurationQuote[];
  topic?: string;
  why: string;
}

export interface CurationTimeline {
  id: string;
  label: string;
  /** Each entry's date is its passage's (the statement's day, else its article's). */
  entries: { label: string; end: CurationEnd; evidence?: CurationQuote[] }[];
  why: string;
}

export interface Curation {
  timelines?: CurationTimeline[];
  entities?: CurationEntity[];
  attributions?: CurationAttribution[];
  crossrefs?: CurationCrossref[];
}

/** The spans of curated quotes; a quote not in its article is an error of the curation file. */
export function evidenceSpans(
  dataset: Dataset,
  quotes: CurationQuote[] | undefined,
  what: string,
): EvidenceSpan[] {
  return (quotes ?? []).map((q) => {
    const art = dataset.articles.find((a) => a.id === q.articleId);
    const at = art ? art.text.indexOf(q.quote) : -1;
    if (!art || at < 0 || !q.quote)
      throw new Error(`${what}: evidence “${q.quote}” is not in ${q.articleId}`);
    return span(art, at, at + q.quote.length);
  });
}

export function findEntity(entities: Entity[], nameOrAlias: string): Entity | undefined {
  const k = nameOrAlias.toLowerCase();
  return (
    entities.find((e) => e.name.toLowerCase() === k) ??
    entities.find((e) => e.aliases.some((a) => a.toLowerCase() === k))
  );
}

/** A proper name, not a description: "Mustafa Abdul-Jalil", "N.T.C.", not "An opposition leader" or "the council". */
const isName = (s: string) => /^\p{Lu}/u.test(s) && !/^(?:The|A|An)\s/.test(s);

/** Every occurrence of `needle` in `text` on word boundaries. */
function occurrences(text: string, needle: string, caseSensitive: boolean): number[] {
  const out: number[] = [];
  const hay = caseSensitive ? text : text.toLowerCase();
  const n = caseSensitive ? needle : needle.toLowerCase();
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) {
    const before = hay[i - 1] ?? " ";
    const after = hay[i + n.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push(i);
  }
  return out;
}

export function applyCuration(
  dataset: Dataset,
  curation: Curation,
  store: EntityStore<Entity>,
): { applied: number; conflicts: string[] } {
  const conflicts: string[] = [];
  let applied = 0;
  const note = (what: string, automatic: unknown, curated: unknown) => {
    if (automatic !== undefined && automatic !== null && automatic !== curated) {
      conflicts.push(`${what}: automatic ${JSON.stringify(automatic)}, curated ${JSON.stringify(curated)}`);
    }
  };

  for (const [i, c] of (curation.entities ?? []).entries()) {
    let e = c.match ? findEntity(dataset.entities, c.match) : undefined;
    if (c.match && !e) {
      conflicts.push(`curation entity #${i} (${c.match}) matches no entity`);
      continue;
    }
    if (!e) {
      const id = store.add(c.kind ?? "person", c.name ?? "unnamed", "curated");
      e = store.get(id) as Entity;
      dataset.entities = store.entities;
    }
    const target = e;
    const what = `curation entity #${i} (${c.match ?? c.name})`;
    for (const other of c.merge ?? []) {
      const o = findEntity(dataset.entities, other);
      if (!o) {
        conflicts.push(`curation entity #${i}: merge target "${other}" matches no entity`);
        continue;
      }
      if (o === target) continue;
      for (const m of o.mentions)
        if (!target.mentions.some((x) => x.articleId === m.articleId && x.start === m.start))
          target.mentions.push(m);
      // A name is an alias; a description ("an opposition leader") stays a mention of it only.
      for (const a of [o.name, ...o.aliases])
        if (isName(a) && a !== target.name && !target.aliases.includes(a)) target.aliases.push(a);
      for (const a of dataset.attributions) {
        if (a.speaker === o.id) {
          a.speaker = target.id;
          if (!target.anonymous) a.anonymous = false;
        }
        if (a.via === o.id) a.via = target.id;
      }
      dataset.entities.splice(dataset.entities.indexOf(o), 1);
    }
    if (c.name && c.name !== target.name) {
      if (!target.aliases.includes(target.name)) target.aliases.push(target.name);
      target.name = c.name;
      target.aliases = target.aliases.filter((a) => a !== c.name);
    }
    if (c.kind) {
      note(`entity ${target.id} kind`, target.kind, c.kind);
      target.kind = c.kind;
    }
    const spans = evidenceSpans(dataset, c.evidence, what);
    if (c.description) {
      target.description = c.description;
      target.evidence.description = spans;
    }
    if (c.anonymous !== undefined) {
      target.anonymous = c.anonymous;
      if (c.anonymous) target.evidence.anonymous = spans;
      for (const a of dataset.attributions) if (a.speaker === target.id) a.anonymous = c.anonymous;
    }
    if (c.external) target.external = c.external;
    if (c.why) target.why = c.why;
    for (const alias of c.aliases ?? []) {
      if (!target.aliases.includes(alias) && alias !== target.name) target.aliases.push(alias);
    }
    for (const alias of [...(c.aliases ?? []), ...(c.mentions ?? [])]) {
      // A curated alias is looked for in every article, so its mentions count too.
      for (const art of dataset.articles) {
        for (const at of occurrences(art.text, alias, /^\p{Lu}/u.test(alias))) {
          if (!target.mentions.some((m) => m.articleId === art.id && at >= m.start && at < m.end)) {
            target.mentions.push({ articleId: art.id, start: at, end: at + alias.length });
          }
        }
      }
    }
    if (target.origin === "automatic" && (c.name || c.kind || c.description || c.anonymous !== undefined))
      target.origin = "curated";
    applied++;
  }

  const entityId = (name: string | null | undefined, what: string): string | null | undefined => {
    if (name === undefined || name === null) return name;
    const e =
      findEntity(dataset.entities, name) ??
      (store.outlet(name) ? findEntity(store.entities, name) : undefined);
    if (!e) conflicts.push(`${what}: "${name}" matches no entity`);
    return e?.id;
  };

  for (const [i, c] of (curation.attributions ?? []).entries()) {
    const art = dataset.articles.find((a) => a.id === c.articleId);
    if (!art) {
      conflicts.push(`curation attribution #${i}: unknown article ${c.articleId}`);
      continue;
    }
    let a = c.add
      ? undefined
      : dataset.attributions.find((x) => x.articleId === c.articleId && x.target.exact.includes(c.quote));
    if (!c.add && !a) {
      conflicts.push(`curation attribution #${i}: no attribution in ${c.articleId} contains "${c.quote}"`);
      continue;
    }
    if (!a) {
      const start = art.text.indexOf(c.quote);
      if (start < 0) {
        conflicts.push(`curation attribution #${i}: "${c.quote}" is not in ${c.articleId}`);
        continue;
      }
      if (
        dataset.attributions.some(
          (x) => x.articleId === art.id && x.target.start <= start && x.target.end >= start + c.quote.length,
        )
      ) {
        conflicts.push(`curation attribution #${i}: "${c.quote}" is already attributed automatically`);
      }
      const n = dataset.attributions.filter((x) => x.articleId === art.id).length + 1;
      a = {
        id: `${art.id}/c${String(n).padStart(2, "0")}`,
        articleId: art.id,
        target: makeTarget(art.text, start, start + c.quote.length),
        kind: c.kind ?? "indirect",
        speaker: null,
        speakerText: c.speakerText ?? c.speaker ?? "",
        anonymous: false,
        via: null,
        origin: "curated",
        confidence: 1,
        evidence: {},
      };
      dataset.attributions.push(a);
      // The articles' order by a map: a search of the articles per comparison made this sort O(n log n × articles),
      // a minute at 10,000 articles.
      const position = new Map(dataset.articles.map((ar, k) => [ar.id, k]));
      const order = (x: Attribution) => position.get(x.articleId) ?? -1;
      dataset.attributions.sort((x, y) => order(x) - order(y) || x.target.start - y.target.start);
    }
    const attr = a;
    const spans = evidenceSpans(dataset, c.evidence, `curation attribution #${i}`);
    if (!spans.length) conflicts.push(`curation attribution #${i}: no evidence`);
    if (c.speaker !== undefined) {
      const id = entityId(c.speaker, `curation attribution #${i} speaker`);
      if (id !== undefined) {
        note(`attribution ${attr.id} speaker`, attr.origin === "automatic" ? attr.speaker : undefined, id);
        attr.speaker = id;
        attr.anonymous = c.anonymous ?? Boolean(dataset.entities.find((e) => e.id === id)?.anonymous);
      }
    } else if (c.anonymous !== undefined) attr.anonymous = c.anonymous;
    if (c.via !== undefined) {
      const id = entityId(c.via, `curation attribution #${i} via`);
      if (id !== undefined) {
        note(`attribution ${attr.id} via`, attr.origin === "automatic" ? attr.via : undefined, id);
        attr.via = id;
      }
    }
    if (c.speaker !== undefined) attr.evidence.speaker = spans;
    if (c.role) {
      attr.role = c.role;
      attr.evidence.role = spans;
    }
    if (c.cue) attr.cue = c.cue;
    if (c.date) {
      attr.date = c.date;
      attr.evidence.date = spans;
    }
    if (c.speakerText) attr.speakerText = c.speakerText;
    attr.origin = "curated";
    attr.confidence = 1;
    attr.why = c.why;
    applied++;
  }
  return { applied, conflicts };
}
