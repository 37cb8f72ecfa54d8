// Prints the corpus figures: node --import tsx test/corpus/report.ts [--split dev|test|all] [--batch N] [--pipeline library|dataset] [--errors] [--learned]
// --batch N keeps the split's articles of one writing batch (ids like "wire6-…" for N = 6), to score a batch unseen by the rules apart.
import { parseArgs } from "node:util";
import { SPEAKER_MODEL } from "../../src/extract/index";
import { runDataset, runLibrary } from "./run";
import { formatFigures, loadCorpus, score } from "./score";

const { values } = parseArgs({
  options: {
    split: { type: "string", default: "dev" },
    pipeline: { type: "string", default: "library" },
    errors: { type: "boolean", default: false },
    // The learned speaker choice (decision 0013) instead of the rules' speakers.
    learned: { type: "boolean", default: false },
    batch: { type: "string" },
  },
});
const split = values.split as "dev" | "test" | "all";
const run =
  values.pipeline === "dataset"
    ? runDataset
    : (a: Parameters<typeof runLibrary>[0]) => runLibrary(a, values.learned ? SPEAKER_MODEL : null);
if (values.errors && split !== "dev") {
  // The test split's per-item errors are never printed (decisions 0006, 0014).
  console.error("--errors is for the dev split only");
  process.exit(2);
}
const batch = values.batch ? new RegExp(`^[a-z]+${values.batch}-`) : null;
const articles = loadCorpus(split).filter((a) => !batch || batch.test(a.id));
const f = score(articles, run);
console.log(
  formatFigures(
    `${values.pipeline} pipeline${values.learned ? " (learned speaker choice)" : ""}, ${split} split${batch ? `, batch ${values.batch} (${articles.length} articles)` : ""}`,
    f,
  ),
);
if (values.errors) console.log(f.errors.join("\n"));
