// Invariants every build must keep, and the command line on good and bad input.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { validateDataset } from "../../src/dataset/dataset-schema";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import type { Dataset } from "../../src/model/dataset";

const builds: [string, Dataset][] = [
  [
    "with curation",
    buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset,
  ],
  ["without curation", buildDataset(loadArticles("assets/articles")).dataset],
  ["held-out corpus", buildDataset(loadArticles("test/fixtures/generalise")).dataset],
];

describe.each(builds)("dataset %s", (_name, d) => {
  it("passes the schema and every invariant", () => {
    expect(validateDataset(d)).toEqual([]);
  });
  it("has every selector resolve in its article", () => {
    const text = new Map(d.articles.map((a) => [a.id, a.text]));
    const targets = [
      ...d.attributions.map((a) => [a.articleId, a.target] as const),
      ...d.crossrefs.flatMap((x) => x.ends.map((e) => [e.articleId, e.target] as const)),
    ];
    for (const [id, t] of targets) expect(text.get(id)?.slice(t.start, t.end)).toBe(t.exact);
  });
  it("keeps page chrome out of the article text", () => {
    for (const a of d.articles)
      expect(a.text).not.toMatch(/Skip to|Read Comments|Continued from page|&[a-z]+;/);
  });
  it("has ids that are unique and referenced ids that exist", () => {
    const ids = [...d.entities, ...d.attributions, ...d.crossrefs].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("validateDataset catches", () => {
  const good = builds[0]?.[1] as Dataset;
  const broken = (f: (d: Dataset) => void) => {
    const d = structuredClone(good);
    f(d);
    return validateDataset(d);
  };
  type A = Dataset["attributions"][0];
  const breakers: [string, (d: Dataset) => void][] = [
    [
      "a selector that does not resolve",
      (d) => {
        (d.attributions[0] as A).target.start += 1;
      },
    ],
    [
      "an unknown speaker",
      (d) => {
        (d.attributions[0] as A).speaker = "person:nobody";
      },
    ],
    [
      "a duplicate id",
      (d) => {
        d.attributions.push(structuredClone(d.attributions[0] as A));
      },
    ],
    [
      "a wrong kind",
      (d) => {
        (d.crossrefs[0] as unknown as { kind: string }).kind = "maybe";
      },
    ],
  ];
  it.each(breakers)("%s", (_n, f) => {
    expect(broken(f).length).toBeGreaterThan(0);
  });
});

describe("npm run dataset", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/dataset/cli.ts", ...args], { encoding: "utf8" });
  it("builds any folder of .txt articles without curation and prints its report", () => {
    const out = join(mkdtempSync(join(tmpdir(), "ds-")), "d.json");
    const r = cli(["--in", "test/fixtures/generalise", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/attributions: \d+ \(\d+ automatic, 0 curated\)/);
    const d = JSON.parse(readFileSync(out, "utf8")) as Dataset;
    expect(d.articles.map((a) => a.id)).toEqual(["gen-bridge", "gen-flood", "gen-strike", "gen-transfer"]);
  });
  it("reports curated and automatic counts for the bundled articles", () => {
    const out = join(mkdtempSync(join(tmpdir(), "ds-")), "d.json");
    const r = cli(["--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d+ curated/);
    expect(r.stdout).not.toMatch(/curation conflict/);
  });
  it.each([
    [
      "a folder with no articles",
      () => ["--in", mkdtempSync(join(tmpdir(), "empty-")), "--out", "/tmp/x.json"],
      /no \.txt articles/,
    ],
    [
      "malformed metadata",
      () => {
        const dir = mkdtempSync(join(tmpdir(), "bad-"));
        writeFileSync(join(dir, "a.txt"), "“Hi,” she said.");
        writeFileSync(join(dir, "a.json"), "{ nope");
        return ["--in", dir, "--out", join(dir, "o.json")];
      },
      /a\.json: not valid JSON/,
    ],
    [
      "a malformed curation file",
      () => ["--curation", "package-lock.json.nope", "--out", "/tmp/x.json"],
      /not valid curation JSON/,
    ],
  ])("fails clearly on %s", (_n, args, message) => {
    const r = cli(args());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
