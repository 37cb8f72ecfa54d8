// Pages the benchmarks generate around the fixtures: an article inside ~500 KB (or 5 MB) of comments, and long
// articles the dataset does not hold (analysed on the reader's device). Shared by bench/run.ts,
// bench/longtasks.ts and test/e2e/analysis-bench.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type FixtureRoute, PAGES_DIR, readFixture } from "../test/e2e/fixture-server";

/** A seeded pseudo-random generator (a linear congruential one is plenty for filler text). */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

/** The article's page inside `chars` (~500 KB by default) of text: a long comment thread and related-story boxes
 *  around it, at the article's address with `?comments=all` (or `?comments=<tag>`). */
export function bigPage(r: FixtureRoute, chars = 520_000, tag = "all"): FixtureRoute & { html: string } {
  const html = readFixture(r.file);
  const words =
    "the council said on Monday that rebels in the east would hold talks with officials while the fighting went on near the coast and residents fled".split(
      " ",
    );
  const rand = lcg(7);
  const para = (n: number) =>
    Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(" ");
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const part =
      i % 10 === 0
        ? `<aside class="related"><h3>Related</h3><ul><li>${para(8)}</li><li>${para(8)}</li></ul></aside>`
        : `<div class="comment"><b>reader${i}</b><p>${para(60)}</p></div>`;
    parts.push(part);
    length += part.length;
  }
  return {
    ...r,
    url: `${r.url}${r.url.includes("?") ? "&" : "?"}comments=${tag}`,
    html: html.replace("</body>", `<section id="comments">${parts.join("")}</section></body>`),
  };
}

/** A story of about `words` words that the dataset does not hold, in the house style of the analysis fixtures. */
export function longArticle(words: number): string {
  const base = readFileSync(path.join(PAGES_DIR, "analysis", "harbour-strike.html"), "utf8");
  const paras =
    [...base.matchAll(/<article>([\s\S]*)<\/article>/g)][0]?.[1]?.match(/<p>[\s\S]*?<\/p>/g) ?? [];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = (paras[i % paras.length] as string).replace("</p>", ` (Part ${i + 1}.)</p>`);
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return base.replace(
    /<article>[\s\S]*<\/article>/,
    `<article><h1>Long story</h1>\n${out.join("\n")}</article>`,
  );
}

/** The three known articles' own pages (the A/Bs' pages). */
export const knownArticlePages = (routes: FixtureRoute[]): FixtureRoute[] =>
  routes.filter((r) => r.kind === "article" && r.variant === "canonical");

/** Pages of a matched site that are not a known article (issue 19's non-article cost): a section page, whose
 *  address rules it out, and the day's index at an address where an article of the month could be, whose text is
 *  compared with the month's articles (it is no article, so it is not analysed either). */
export function nonArticlePages(routes: FixtureRoute[]): (readonly [string, FixtureRoute])[] {
  const find = (variant: string) =>
    routes.find((r) => r.variant === variant && r.url.includes("nytimes")) as FixtureRoute;
  return [
    ["section page", find("section")],
    ["day's index, text compared", find("index")],
  ];
}
