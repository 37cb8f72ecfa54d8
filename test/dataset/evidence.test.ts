// The evidence check of the build: each claim shown to a reader rests on spans of the texts, and a dataset or a
// curation file that breaks this does not build.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { checkEvidence, unsupportedWords } from "../../src/dataset/evidence";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import type { Crossref, Dataset } from "../../src/model/dataset";

const good = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;

describe("checkEvidence", () => {
  it("passes the bundled dataset, the dataset without curation and the held-out corpus", () => {
    expect(checkEvidence(good)).toEqual([]);
    expect(checkEvidence(buildDataset(loadArticles("assets/articles")).dataset)).toEqual([]);
    expect(checkEvidence(buildDataset(loadArticles("test/fixtures/generalise")).dataset)).toEqual([]);
  });

  const attribution = (d: Dataset, quote: string) => {
    const a = d.attributions.find((x) => x.target.exact.includes(quote));
    if (!a) throw new Error(quote);
    return a;
  };
  const relation = (d: Dataset, kind: Crossref["kind"]) =>
    d.crossrefs.find((x) => x.kind === kind) as Crossref;
  const breakers: [string, RegExp, (d: Dataset) => void][] = [
    [
      "a role with no evidence",
      /role “rebel spokesman” has no evidence/,
      (d) => {
        attribution(d, "humanitarian crisis").evidence.role = [];
      },
    ],
    [
      "a role whose words are in no text (“spokesman … on foreign affairs”)",
      /not in its evidence: foreign, affairs/,
      (d) => {
        attribution(d, "humanitarian crisis").role = "rebel spokesman on foreign affairs";
      },
    ],
    [
      "a description from outside the texts merged into the entity",
      /description “Italy's foreign minister” has no evidence/,
      (d) => {
        const e = d.entities.find((x) => x.name === "Frattini");
        if (e) e.description = "Italy's foreign minister";
      },
    ],
    [
      "outside knowledge without its source",
      /outside knowledge without a source/,
      (d) => {
        const e = d.entities.find((x) => x.external);
        if (e?.external) e.external.source = "";
      },
    ],
    [
      "a date with no span",
      /date 2011-07-03 has no evidence/,
      (d) => {
        attribution(d, "that he can resign").evidence.date = [];
      },
    ],
    [
      "a contradiction whose only evidence is its own passages",
      /no evidence outside its ends/,
      (d) => {
        const x = relation(d, "contradicts");
        x.evidence = x.ends.map((e) => ({ articleId: e.articleId, ...e.target }));
      },
    ],
    [
      "an update between different speakers",
      /same speaker's statement/,
      (d) => {
        const x = relation(d, "updates");
        const ghoga = d.crossrefs.find((c) => c.kind === "contradicts")?.ends[1];
        if (ghoga) x.ends[1] = ghoga;
      },
    ],
    [
      "a relation that is a bag of passages",
      /3 ends \(a relation has two\)/,
      (d) => {
        const x = relation(d, "related");
        x.ends.push(x.ends[0] as Crossref["ends"][0]);
      },
    ],
    [
      "a summary that says more than its evidence",
      /not in its evidence: reversed/,
      (d) => {
        relation(d, "related").summary = "Gadhafi leaving the country, reversed";
      },
    ],
    [
      "a withheld name counted as a named source",
      /anonymous speaker counted as named/,
      (d) => {
        attribution(d, "humanitarian crisis").anonymous = false;
      },
    ],
    [
      "evidence that does not resolve",
      /does not resolve/,
      (d) => {
        const x = relation(d, "contradicts");
        if (x.evidence[0]) x.evidence[0].start += 3;
      },
    ],
    [
      "a timeline entry whose label the text does not say",
      /not in its evidence: .*retracted/,
      (d) => {
        const e = d.timelines?.[0]?.entries.at(-1);
        if (e) e.label = "The offer retracted";
      },
    ],
  ];
  it.each(breakers)("fails %s", (_n, message, f) => {
    const d = structuredClone(good);
    f(d);
    expect(checkEvidence(d).join("\n")).toMatch(message);
  });

  it("compares words by their stem and leaves the words that frame a relation out", () => {
    expect(
      unsupportedWords("Contradicted by Abdul Hafidh Ghoga", ["by contradicting Abdul Hafidh Ghoga"]),
    ).toEqual([]);
    expect(unsupportedWords("Later called misconstrued", ["had been misconstrued"])).toEqual([]);
    expect(unsupportedWords("retracted the offer", ["the offer"])).toEqual(["retracted"]);
  });
});

describe("the build with a curation file", () => {
  it("fails, naming the claim, when a curated description has no evidence", () => {
    const dir = mkdtempSync(join(tmpdir(), "ev-"));
    const curation = JSON.parse(readFileSync("assets/curation.json", "utf8"));
    curation.entities.push({ match: "Issawi", description: "spokesman on foreign affairs", why: "a guess" });
    writeFileSync(join(dir, "c.json"), JSON.stringify(curation));
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/dataset/cli.ts",
        "--curation",
        join(dir, "c.json"),
        "--out",
        join(dir, "d.json"),
      ],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /entity person:issawi description “spokesman on foreign affairs” has no evidence/,
    );
  });
});
