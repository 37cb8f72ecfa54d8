// The pipeline on articles it was not developed on, without curation: it must generalise, not memorise.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { validateDataset } from "../../src/dataset/dataset-schema";
import { loadArticles } from "../../src/dataset/load";
import { entityNamed, formatScore, type Gold, scoreDirect, scoreIndirect } from "./score";

const dir = "test/fixtures/generalise";
const gold = JSON.parse(readFileSync(`${dir}/gold.json`, "utf8")) as Gold;
const { dataset: d } = buildDataset(loadArticles(dir));

describe("held-out articles, no curation", () => {
  it("builds a valid dataset", () => {
    expect(validateDataset(d)).toEqual([]);
  });

  it("finds direct quotations and their speakers", () => {
    const quotes = scoreDirect(d, gold, false);
    const speakers = scoreDirect(d, gold, true);
    console.log(formatScore("held-out direct quotes", quotes));
    console.log(formatScore("held-out direct quotes with speakers", speakers));
    if (speakers.errors.length) console.log(speakers.errors.join("\n"));
    expect(quotes.precision).toBeGreaterThanOrEqual(0.95);
    expect(quotes.recall).toBeGreaterThanOrEqual(0.95);
    expect(speakers.precision).toBeGreaterThanOrEqual(0.9);
    expect(speakers.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("finds reported statements", () => {
    const s = scoreIndirect(d, gold);
    console.log(formatScore("held-out reported statements", s));
    if (s.errors.length) console.log(s.errors.join("\n"));
    expect(s.recall).toBeGreaterThanOrEqual(0.7);
    expect(s.precision).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps people who share a first name apart", () => {
    for (const g of Object.values(gold.articles)) {
      for (const [a, b] of g.differentPeople ?? []) {
        const ea = entityNamed(d, a);
        const eb = entityNamed(d, b);
        if (ea && eb) expect(ea.id, `${a} ≠ ${b}`).not.toBe(eb.id);
      }
    }
  });
});
