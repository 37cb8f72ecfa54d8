// Prints the corpus figures: node --import tsx test/corpus/report.ts [--split dev|test|all] [--pipeline library|dataset] [--errors] [--rules]
import { parseArgs } from "node:util";
import { runDataset, runLibrary } from "./run";
import { formatFigures, loadCorpus, score } from "./score";

const { values } = parseArgs({
  options: {
    split: { type: "string", default: "dev" },
    pipeline: { type: "string", default: "library" },
    errors: { type: "boolean", default: false },
    // The rules' own speakers, without the learned choice (decision 0013).
    rules: { type: "boolean", default: false },
  },
});
const split = values.split as "dev" | "test" | "all";
const run =
  values.pipeline === "dataset"
    ? runDataset
    : (a: Parameters<typeof runLibrary>[0]) => runLibrary(a, values.rules ? null : undefined);
const f = score(loadCorpus(split), run);
console.log(
  formatFigures(`${values.pipeline} pipeline${values.rules ? " (rules' speakers)" : ""}, ${split} split`, f),
);
if (values.errors) console.log(f.errors.join("\n"));
