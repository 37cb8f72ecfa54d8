// Curation: hand-checked facts the text alone cannot settle, each with its evidence, merged over the
// automatic output. Every entry that changes an automatic value, or matches nothing, is reported.
import type { EntityStore } from "./build";
import { makeTarget } from "./text";
import type { Attribution, CrossrefKind, Dataset, Entity, EntityKind } from "./types";

export interface CurationEntity {
  /** Name or alias of the automatic entity this entry is about (absent: a new entity). */
  match?: string;
  /** Other entities (by name or alias) that are the same one. */
  merge?: string[];
  name?: string;
  kind?: EntityKind;
  description?: string;
  aliases?: string[];
  anonymous?: boolean;
  evidence: string;
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
  evidence: string;
}

export interface CurationEnd {
  articleId: string;
  quote: string;
  date?: string;
}

export interface CurationCrossref {
  kind: CrossrefKind;
  ends: CurationEnd[];
  summary: string;
  topic?: string;
  evidence: string;
}

export interface CurationTopic {
  id: string;
  label: string;
  /** Phrases (case-insensitive) whose sentences belong to the topic. */
  terms: string[];
}

export interface CurationTimeline {
  id: string;
  label: string;
  entries: { date: string; label: string; end: CurationEnd }[];
  evidence: string;
}

export interface Curation {
  timelines?: CurationTimeline[];
  entities?: CurationEntity[];
  attributions?: CurationAttribution[];
  crossrefs?: CurationCrossref[];
  topics?: CurationTopic[];
}

export function findEntity(entities: Entity[], nameOrAlias: string): Entity | undefined {
  const k = nameOrAlias.toLowerCase();
  return (
    entities.find((e) => e.name.toLowerCase() === k) ??
    entities.find((e) => e.aliases.some((a) => a.toLowerCase() === k))
  );
}

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
  store: EntityStore,
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
      for (const a of [o.name, ...o.aliases])
        if (a !== target.name && !target.aliases.includes(a)) target.aliases.push(a);
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
    if (c.description) target.description = c.description;
    if (c.anonymous !== undefined) target.anonymous = c.anonymous;
    for (const alias of c.aliases ?? []) {
      if (!target.aliases.includes(alias) && alias !== target.name) target.aliases.push(alias);
      // A curated alias is looked for in every article, so its mentions count too.
      for (const art of dataset.articles) {
        for (const at of occurrences(art.text, alias, /^\p{Lu}/u.test(alias))) {
          if (!target.mentions.some((m) => m.articleId === art.id && at >= m.start && at < m.end)) {
            target.mentions.push({ articleId: art.id, start: at, end: at + alias.length });
          }
        }
      }
    }
    if (target.origin === "automatic" && (c.name || c.kind || c.description)) target.origin = "curated";
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
      };
      dataset.attributions.push(a);
      const order = (x: Attribution) => dataset.articles.findIndex((ar) => ar.id === x.articleId);
      dataset.attributions.sort((x, y) => order(x) - order(y) || x.target.start - y.target.start);
    }
    const attr = a;
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
    if (c.role) attr.role = c.role;
    if (c.cue) attr.cue = c.cue;
    if (c.date) attr.date = c.date;
    if (c.speakerText) attr.speakerText = c.speakerText;
    attr.origin = "curated";
    attr.evidence = c.evidence;
    applied++;
  }
  return { applied, conflicts };
}
