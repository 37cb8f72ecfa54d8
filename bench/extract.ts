// Speed of the extraction library: a 6,000-word article (the corpus dev articles joined and cut), warm, in Node.
// npm run bench:extract — the target is ≤ 50 ms (figures in docs/dataset.md). No timing assertion lives in the tests.
import { extract } from "../src/extract/index";
import { loadCorpus } from "../test/corpus/score";

const joined = loadCorpus("dev")
  .map((a) => a.text)
  .join("\n\n");
let text = joined;
while (text.split(/\s+/).length < 6000) text += `\n\n${joined}`;
text = text.split(/(\s+)/).slice(0, 12_000).join("");
const words = text.split(/\s+/).filter(Boolean).length;
for (let i = 0; i < 5; i++) extract(text);
const runs: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  extract(text);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const median = runs[runs.length >> 1] as number;
console.log(
  `extract: ${words}-word article, median ${median.toFixed(1)} ms, best ${(runs[0] as number).toFixed(1)} ms, worst ${(runs[runs.length - 1] as number).toFixed(1)} ms over ${runs.length} runs (target ≤ 50 ms: ${median <= 50 ? "met" : "NOT met"})`,
);
