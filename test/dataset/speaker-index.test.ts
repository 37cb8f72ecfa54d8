// "What else this speaker said" by lookup (docs/decisions/0012-scale.md): the cards keep a reference into the
// by-speaker index, and the card the background fills in from it lists what the views listed before — the
// speaker's statements in the other articles, not the continuations of a quotation, the first MAX_OTHER_PASSAGES —
// on the three articles and on a generated dataset where one speaker fills several shards' worth of statements.
import { beforeAll, describe, expect, it } from "vitest";
import { buildArticleViews, buildElsewhereIndex, buildSpeakerIndex } from "../../src/dataset/article-views";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import type { Article, Attribution, Dataset } from "../../src/model/dataset";
import { DATASET_VERSION } from "../../src/model/dataset";
import { MAX_OTHER_PASSAGES, otherPassages, withPassages } from "../../src/model/views";

/** The rule the views followed when they carried the passages themselves: the ids a card lists. */
function expected(d: Dataset, a: Attribution): string[] {
  return d.attributions
    .filter((b) => a.speaker && b.speaker === a.speaker && b.articleId !== a.articleId && !b.continues)
    .slice(0, MAX_OTHER_PASSAGES)
    .map((b) => b.id);
}

/** Every card of the dataset as the background answers it, by article and target id. */
function answered(d: Dataset) {
  const speakers = buildSpeakerIndex(d);
  const elsewhere = buildElsewhereIndex(d);
  const out = new Map<string, ReturnType<typeof withPassages>>();
  for (const art of d.articles) {
    const { cards } = buildArticleViews(d, art.id);
    for (const [id, card] of Object.entries(cards)) {
      expect(card.sameSpeaker, "the views no longer carry the passages").toEqual([]);
      expect(card.entity?.elsewhere ?? [], "nor where else a name is").toEqual([]);
      const view = withPassages(
        card,
        {
          sameSpeaker: card.sameSpeakerOf ? (speakers.shards[card.sameSpeakerOf.shard] ?? null) : null,
          elsewhere: card.elsewhereOf ? (elsewhere.shards[card.elsewhereOf.shard] ?? null) : null,
        },
        art.id,
      );
      expect(view).not.toHaveProperty("sameSpeakerOf");
      expect(view).not.toHaveProperty("elsewhereOf");
      out.set(`${art.id} ${id}`, view);
    }
  }
  return out;
}

/** Every attribution's card as the background answers it: ids of its speaker's statements elsewhere. */
function listed(d: Dataset): Map<string, string[]> {
  const cards = answered(d);
  const out = new Map<string, string[]>();
  for (const a of d.attributions) {
    const view = cards.get(`${a.articleId} ${a.id}`);
    if (view)
      out.set(
        a.id,
        view.sameSpeaker.map((p) => p.targetId ?? ""),
      );
  }
  return out;
}

describe("the three articles", () => {
  let d: Dataset;
  beforeAll(() => {
    d = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;
  });

  it("every card lists the same statements of its speaker as before, in the same order", () => {
    const got = listed(d);
    let some = 0;
    for (const a of d.attributions) {
      if (!got.has(a.id)) continue;
      expect(got.get(a.id), a.id).toEqual(expected(d, a));
      if (expected(d, a).length) some++;
    }
    // Mustafa Abdul-Jalil is quoted in two of them.
    expect(some).toBeGreaterThan(0);
  });

  it("an entity card lists the first mention of the name in each other article, as before", () => {
    const cards = answered(d);
    let some = 0;
    for (const [key, view] of cards) {
      if (!view.entity) continue;
      const articleId = key.split(" ")[0] as string;
      // The same-name relation of the entity: one end per article, its first mention by name.
      const x = d.crossrefs.find(
        (c) =>
          c.kind === "same-entity" &&
          c.entity &&
          view.entity?.name &&
          d.entities.find((e) => e.id === c.entity)?.name === view.entity.name,
      );
      expect(x, key).toBeDefined();
      const others = (x?.ends ?? []).filter((e) => e.articleId !== articleId).slice(0, MAX_OTHER_PASSAGES);
      expect(
        view.entity.elsewhere.map((p) => p.articleId),
        key,
      ).toEqual(others.map((e) => e.articleId));
      for (const [i, p] of view.entity.elsewhere.entries()) expect(p.text).toContain(others[i]?.target.exact);
      if (others.length) some++;
    }
    expect(some).toBeGreaterThan(0);
  });

  it("keeps the index in one shard, each speaker's passages once", () => {
    const { shards, shardOf } = buildSpeakerIndex(d);
    expect(shards).toHaveLength(1);
    for (const [speaker, k] of shardOf) {
      const ids = (shards[k]?.[speaker] ?? []).map((p) => p.targetId);
      expect(new Set(ids).size, speaker).toBe(ids.length);
    }
  });
});

/** A dataset of `articles` articles where speaker i says `perArticle(i, article)` sentences in each. */
function generated(
  articles: number,
  speakers: number,
  perArticle: (s: number, art: number) => number,
): Dataset {
  const arts: Article[] = [];
  const attributions: Attribution[] = [];
  for (let k = 0; k < articles; k++) {
    const id = `art-${k}`;
    let text = "";
    const spans: { s: number; start: number; end: number }[] = [];
    for (let s = 0; s < speakers; s++)
      for (let i = 0; i < perArticle(s, k); i++) {
        const sentence = `Speaker number ${s} said in article ${k} that statement ${i} was on the record and long enough to show.`;
        spans.push({ s, start: text.length, end: text.length + sentence.length });
        text += `${sentence}\n\n`;
      }
    arts.push({
      id,
      publisher: `Pub ${k % 3}`,
      published: "2020-01-02",
      urls: [`https://p${k}.example/a`],
      urlPatterns: [],
      text,
      removed: [],
    });
    spans.forEach((x, i) => {
      const prev = attributions.at(-1);
      attributions.push({
        id: `${id}/a${i + 1}`,
        articleId: id,
        target: { exact: text.slice(x.start, x.end), prefix: "", suffix: "", start: x.start, end: x.end },
        kind: "direct",
        speaker: `person:s${x.s}`,
        speakerText: `Speaker ${x.s}`,
        anonymous: false,
        via: null,
        origin: "automatic",
        confidence: 1,
        evidence: {},
        // Every fifth statement continues the one before it (same speaker, same article): never listed.
        ...(i % 5 === 4 && prev?.articleId === id && prev.speaker === `person:s${x.s}`
          ? { continues: prev.id }
          : {}),
      });
    });
  }
  return {
    version: DATASET_VERSION,
    articles: arts,
    entities: Array.from({ length: speakers }, (_, s) => ({
      id: `person:s${s}`,
      kind: "person" as const,
      name: `Speaker ${s}`,
      aliases: [],
      mentions: [],
      origin: "automatic" as const,
      evidence: {},
    })),
    attributions,
    crossrefs: [],
  };
}

describe("a generated dataset", () => {
  it("lists the first statements of the other articles, however many one article holds, across shards", () => {
    // Speaker 0 fills article 0 (40 statements) and says a few things elsewhere; the others are spread out.
    const d = generated(12, 40, (s, art) => (s === 0 ? (art === 0 ? 40 : 3) : (s + art) % 4));
    const { shards, shardOf } = buildSpeakerIndex(d);
    expect(shards.length).toBeGreaterThan(1);
    const got = listed(d);
    for (const a of d.attributions) expect(got.get(a.id), a.id).toEqual(expected(d, a));
    // The index keeps only what a card can show: for speaker 0, not all 73 statements.
    const s0 = shards[shardOf.get("person:s0") as number]?.["person:s0"] ?? [];
    expect(s0.length).toBeLessThan(73);
    expect(
      otherPassages(shards[shardOf.get("person:s0") as number] ?? {}, "person:s0", "art-0"),
    ).toHaveLength(MAX_OTHER_PASSAGES);
  });

  it("leaves out a speaker quoted in one article only, and a card with nothing to look up", () => {
    const d = generated(3, 2, (s, art) => (s === 0 ? (art === 0 ? 4 : 0) : 2));
    const { shardOf } = buildSpeakerIndex(d);
    expect(shardOf.has("person:s0")).toBe(false);
    expect(shardOf.has("person:s1")).toBe(true);
    const { cards } = buildArticleViews(d, "art-0");
    expect(cards["art-0/a1"]?.sameSpeakerOf).toBeUndefined();
  });
});
