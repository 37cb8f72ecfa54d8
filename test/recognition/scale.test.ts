import { beforeAll, describe, expect, it } from "vitest";
import type { RecognitionIndex } from "../../src/model/recognition";
import {
  buildRecognitionIndex,
  pageSample,
  recognise,
  recogniseText,
  scoreSample,
} from "../../src/recognition/index";
import {
  edited,
  inChrome,
  prng,
  RELATED,
  realArticles,
  relatedText,
  syntheticArticle,
  vocabulary,
} from "./fixtures";

const N = 10_000;
const vocab = vocabulary();
const real = realArticles();

function synthetic(i: number): string {
  const rand = prng(1000 + i);
  return syntheticArticle(rand, vocab, 300 + Math.floor(rand() * 600));
}

/** A page of exactly `size` characters: chrome, the article, and comments cut to length. */
function pageOf(article: string, seed: number, size = 50_000): string {
  const page = inChrome(article, prng(seed), vocab, { commentsFactor: 100 });
  expect(page.length).toBeGreaterThan(size);
  return page.slice(0, size);
}

describe(`an index of ${N} articles`, () => {
  let index: RecognitionIndex;
  beforeAll(() => {
    const articles = [
      ...real,
      ...Array.from({ length: N - real.length }, (_, i) => ({
        id: `synthetic-${i}`,
        urls: [`https://news.example.com/${2000 + (i % 20)}/story-${i}`],
        urlPatterns: [`*://*.example.org/archive/story-${i}/*`],
        text: synthetic(i),
      })),
    ];
    let start = performance.now();
    const built = buildRecognitionIndex(articles);
    const buildMs = performance.now() - start;
    const json = JSON.stringify(built);
    start = performance.now();
    index = JSON.parse(json);
    const parseMs = performance.now() - start;
    const urlPart = JSON.stringify(built.url).length;
    console.log(
      `${N} articles: built in ${buildMs.toFixed(0)} ms; JSON ${(json.length / 1e6).toFixed(1)} MB ` +
        `(URL rules ${(urlPart / 1e6).toFixed(1)} MB), parsed in ${parseMs.toFixed(0)} ms; ` +
        `${built.text.keys.length} sampled postings, ${(built.text.keys.length / N).toFixed(0)} per article, pageMod ${built.text.pageMod}`,
    );
  }, 120_000);

  it("recognises a synthetic article, edited, in chrome, by its text", () => {
    for (const i of [0, 1234, 5000, N - real.length - 1]) {
      const rand = prng(i);
      const page = inChrome(edited(synthetic(i), rand, vocab, 25), rand, vocab);
      const r = recogniseText(page, index);
      expect(r.articleId).toBe(`synthetic-${i}`);
      expect(r.score).toBeGreaterThan(0.6);
    }
  });

  it("recognises the real articles among them", () => {
    for (const a of real) {
      expect(recogniseText(inChrome(a.page, prng(2), vocab), index).articleId).toBe(a.id);
    }
  });

  it("recognises by URL and by archived URL pattern", () => {
    const never = () => {
      throw new Error("text read on a URL match");
    };
    expect(
      recognise({ url: "http://m.news.example.com/2007/story-7/?utm_source=x", text: never }, index),
    ).toEqual({
      articleId: "synthetic-7",
      matchedBy: "url",
      score: 1,
    });
    expect(
      recognise(
        {
          url: "https://web.archive.org/web/2012id_/http://www.example.org/archive/story-42/print",
          text: never,
        },
        index,
      ).articleId,
    ).toBe("synthetic-42");
    expect(
      recognise({ url: "https://news.example.com/2007/story-70", text: () => "" }, index).articleId,
    ).toBeNull();
  });

  it("rejects unknown articles (same generator) and related coverage", () => {
    let worst = 0;
    for (let i = 0; i < 20; i++) {
      const r = recogniseText(pageOf(synthetic(N + i), 100 + i), index);
      expect(r.articleId).toBeNull();
      worst = Math.max(worst, r.score);
    }
    for (const name of Object.keys(RELATED)) {
      const r = recogniseText(inChrome(relatedText(name), prng(5), vocab), index);
      expect(r.articleId).toBeNull();
      worst = Math.max(worst, r.score);
    }
    console.log(`best score of a page with no known article: ${worst.toFixed(3)}`);
    expect(worst).toBeLessThan(0.25);
  });

  it("splits into a page side that needs only the index's parameters, and an index side", () => {
    const page = pageOf(synthetic(77), 11);
    const { shingleSize, pageMod } = index.text;
    const sample = pageSample(page, JSON.parse(JSON.stringify({ shingleSize, pageMod })));
    console.log(`page sample of a 50 KB page: ${sample.length} hashes`);
    expect(scoreSample(sample, index)).toEqual(recogniseText(page, index));
    expect(scoreSample(sample, index).articleId).toBe("synthetic-77");
  });

  it("times one recognition of a 50 KB page (logged, not asserted)", () => {
    const known = pageOf(synthetic(4321), 7);
    const unknown = pageOf(synthetic(N + 99), 8);
    const time = (page: string) => {
      for (let i = 0; i < 10; i++) recogniseText(page, index);
      const runs: number[] = [];
      for (let i = 0; i < 50; i++) {
        const start = performance.now();
        recognise({ url: "https://unknown.example.net/page", text: () => page }, index);
        runs.push(performance.now() - start);
      }
      runs.sort((a, b) => a - b);
      return `median ${runs[25]?.toFixed(2)} ms, max ${runs[49]?.toFixed(2)} ms`;
    };
    expect(recogniseText(known, index).articleId).toBe("synthetic-4321");
    console.log(`50 KB page, known article: ${time(known)}; no known article: ${time(unknown)}`);
  });
});
