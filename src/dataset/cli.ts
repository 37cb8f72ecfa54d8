// npm run dataset -- [--in DIR] [--out FILE] [--curation FILE | --no-curation]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { buildRecognitionIndex } from "../recognition/index";
import type { ArticleInput } from "./build";
import { type BuildReport, buildDataset } from "./build";
import { validateDataset } from "./dataset-schema";
import { loadCuration, readArticles, type Skipped } from "./load";

function printReport(r: BuildReport, out: string, skipped: Skipped[]): void {
  const lines = [
    `dataset: ${out}`,
    `articles: ${r.articles}`,
    `entities: ${r.entities.automatic + r.entities.curated} (${r.entities.automatic} automatic, ${r.entities.curated} curated)`,
    `attributions: ${r.attributions.automatic + r.attributions.curated} (${r.attributions.automatic} automatic, ${r.attributions.curated} curated) — ${r.attributions.direct} direct, ${r.attributions.indirect} indirect, ${r.attributions.anonymous} anonymous, ${r.attributions.secondHand} second-hand`,
    `cross-references: ${r.crossrefs.automatic + r.crossrefs.curated} (${r.crossrefs.automatic} automatic, ${r.crossrefs.curated} curated) — ${Object.entries(
      r.crossrefs.byKind,
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(", ")}`,
    `curation entries applied: ${r.curationApplied}`,
  ];
  for (const q of r.unattributedQuotes)
    lines.push(`unattributed quotation in ${q.articleId}: “${q.quote.slice(0, 80)}”`);
  for (const c of r.droppedClaims) lines.push(`left out, no span of the text supports it: ${c}`);
  for (const c of r.conflicts) lines.push(`curation conflict: ${c}`);
  for (const s of skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  if (skipped.length) lines.push(`skipped: ${skipped.length} file(s), built the rest`);
  console.log(lines.join("\n"));
}

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: "string", default: "assets/articles" },
      out: { type: "string", default: "assets/dataset.json" },
      curation: { type: "string" },
      "no-curation": { type: "boolean", default: false },
      index: { type: "string" },
    },
  });
  const inDir = values.in as string;
  const out = values.out as string;
  const curationPath = values["no-curation"]
    ? undefined
    : (values.curation ?? (inDir === "assets/articles" ? "assets/curation.json" : undefined));
  const { articles, skipped } = readArticles(inDir);
  const curation = curationPath ? loadCuration(curationPath) : undefined;
  // An article the pipeline cannot turn into a valid dataset on its own is reported by name and left out.
  const good: ArticleInput[] = [];
  for (const a of articles) {
    try {
      const alone = buildDataset([a]).dataset;
      const problems = validateDataset(alone);
      if (problems.length) skipped.push({ file: `${a.id} (.txt)`, reason: problems[0] as string });
      else good.push(a);
    } catch (err) {
      skipped.push({ file: `${a.id} (.txt)`, reason: (err as Error).message });
    }
  }
  if (!good.length) {
    for (const s of skipped) console.error(`skipped ${s.file}: ${s.reason}`);
    console.error(`dataset: no .txt articles to build in ${inDir}`);
    return 1;
  }
  const { dataset, report } = buildDataset(good, curation);
  const errors = validateDataset(dataset);
  if (errors.length) {
    console.error(`the built dataset is invalid:\n${errors.map((e) => `  ${e}`).join("\n")}`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(dataset, null, 1)}\n`);
  const indexPath = values.index ?? out.replace(/\.json$/, ".recognition.json");
  writeFileSync(indexPath, JSON.stringify(buildRecognitionIndex(dataset.articles)));
  printReport(report, out, skipped);
  console.log(`recognition index: ${indexPath}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`dataset: ${(err as Error).message}`);
  process.exitCode = 1;
}
