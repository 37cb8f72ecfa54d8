// Prints the corpus figures: node --import tsx test/corpus/report.ts [--split dev|test|all] [--pipeline library|dataset] [--errors] [--learned]
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
  },
});
const split = values.split as "dev" | "test" | "all";
const run =
  values.pipeline === "dataset"
    ? runDataset
    : (a: Parameters<typeof runLibrary>[0]) => runLibrary(a, values.learned ? SPEAKER_MODEL : null);
const f = score(loadCorpus(split), run);
console.log(
  formatFigures(
    `${values.pipeline} pipeline${values.learned ? " (learned speaker choice)" : ""}, ${split} split`,
    f,
  ),
);
if (values.errors) console.log(f.errors.join("\n"));
