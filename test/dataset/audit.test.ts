// docs/dataset-audit.md: every cross-reference of the bundled dataset has its row, with its kind, and every text
// the table quotes for an end or as the words that say so is in the article it names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";

const d = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;
const ARTICLE: Record<string, string> = {
  WT: "wt-libya-2011-04",
  NYT: "nyt-libya-2011-07",
  CSM: "csm-libya-2011-04-01",
};
const flat = (s: string) => s.replace(/\s+/g, " ");
const rows = readFileSync("docs/dataset-audit.md", "utf8")
  .split("\n")
  .filter((l) => /^\| x\d+ \|/.test(l))
  .map((l) => l.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|")));

describe("docs/dataset-audit.md", () => {
  it("has a row for every cross-reference, with its kind", () => {
    expect(rows.map((r) => `${r[1]} ${r[2]}`).sort()).toEqual(
      d.crossrefs.map((x) => `${x.id} ${x.kind}`).sort(),
    );
  });

  it("quotes only text that is in the article it names", () => {
    let quotes = 0;
    for (const r of rows) {
      // The ends and the evidence columns; the "why" column is prose.
      const cells = r[2]?.startsWith("same") ? [r[3]] : [r[3], r[4], r[6]];
      for (const cell of cells)
        for (const m of (cell ?? "").matchAll(
          /\b(WT|NYT|CSM)(?: \([^)]*\))?: “([^”]*(?:”[^“|]*?)?)”(?=;|<br>|$)/g,
        )) {
          const text = d.articles.find((a) => a.id === ARTICLE[m[1] as string])?.text ?? "";
          expect(flat(text), `${r[1]}: ${m[2]}`).toContain(flat(m[2] as string));
          quotes++;
        }
    }
    expect(quotes).toBeGreaterThanOrEqual(d.crossrefs.length * 2);
  });
});
