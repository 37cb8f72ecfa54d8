// Cross-references at scale (docs/decisions/0012-scale.md): the related passages found without curation by prefix
// filtering (candidate pairs only from the sentences' rarest words) are exactly those found by comparing every pair
// of sentences — on the three articles, and on a synthetic corpus (scripts/synthetic-corpus.ts; CROSSREFS_CORPUS
// sets its size, 60 articles by default so the pairwise reference stays quick; the decision record gives the run at
// 1,000).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { buildCrossrefs, similarPassages } from "../../src/dataset/crossrefs";
import { loadArticles } from "../../src/dataset/load";
import type { Dataset } from "../../src/model/dataset";

const COUNT = Number(process.env.CROSSREFS_CORPUS ?? 60);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function synthetic(count: number): Dataset {
  const dir = mkdtempSync(join(tmpdir(), "crossrefs-"));
  dirs.push(dir);
  execFileSync(process.execPath, [
    "--import",
    "tsx",
    "scripts/synthetic-corpus.ts",
    "--out",
    dir,
    "--count",
    String(count),
  ]);
  // Without curation: the related passages are the automatic ones.
  return buildDataset(loadArticles(dir)).dataset;
}

describe("related passages by blocking", () => {
  it("finds on the three articles what comparing every pair finds", () => {
    const d = buildDataset(loadArticles("assets/articles")).dataset;
    const all = similarPassages(d, 0, "all");
    expect(similarPassages(d, 0)).toEqual(all);
    // And the dataset's own cross-references end with them.
    const related = buildCrossrefs(d).filter((x) => x.kind === "related");
    expect(related.map((x) => x.ends)).toEqual(all.map((x) => x.ends));
  });

  it(`finds on a synthetic corpus of ${COUNT} articles what comparing every pair finds`, () => {
    const d = synthetic(COUNT);
    const all = similarPassages(d, 0, "all");
    const blocked = similarPassages(d, 0);
    expect(blocked.length).toBe(all.length);
    expect(blocked).toEqual(all);
  }, 600_000);
});
