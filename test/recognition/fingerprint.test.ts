import { beforeAll, describe, expect, it } from "vitest";
import type { RecognitionIndex } from "../../src/model/recognition";
import { classifyOther, fastTables } from "../../src/recognition/char-classes";
import { fnv1a } from "../../src/recognition/fingerprint";
import {
  buildRecognitionIndex,
  containment,
  fingerprint,
  MAX_PAGE_CHARS,
  normaliseWords,
  pageSample,
  pageSampleSteps,
  recognise,
  recogniseText,
  shingleHashes,
  wordHashes,
  words,
} from "../../src/recognition/index";
import { edited, inChrome, prng, RELATED, realArticles, relatedText, vocabulary } from "./fixtures";

describe("normalisation", () => {
  it.each([
    ["Libya’s “rebels” — cease‑fire", ["libyas", "rebels", "cease", "fire"]],
    ['Libya\'s "rebels" - cease-fire', ["libyas", "rebels", "cease", "fire"]],
    ["Gila’a, Gila'a and Gila`a", ["gilaa", "gilaa", "and", "gilaa"]],
    ["Café NAÏVE ﬁnal", ["cafe", "naive", "final"]],
    ["spilled.Western officials", ["spilled", "western", "officials"]],
    ["spilledWestern officials", ["spilled", "western", "officials"]],
    ["$200 million, U.N. envoy", ["200", "million", "u", "n", "envoy"]],
    ["  \n\n ", []],
  ])("words(%j)", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it("normaliseWords: the words joined by single spaces", () => {
    expect(normaliseWords("‘Don’t’ — “said” the\u00a0U.S. envoy…\n\nCafé")).toBe(
      "dont said the u s envoy cafe",
    );
  });

  it("hashes the same shingles whatever the typography", () => {
    const a = shingleHashes("“There will be no going back at this point,” she said — today.");
    const b = shingleHashes('"THERE will be no going back at this point," she said - today');
    expect(a).toEqual(b);
    expect(a).toHaveLength(8); // 12 words
    expect(new Set(a).size).toBe(8);
    for (const h of a) expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });

  it("reads ASCII, combining marks and punctuation by its fast table exactly as by the general Unicode rule", () => {
    const { fast } = fastTables();
    expect(fast.size).toBe(128 + 32 - 9 + 112 + 112);
    for (const [c, k] of fast) expect(k, `U+${c.toString(16)}`).toEqual(classifyOther(c));
  });

  it("hashes words as it reads them exactly as hashing words() one by one would", () => {
    // murmur3's finaliser, as fingerprint.ts applies it to each word's FNV-1a hash.
    const mix = (x: number) => {
      let h = x;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    const texts = [
      ...realArticles().map((a) => a.text),
      "Libya’s “rebels” — cease‑fire; Café NAÏVE ﬁnal; spilledWestern; Gila`a; Ελλάδα ΣΟΦΙΑ; ½ ﬀ",
    ];
    for (const t of texts) expect(wordHashes(t)).toEqual(words(t).map((w) => mix(fnv1a(w))));
  });

  it("samples a long page in steps that each hash a few thousand characters, the same sample as at once", () => {
    const text = realArticles()
      .map((a) => a.text)
      .join("\n")
      .repeat(4);
    const params = { shingleSize: 5, pageMod: 4 };
    const steps = pageSampleSteps(text, params);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(text.length / 4096));
    expect(r.value).toEqual(pageSample(text, params));
  });

  it("does not let an article's shingles span paragraphs", () => {
    expect(fingerprint("one two three four five six\n\nseven eight nine ten eleven")).toHaveLength(3);
    expect(shingleHashes("one two three four five six\n\nseven eight nine ten eleven")).toHaveLength(7);
  });
});

describe("recognising the real articles by their text", () => {
  const articles = realArticles();
  const vocab = vocabulary();
  let index: RecognitionIndex;
  beforeAll(() => {
    index = JSON.parse(JSON.stringify(buildRecognitionIndex(articles)));
  });

  it("samples every article densely enough", () => {
    for (const [i, a] of articles.entries()) {
      const size = index.text.sizes[i] as number;
      console.log(
        `${a.id}: ${a.text.split(/\s+/).length} words, ${fingerprint(a.text).length} shingles, ${size} sampled`,
      );
      expect(size).toBeGreaterThanOrEqual(64);
    }
  });

  it.each(realArticles().map((a) => [a.id, a] as const))("%s in page chrome → recognised", (_, a) => {
    const page = inChrome(a.page, prng(1), vocab, { adsEvery: 2, commentsFactor: 5 });
    expect(page.length).toBeGreaterThan(5 * a.text.length);
    const r = recogniseText(page, index);
    console.log(
      `${a.id} in chrome: score ${r.score.toFixed(3)}, exact containment ${containment(a.text, page).toFixed(3)}`,
    );
    expect(r.articleId).toBe(a.id);
    expect(r.score).toBeGreaterThanOrEqual(0.95);
    expect(recognise({ url: "https://example.org/mirror", text: () => page }, index)).toEqual({
      articleId: a.id,
      matchedBy: "fingerprint",
      score: r.score,
    });
  });

  it.each(realArticles().map((a) => [a.id, a] as const))(
    "%s with words edited and paragraphs reordered → recognised",
    (_, a) => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const rand = prng(seed);
        const page = inChrome(edited(a.text, rand, vocab, 25), rand, vocab, { adsEvery: 1 });
        const r = recogniseText(page, index);
        const exact = containment(a.text, page);
        console.log(`${a.id} edited (seed ${seed}): score ${r.score.toFixed(3)}, exact ${exact.toFixed(3)}`);
        expect(r.articleId).toBe(a.id);
        expect(Math.abs(r.score - exact)).toBeLessThan(0.15);
      }
    },
  );

  it.each(Object.keys(RELATED))("related coverage: %s → not recognised", (name) => {
    const text = relatedText(name);
    const page = inChrome(text, prng(9), vocab);
    const r = recogniseText(page, index);
    const exact = Math.max(...articles.map((a) => containment(a.text, page)));
    console.log(
      `related "${name}": score ${r.score.toFixed(3)} (${r.best?.articleId ?? "-"}), exact max ${exact.toFixed(3)}`,
    );
    expect(r.articleId).toBeNull();
    expect(exact).toBeLessThan(0.15);
    expect(r.score).toBeLessThan(index.text.threshold / 2);
    expect(recognise({ url: "https://example.org/news", text: () => page }, index).matchedBy).toBeNull();
  });

  it("a verbatim quote is recognised as shared text, but far below the threshold", () => {
    const nyt = articles[1] as (typeof articles)[number];
    const exact = containment(nyt.text, relatedText("quotes one sentence of the NYT article"));
    expect(exact).toBeGreaterThan(0);
    expect(exact).toBeLessThan(index.text.threshold / 5);
  });

  it("a URL match never reads the page text", () => {
    const csm = articles[2] as (typeof articles)[number];
    let reads = 0;
    const r = recognise(
      {
        url: `https://web.archive.org/web/20110401000000id_/${csm.urls[0]}`,
        text: () => {
          reads++;
          return "";
        },
      },
      buildRecognitionIndex(articles),
    );
    expect(r).toEqual({ articleId: csm.id, matchedBy: "url", score: 1 });
    expect(reads).toBe(0);
  });

  it("an empty page, or a page of fewer than five words → nothing", () => {
    for (const text of ["", "   ", "Libya rebels Qaddafi"]) {
      expect(recogniseText(text, index)).toEqual({ articleId: null, score: 0 });
      expect(recognise({ url: "", text: () => text }, index)).toEqual({
        articleId: null,
        matchedBy: null,
        score: 0,
      });
    }
  });

  it("an empty index → nothing", () => {
    const empty = buildRecognitionIndex([]);
    expect(recogniseText((articles[0] as (typeof articles)[number]).page, empty)).toEqual({
      articleId: null,
      score: 0,
    });
  });

  it("a 5 MB page: bounded to the first MAX_PAGE_CHARS characters", () => {
    const csm = articles[2] as (typeof articles)[number];
    const filler = `${inChrome("", prng(3), vocab, { commentsFactor: 0 })}\n`;
    const comments = inChrome(relatedText("same events (April, ceasefire offer)"), prng(4), vocab, {
      commentsFactor: 50,
    });
    let rest = "";
    while (rest.length < 5_000_000) rest += comments;
    const early = `${filler}${csm.page}\n${rest}`;
    const late = `${filler}${rest.slice(0, MAX_PAGE_CHARS)}\n${csm.page}\n${rest}`;
    expect(early.length).toBeGreaterThan(5_000_000);

    let start = performance.now();
    const r = recogniseText(early, index);
    const ms = performance.now() - start;
    console.log(`5 MB page, article first: ${ms.toFixed(1)} ms, score ${r.score.toFixed(3)}`);
    expect(r.articleId).toBe(csm.id);

    start = performance.now();
    expect(recogniseText(late, index).articleId).toBeNull();
    console.log(`5 MB page, article past the cap: ${(performance.now() - start).toFixed(1)} ms`);
  });
});
