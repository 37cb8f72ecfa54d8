// The content script's recogniser (probe strings, native string functions) against the background's (hashed
// shingles): the same decisions on the same pages, scores close to the exact containment.
import { describe, expect, it } from "vitest";
import { buildRecognitionIndex, containment, recogniseText, words } from "../../src/recognition/index";
import { articleProbes, pageProbeText, probeScore, probeText } from "../../src/recognition/probes";
import { edited, inChrome, prng, RELATED, realArticles, relatedText, vocabulary } from "./fixtures";

describe("probeText", () => {
  it.each([
    ["Libya’s “rebels” — cease‑fire", " libyas rebels cease fire "],
    ['Libya\'s "rebels" - cease-fire', " libyas rebels cease fire "],
    ["Café NAÏVE ﬁnal", " cafe naive final "],
    ["spilled.Western officials", " spilled western officials "],
    ["spilledWestern officials", " spilled western officials "],
    ["$200 million, U.N. envoy…", " 200 million u n envoy "],
    ["Ελλάδα ΣΟΦΙΑ × ½", " ελλαδα σοφια 1 2 "],
    ["  \n\n ", " "],
  ])("probeText(%j)", (text, expected) => {
    expect(probeText(text)).toBe(expected);
  });

  it("reads the real articles' words exactly as the background's recogniser does", () => {
    for (const a of realArticles()) expect(probeText(a.page).trim().split(" ")).toEqual(words(a.page));
  });
});

describe("probe recognition decides as the hashed index does", () => {
  const articles = realArticles();
  const vocab = vocabulary();
  const index = buildRecognitionIndex(articles);
  const probes = articles.map((a) => articleProbes(a.text));
  /** The best article by its probes: id and score, as the content script picks it. */
  const byProbes = (pageText: string) => {
    const page = pageProbeText(pageText);
    let best = { articleId: null as string | null, score: 0 };
    probes.forEach((p, i) => {
      const score = probeScore(page, p);
      if (score > best.score) best = { articleId: (articles[i] as (typeof articles)[number]).id, score };
    });
    return { ...best, articleId: best.score >= index.text.threshold ? best.articleId : null };
  };

  it("samples at least 64 distinct probes of every article", () => {
    probes.forEach((p, i) => {
      expect(p.length).toBeGreaterThanOrEqual(64);
      expect(new Set(p).size).toBe(p.length);
      console.log(`${articles[i]?.id}: ${p.length} probes, ${index.text.sizes[i]} hashes`);
    });
  });

  it.each(articles.map((a) => [a.id, a] as const))("%s in page chrome, and edited: recognised", (_, a) => {
    const page = inChrome(a.page, prng(1), vocab, { adsEvery: 2, commentsFactor: 5 });
    expect(byProbes(page)).toEqual({ articleId: a.id, score: expect.any(Number) });
    expect(byProbes(page).score).toBeGreaterThanOrEqual(0.95);
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = prng(seed);
      const changed = inChrome(edited(a.text, rand, vocab, 25), rand, vocab, { adsEvery: 1 });
      const r = byProbes(changed);
      const exact = containment(a.text, changed);
      expect(r.articleId).toBe(recogniseText(changed, index).articleId);
      expect(r.articleId).toBe(a.id);
      expect(Math.abs(r.score - exact)).toBeLessThan(0.15);
    }
  });

  it.each(Object.keys(RELATED))("related coverage: %s → not recognised", (name) => {
    const page = inChrome(relatedText(name), prng(9), vocab);
    const r = byProbes(page);
    expect(r.articleId).toBeNull();
    expect(recogniseText(page, index).articleId).toBeNull();
    expect(r.score).toBeLessThan(index.text.threshold / 2);
  });

  it("an empty page, or fewer than five words → nothing", () => {
    for (const text of ["", "   ", "Libya rebels Qaddafi"])
      expect(byProbes(text)).toEqual({ articleId: null, score: 0 });
    expect(probeScore(pageProbeText("anything at all here now"), [])).toBe(0);
  });
});
