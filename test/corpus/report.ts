// Prints the corpus figures: node --import tsx test/corpus/report.ts [--split dev|test|all] [--pipeline library|dataset] [--errors]
import { parseArgs } from "node:util";
import { runDataset } from "./run";
import { formatFigures, loadCorpus, score } from "./score";

const { values } = parseArgs({
  options: {
    split: { type: "string", default: "dev" },
    pipeline: { type: "string", default: "dataset" },
    errors: { type: "boolean", default: false },
  },
});
const split = values.split as "dev" | "test" | "all";
const run = runDataset;
const f = score(loadCorpus(split), run);
console.log(formatFigures(`${values.pipeline} pipeline, ${split} split`, f));
if (values.errors) console.log(f.errors.join("\n"));
