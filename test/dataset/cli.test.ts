// The command line on a folder of real-looking input: odd file names become ids, an empty file, a non-English
// file, a binary file and one with broken metadata are reported by name and skipped, the rest are built.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleId } from "../../src/dataset/load";
import type { Dataset } from "../../src/model/dataset";

const corpus = "test/corpus/articles";

describe("dataset CLI on real input", () => {
  it("derives ids from any file name", () => {
    expect(articleId("My_Article 2.TXT")).toBe("my-article-2");
    expect(articleId("Reuters – Flood (final).txt")).toBe("reuters-flood-final");
    expect(articleId("Café_Noir.txt")).toBe("cafe-noir");
  });

  it("builds the good files and reports the rest by name", () => {
    const dir = mkdtempSync(join(tmpdir(), "sa-cli-"));
    copyFileSync(`${corpus}/wire-harbour-strike.txt`, join(dir, "Wire_Harbour Strike.txt"));
    copyFileSync(`${corpus}/uk-rail-strike.txt`, join(dir, "UK Rail (Strike).TXT"));
    writeFileSync(join(dir, "UK Rail (Strike).json"), JSON.stringify({ publisher: "The Daily Sentinel" }));
    copyFileSync(`${corpus}/qa-chef.txt`, join(dir, "qa-chef.txt"));
    writeFileSync(join(dir, "qa-chef.json"), "{ publisher: not json");
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "blank lines.txt"), "\n\n   \n");
    writeFileSync(
      join(dir, "Article_FR.txt"),
      "Le maire de la ville a déclaré lundi que les travaux du pont commenceraient au printemps. « Nous avons attendu trop longtemps », a-t-il dit devant le conseil municipal, réuni en séance extraordinaire. Les habitants du quartier restent sceptiques et demandent des garanties sur le calendrier et le coût du chantier.",
    );
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const out = join(dir, "out", "dataset.json");
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/dataset/cli.ts", "--in", dir, "--out", out],
      {
        encoding: "utf8",
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(readFileSync(out, "utf8")) as Dataset;
    expect(d.articles.map((a) => a.id).sort()).toEqual(["uk-rail-strike", "wire-harbour-strike"]);
    expect(d.attributions.length).toBeGreaterThan(10);
    expect(d.attributions.every((a) => a.target.exact.trim().length > 0)).toBe(true);
    for (const name of ["empty.txt", "blank lines.txt", "Article_FR.txt", "binary.txt", "qa-chef.txt"])
      expect(r.stdout).toContain(`skipped ${name}:`);
    expect(r.stdout).toMatch(/skipped Article_FR\.txt: not English/);
    expect(r.stdout).toMatch(/skipped qa-chef\.txt: qa-chef\.json: not valid JSON/);
    expect(r.stdout).toContain("skipped: 5 file(s), built the rest");
  });
});
