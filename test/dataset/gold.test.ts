import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import type { Dataset } from "../../src/model/dataset";
import { entityNamed, formatScore, type Gold, scoreDirect, scoreIndirect } from "./score";

const gold = JSON.parse(readFileSync("test/gold/gold.json", "utf8")) as Gold & {
  crossrefs: { kind: string; a: [string, string]; b: [string, string] }[];
};
let d: Dataset;

beforeAll(() => {
  d = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;
});

describe("the three articles against the gold file", () => {
  it("finds every direct quotation and nothing else (precision 1, recall 1)", () => {
    const s = scoreDirect(d, gold, false);
    console.log(formatScore("direct quotes", s));
    expect(s.errors).toEqual([]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
  });

  it("names the right speaker, anonymity and outlet for every direct quotation (precision 1, recall 1)", () => {
    const s = scoreDirect(d, gold, true);
    console.log(formatScore("direct quotes with speakers", s));
    expect(s.errors).toEqual([]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
  });

  it("finds the reported statements with their speakers", () => {
    const s = scoreIndirect(d, gold);
    console.log(formatScore("reported statements", s));
    expect(s.errors).toEqual([]);
  });

  it("merges the same person's spellings and keeps different people apart", () => {
    for (const [id, g] of Object.entries(gold.articles)) {
      for (const [a, b] of g.samePerson ?? []) {
        const ea = entityNamed(d, a);
        expect(ea, `${id}: ${a}`).toBeDefined();
        expect(entityNamed(d, b)?.id, `${id}: ${a} = ${b}`).toBe(ea?.id);
      }
      for (const [a, b] of g.differentPeople ?? []) {
        const ea = entityNamed(d, a);
        const eb = entityNamed(d, b);
        expect(ea && eb, `${id}: ${a} / ${b} both known`).toBeTruthy();
        expect(ea?.id, `${id}: ${a} ≠ ${b}`).not.toBe(eb?.id);
      }
    }
  });

  it.each(gold.crossrefs.map((x) => [x.kind, x.a[1], x.b[1], x] as const))(
    "links %s: “%s” ↔ “%s”",
    (_k, _a, _b, x) => {
      const pos = ([articleId, quote]: [string, string]) => {
        const at = d.articles.find((a) => a.id === articleId)?.text.indexOf(quote) ?? -1;
        expect(at, `${quote} in ${articleId}`).toBeGreaterThanOrEqual(0);
        return { articleId, start: at, end: at + quote.length };
      };
      const a = pos(x.a);
      const b = pos(x.b);
      const covers = (p: typeof a) => (e: { articleId: string; target: { start: number; end: number } }) =>
        e.articleId === p.articleId && e.target.start < p.end && e.target.end > p.start;
      const found = d.crossrefs.filter(
        (c) => c.kind === x.kind && c.ends.some(covers(a)) && c.ends.some(covers(b)),
      );
      expect(found.length).toBeGreaterThan(0);
    },
  );
});
