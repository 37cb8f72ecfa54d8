// The dataset's JSON Schema and the invariants a schema cannot say (selectors resolve, ids exist, no duplicates).
import Ajv from "ajv";
import type { Dataset, TextTarget } from "../model/dataset";
import { checkEvidence } from "./evidence";

const target = {
  type: "object",
  required: ["exact", "prefix", "suffix", "start", "end"],
  properties: {
    exact: { type: "string", minLength: 1 },
    prefix: { type: "string" },
    suffix: { type: "string" },
    start: { type: "integer", minimum: 0 },
    end: { type: "integer", minimum: 1 },
  },
  additionalProperties: false,
};
const origin = { enum: ["automatic", "curated"] };
const evidenceSpan = {
  type: "object",
  required: ["articleId", "start", "end", "exact"],
  properties: {
    articleId: { type: "string" },
    start: { type: "integer", minimum: 0 },
    end: { type: "integer", minimum: 1 },
    exact: { type: "string", minLength: 1 },
  },
  additionalProperties: false,
};
const spans = { type: "array", items: evidenceSpan };
const external = {
  type: "object",
  required: ["text", "source"],
  properties: { text: { type: "string", minLength: 1 }, source: { type: "string", minLength: 1 } },
  additionalProperties: false,
};
const date = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };

/** Shapes used in several places, named once in docs/dataset.md (scripts/dataset-doc.ts). */
export const NAMED_SHAPES = { target, span: evidenceSpan };

export const datasetSchema = {
  $id: "https://source-annotator.invalid/dataset.schema.json",
  type: "object",
  required: ["version", "articles", "entities", "attributions", "crossrefs"],
  additionalProperties: false,
  properties: {
    version: { const: 2 },
    articles: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "publisher", "urls", "urlPatterns", "text", "removed"],
        properties: {
          id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          publisher: { type: "string" },
          headline: { type: "string" },
          published: date,
          referenceDate: {
            type: "object",
            required: ["date", "basis"],
            properties: { date, basis: { type: "string" } },
          },
          byline: { type: "string" },
          dateline: { type: "string" },
          summary: { type: "string" },
          urls: { type: "array", items: { type: "string", pattern: "^https?://" } },
          urlPatterns: { type: "array", items: { type: "string" } },
          textCheckPatterns: { type: "array", items: { type: "string" } },
          text: { type: "string", minLength: 1 },
          removed: { type: "array", items: { type: "object", required: ["kind", "text", "rawStart"] } },
        },
      },
    },
    entities: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "kind", "name", "aliases", "mentions", "origin", "evidence"],
        properties: {
          id: { type: "string" },
          kind: { enum: ["person", "organization", "place", "outlet", "group"] },
          name: { type: "string", minLength: 1 },
          aliases: { type: "array", items: { type: "string" } },
          description: { type: "string" },
          anonymous: { type: "boolean" },
          mentions: {
            type: "array",
            items: {
              type: "object",
              required: ["articleId", "start", "end"],
              properties: {
                articleId: { type: "string" },
                start: { type: "integer" },
                end: { type: "integer" },
              },
            },
          },
          origin,
          evidence: {
            type: "object",
            properties: { description: spans, anonymous: spans },
            additionalProperties: false,
          },
          external,
          why: { type: "string" },
        },
      },
    },
    attributions: {
      type: "array",
      items: {
        type: "object",
        required: [
          "id",
          "articleId",
          "target",
          "kind",
          "speaker",
          "speakerText",
          "anonymous",
          "via",
          "origin",
          "confidence",
          "evidence",
        ],
        properties: {
          id: { type: "string" },
          articleId: { type: "string" },
          target,
          kind: { enum: ["direct", "indirect"] },
          speaker: { type: ["string", "null"] },
          speakerText: { type: "string" },
          role: { type: "string" },
          anonymous: { type: "boolean" },
          via: { type: ["string", "null"] },
          cue: { type: "string" },
          date,
          continues: { type: "string" },
          origin,
          confidence: { type: "number", minimum: 0, maximum: 1 },
          evidence: {
            type: "object",
            properties: { cue: evidenceSpan, source: evidenceSpan, role: spans, date: spans, speaker: spans },
            additionalProperties: false,
          },
          why: { type: "string" },
        },
      },
    },
    timelines: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "label", "entries"],
        properties: {
          id: { type: "string" },
          label: { type: "string" },
          entries: {
            type: "array",
            items: {
              type: "object",
              required: ["date", "label", "end", "evidence"],
              properties: {
                date,
                label: { type: "string" },
                evidence: spans,
                end: {
                  type: "object",
                  required: ["articleId", "target"],
                  properties: { articleId: { type: "string" }, target },
                },
              },
            },
          },
        },
      },
    },
    crossrefs: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "kind", "ends", "summary", "origin", "evidence"],
        properties: {
          id: { type: "string" },
          kind: { enum: ["same-entity", "same-speaker", "related", "contradicts", "updates"] },
          ends: {
            type: "array",
            minItems: 2,
            items: {
              type: "object",
              required: ["articleId", "target"],
              properties: { articleId: { type: "string" }, target, attributionId: { type: "string" }, date },
            },
          },
          summary: { type: "string", minLength: 1 },
          wording: {
            type: "object",
            required: ["first", "second"],
            properties: { first: { type: "string" }, second: { type: "string" } },
            additionalProperties: false,
          },
          evidence: spans,
          claim: { type: "string" },
          dates: { type: "array", items: date },
          entity: { type: "string" },
          topic: { type: "string" },
          origin,
          why: { type: "string" },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
const validateSchema = ajv.compile(datasetSchema);

/** Every problem with a dataset: schema errors, then broken invariants. Empty when valid. */
export function validateDataset(d: Dataset): string[] {
  const errors: string[] = [];
  if (!validateSchema(d)) {
    for (const e of validateSchema.errors ?? []) errors.push(`schema: ${e.instancePath || "/"} ${e.message}`);
    return errors;
  }
  const articles = new Map(d.articles.map((a) => [a.id, a]));
  const entities = new Set(d.entities.map((e) => e.id));
  const attributions = new Set(d.attributions.map((a) => a.id));
  const dup = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) errors.push(`duplicate ${what} id ${id}`);
      seen.add(id);
    }
  };
  dup(
    "article",
    d.articles.map((a) => a.id),
  );
  dup(
    "entity",
    d.entities.map((e) => e.id),
  );
  dup(
    "attribution",
    d.attributions.map((a) => a.id),
  );
  dup(
    "crossref",
    d.crossrefs.map((x) => x.id),
  );
  const checkTarget = (where: string, articleId: string, t: TextTarget) => {
    const art = articles.get(articleId);
    if (!art) return errors.push(`${where}: unknown article ${articleId}`);
    if (art.text.slice(t.start, t.end) !== t.exact)
      errors.push(`${where}: text.slice(${t.start}, ${t.end}) is not its exact`);
    if (!art.text.slice(0, t.start).endsWith(t.prefix))
      errors.push(`${where}: prefix does not precede the target`);
    if (!art.text.slice(t.end).startsWith(t.suffix))
      errors.push(`${where}: suffix does not follow the target`);
  };
  for (const e of d.entities) {
    for (const m of e.mentions) {
      const art = articles.get(m.articleId);
      if (!art || m.end > art.text.length || m.start >= m.end)
        errors.push(`entity ${e.id}: mention out of range`);
    }
  }
  const seenTargets = new Set<string>();
  for (const a of d.attributions) {
    checkTarget(`attribution ${a.id}`, a.articleId, a.target);
    if (a.speaker !== null && !entities.has(a.speaker))
      errors.push(`attribution ${a.id}: unknown speaker ${a.speaker}`);
    if (a.via !== null && !entities.has(a.via)) errors.push(`attribution ${a.id}: unknown via ${a.via}`);
    if (a.continues && !attributions.has(a.continues))
      errors.push(`attribution ${a.id}: continues unknown ${a.continues}`);
    const key = `${a.articleId}:${a.target.start}:${a.target.end}`;
    if (seenTargets.has(key)) errors.push(`attribution ${a.id}: same target as another attribution`);
    seenTargets.add(key);
  }
  for (const x of d.crossrefs) {
    x.ends.forEach((end, i) => {
      checkTarget(`crossref ${x.id} end ${i}`, end.articleId, end.target);
      if (end.attributionId && !attributions.has(end.attributionId))
        errors.push(`crossref ${x.id}: unknown attribution ${end.attributionId}`);
    });
    if (x.entity && !entities.has(x.entity)) errors.push(`crossref ${x.id}: unknown entity ${x.entity}`);
  }
  for (const t of d.timelines ?? []) {
    for (const [i, e] of t.entries.entries())
      checkTarget(`timeline ${t.id} entry ${i}`, e.end.articleId, e.end.target);
  }
  // What a card says must rest on the texts: a dataset whose claims lack their evidence does not build.
  errors.push(...checkEvidence(d));
  return errors;
}
