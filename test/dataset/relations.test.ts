// @vitest-environment happy-dom
// The relation gold (test/gold/relations.json, written by reading the three texts): the dataset, every card as a
// reader sees it and every sidebar entry say "contradicts" or "revises" of exactly the pairs the gold lists, never
// of the pairs it forbids; each relation has two ends; a sidebar entry is titled by its own relation.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type ArticleViews, buildArticleViews } from "../../src/dataset/article-views";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import type { Crossref, Dataset } from "../../src/model/dataset";
import { RELATION_LABEL } from "../../src/model/views";

type Quote = [string, string];
const gold = JSON.parse(readFileSync("test/gold/relations.json", "utf8")) as {
  relations: { kind: "contradicts" | "updates"; a: Quote; b: Quote }[];
  never: { a: Quote; b: Quote }[];
};

let d: Dataset;
let views: Map<string, ArticleViews>;
beforeAll(() => {
  d = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;
  views = new Map(d.articles.map((a) => [a.id, buildArticleViews(d, a.id)]));
});

const TRUTH = new Set(["contradicts", "updates"]);
const textOf = (articleId: string) => d.articles.find((a) => a.id === articleId)?.text ?? "";
/** Does this passage (an end or a shown passage) contain the gold quote? */
const holds = (q: Quote, articleId: string, text: string) => q[0] === articleId && text.includes(q[1]);
const endHolds = (q: Quote, x: Crossref, i: number) =>
  holds(q, x.ends[i]?.articleId ?? "", x.ends[i]?.target.exact ?? "");
const goldFor = (x: Crossref) =>
  gold.relations.find((g) => g.kind === x.kind && endHolds(g.a, x, 0) && endHolds(g.b, x, 1));

describe("the relation gold", () => {
  it("quotes only text that is in the articles", () => {
    for (const g of [...gold.relations, ...gold.never])
      for (const q of [g.a, g.b]) expect(textOf(q[0]), q[1]).toContain(q[1]);
  });

  it("is what the dataset says contradicts or revises: every gold pair, and nothing else", () => {
    const truth = d.crossrefs.filter((x) => TRUTH.has(x.kind));
    for (const x of truth) expect(goldFor(x), `${x.id} “${x.summary}”`).toBeDefined();
    for (const g of gold.relations)
      expect(
        truth.some((x) => goldFor(x) === g),
        `${g.kind}: “${g.a[1]}” → “${g.b[1]}”`,
      ).toBe(true);
  });

  it("is never contradicted: no forbidden pair is called a contradiction or a revision", () => {
    for (const n of gold.never) {
      const bad = d.crossrefs.filter(
        (x) =>
          TRUTH.has(x.kind) &&
          ((endHolds(n.a, x, 0) && endHolds(n.b, x, 1)) || (endHolds(n.b, x, 0) && endHolds(n.a, x, 1))),
      );
      expect(
        bad.map((x) => x.id),
        `“${n.a[1]}” / “${n.b[1]}”`,
      ).toEqual([]);
    }
  });

  it("gives every relation two ends; only same-name and same-speaker groups have more", () => {
    for (const x of d.crossrefs)
      if (x.kind !== "same-entity" && x.kind !== "same-speaker") expect(x.ends, x.id).toHaveLength(2);
  });
});

describe("what a reader sees", () => {
  /** The pair (this passage, another) must be a gold relation of this kind, in either order. */
  const inGold = (
    kind: string,
    here: { articleId: string; text: string },
    other: { articleId: string; text: string },
  ) =>
    gold.relations.some(
      (g) =>
        g.kind === kind &&
        ((holds(g.a, here.articleId, here.text) && holds(g.b, other.articleId, other.text)) ||
          (holds(g.b, here.articleId, here.text) && holds(g.a, other.articleId, other.text))),
    );

  it("cards word a contradiction or a revision only between gold pairs (the card as rendered)", async () => {
    (globalThis as { chrome?: unknown }).chrome ??= { runtime: {} };
    const { renderCard } = await import("../../src/content/card");
    let sections = 0;
    for (const [articleId, v] of views) {
      for (const card of Object.values(v.cards)) {
        const here = { articleId, text: card.passage.text };
        for (const l of card.links.filter((x) => TRUTH.has(x.kind)))
          for (const o of l.others)
            expect(inGold(l.kind, here, o), `${card.targetId} → “${o.text}”`).toBe(true);
        // The rendered card: each "Contradiction"/"Revision" section quotes only its gold counterparts, and no
        // heading or statement elsewhere says "contradict" or "revise".
        const el = renderCard(card, { reveal: () => {}, addNote: () => {} }, () => {});
        let kind: string | null = null;
        for (const child of el.children) {
          if (child.tagName === "H3")
            kind =
              Object.entries(RELATION_LABEL).find(([, label]) => label === child.textContent)?.[0] ?? "other";
          if (kind && TRUTH.has(kind) && child.tagName === "BLOCKQUOTE") {
            sections++;
            const quoted = child.firstChild?.textContent ?? "";
            expect(inGold(kind, here, { articleId: quotedArticle(quoted), text: quoted }), quoted).toBe(true);
          }
          const says = child.tagName === "H2" || child.classList.contains("statement");
          if (says && /contradict|revis|misconstru/i.test(child.textContent ?? ""))
            expect(
              kind === null ? card.title?.match(/^(Contradiction|Revision)/) : TRUTH.has(kind),
            ).toBeTruthy();
        }
      }
    }
    // Each gold pair is shown from both sides at least (an attribution's card and its cross-reference's).
    expect(sections).toBeGreaterThanOrEqual(gold.relations.length * 2);
  });

  const quotedArticle = (text: string) => d.articles.find((a) => a.text.includes(text))?.id ?? "";

  it("titles each sidebar entry of a cross-reference by that entry's own relation, from its side", () => {
    let checked = 0;
    for (const [articleId, v] of views) {
      for (const e of v.sidebar.entries) {
        const m = /^(x\d+)#(\d+)$/.exec(e.targetId);
        if (!m) continue;
        const x = d.crossrefs.find((c) => c.id === m[1]) as Crossref;
        const side = Number(m[2]);
        const end = x.ends[side];
        expect(end?.articleId).toBe(articleId);
        const statement = x.wording ? (side === 1 ? x.wording.second : x.wording.first) : x.summary;
        expect(e.title).toBe(`${RELATION_LABEL[x.kind]}: ${statement}`);
        expect(end?.target.exact.replace(/\s+/g, " ").startsWith(e.excerpt.replace(/…$/, ""))).toBe(true);
        if (/contradict/i.test(e.title)) expect(x.kind).toBe("contradicts");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("says whose position each timeline entry is, and dates an estimated article date as “about”", () => {
    for (const v of views.values())
      for (const t of v.sidebar.timeline) {
        expect(t.speaker, t.label).not.toBe("");
        const art = d.articles.find((a) => a.id === t.passage.articleId);
        if (art && !art.published) expect(t.dateLabel, t.label).toMatch(/^about /);
      }
  });
});
