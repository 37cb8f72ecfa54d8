// Prints the corpus figures: node --import tsx test/corpus/report.ts [--split dev|test|all] [--pipeline library|dataset] [--errors]
import { parseArgs } from "node:util";
import { runDataset, runLibrary } from "./run";
import { formatFigures, loadCorpus, score } from "./score";

const { values } = parseArgs({
  options: {
    split: { type: "string", default: "dev" },
    pipeline: { type: "string", default: "library" },
    errors: { type: "boolean", default: false },
  },
});
const split = values.split as "dev" | "test" | "all";
const run = values.pipeline === "dataset" ? runDataset : runLibrary;
const f = score(loadCorpus(split), run);
console.log(formatFigures(`${values.pipeline} pipeline, ${split} split`, f));
if (values.errors) console.log(f.errors.join("\n"));
