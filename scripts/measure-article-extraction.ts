// Readability vs Defuddle on article pages (issue 18; docs/decisions/0008-any-article.md): text recall of the
// story, junk included, and time, both on linkedom as the background runs them. Usage:
//   node --import tsx scripts/measure-article-extraction.ts
import { readFileSync } from "node:fs";
import { Readability } from "@mozilla/readability";
import DefuddleModule from "defuddle";
import { parseHTML } from "linkedom";
import { paragraphsOf } from "../src/analysis/page";

const PAGES = "test/fixtures/pages";
const flat = (s: string) => s.replace(/\s+/g, " ").replace(/[“”]/g, '"').replace(/[‘’]/g, "'").trim();
const dataset = JSON.parse(readFileSync("build/dataset.json", "utf8")) as {
  articles: { id: string; text: string }[];
};
const datasetGold = (id: string) =>
  (dataset.articles.find((a) => a.id === id)?.text ?? "").split("\n\n").map(flat).filter(Boolean);
const selectorGold = (html: string, selector: string) => {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll(selector)].map((p) => flat(p.textContent ?? "")).filter(Boolean);
};

interface Case {
  name: string;
  file: string;
  gold: (html: string) => string[];
}
const cases: Case[] = [
  { name: "nyt (dataset)", file: "nyt/article.html", gold: () => datasetGold("nyt-libya-2011-07") },
  { name: "csm (dataset)", file: "csm/article.html", gold: () => datasetGold("csm-libya-2011-04-01") },
  { name: "wt p3 (dataset)", file: "wt/article-page3.html", gold: () => datasetGold("wt-libya-2011-04") },
  {
    name: "harbour (modern)",
    file: "analysis/harbour-strike.html",
    gold: (h) => selectorGold(h, "article > p:not(.byline)"),
  },
  {
    name: "desert (tables)",
    file: "analysis/libya-transition.html",
    gold: (h) => selectorGold(h, "#story p"),
  },
  {
    name: "ledger (itemprop)",
    file: "analysis/qaddafi-sons.html",
    gold: (h) => selectorGold(h, "[itemprop=articleBody] p"),
  },
  {
    name: "nyt 2024 (css-in-js)",
    file: "analysis/nyt-2024.html",
    gold: (h) => selectorGold(h, "section[name=articleBody] p"),
  },
];

function readability(html: string): string[] {
  const { document } = parseHTML(html);
  const r = new Readability(document as unknown as Document, { charThreshold: 300 }).parse();
  if (!r?.content) return [];
  const { document: c } = parseHTML(`<html><body>${r.content}</body></html>`);
  return paragraphsOf(c.body as unknown as Element).map(flat);
}
function defuddle(html: string, url: string): string[] {
  const { document } = parseHTML(html);
  const D = (DefuddleModule as unknown as { default?: typeof DefuddleModule }).default ?? DefuddleModule;
  const r = new D(document as unknown as Document, { url }).parse();
  if (!r?.content) return [];
  const { document: c } = parseHTML(`<html><body>${r.content}</body></html>`);
  return paragraphsOf(c.body as unknown as Element).map(flat);
}

/** Recall: the share of the story's characters found (by paragraph) in the output; junk: the share of the
 *  output's characters that are in no paragraph of the story. */
function score(gold: string[], got: string[]) {
  const all = got.join(" ");
  const goldAll = gold.join(" ");
  const found = gold.filter((g) => all.includes(g.slice(0, 120))).reduce((n, g) => n + g.length, 0);
  const total = gold.reduce((n, g) => n + g.length, 0);
  const junk = got.filter((p) => !goldAll.includes(p.slice(0, 120))).reduce((n, p) => n + p.length, 0);
  return { recall: total ? found / total : 0, junk: all.length ? junk / all.length : 0 };
}

function time(fn: () => unknown, runs = 7): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** A long article: the harbour story's paragraphs repeated (with varied numbers) to about `words` words. */
function longPage(words: number): { html: string; gold: string[] } {
  const base = readFileSync(`${PAGES}/analysis/harbour-strike.html`, "utf8");
  const paras = selectorGold(base, "article > p:not(.byline)");
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = `${paras[i % paras.length]} (Part ${i + 1}.)`;
    out.push(p);
    n += p.split(" ").length;
  }
  const html = base.replace(
    /<article>[\s\S]*<\/article>/,
    `<article><h1>Long</h1>${out.map((p) => `<p>${p}</p>`).join("\n")}</article>`,
  );
  return { html, gold: out.map(flat) };
}

const rows: string[] = [
  "| page | Readability recall | junk | ms | Defuddle recall | junk | ms |",
  "|---|---|---|---|---|---|---|",
];
const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const sum = { r: 0, rj: 0, d: 0, dj: 0 };
const all = [
  ...cases.map((c) => {
    const html = readFileSync(`${PAGES}/${c.file}`, "utf8");
    return { name: c.name, html, gold: c.gold(html) };
  }),
  { name: "2,000 words", ...longPage(2000) },
  { name: "6,000 words", ...longPage(6000) },
];
for (const c of all) {
  const url = "https://example.example/story";
  const r = score(c.gold, readability(c.html));
  const d = score(c.gold, defuddle(c.html, url));
  sum.r += r.recall;
  sum.rj += r.junk;
  sum.d += d.recall;
  sum.dj += d.junk;
  const rt = time(() => readability(c.html));
  const dt = time(() => defuddle(c.html, url));
  rows.push(
    `| ${c.name} | ${pct(r.recall)} | ${pct(r.junk)} | ${rt.toFixed(1)} | ${pct(d.recall)} | ${pct(d.junk)} | ${dt.toFixed(1)} |`,
  );
}
rows.push(
  `| mean | ${pct(sum.r / all.length)} | ${pct(sum.rj / all.length)} | | ${pct(sum.d / all.length)} | ${pct(sum.dj / all.length)} | |`,
);
console.log(rows.join("\n"));
