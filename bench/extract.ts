// Speed of the extraction library: a 6,000-word article (the corpus dev articles joined and cut), warm, in Node.
// npm run bench:extract — the target is ≤ 50 ms (figures in docs/dataset.md). No timing assertion lives in the tests.
import { extract, SPEAKER_MODEL } from "../src/extract/index";
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

// The learned speaker choice (decision 0013, opt-in) against the rules on the same text, interleaved, in CPU time
// per call (wall time says little on a shared machine).
const cpu = (f: () => void) => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const rules: number[] = [];
const learned: number[] = [];
for (let i = 0; i < 5; i++) extract(text, { speakerModel: SPEAKER_MODEL });
for (let i = 0; i < 20; i++) {
  rules.push(cpu(() => extract(text)));
  learned.push(cpu(() => extract(text, { speakerModel: SPEAKER_MODEL })));
}
const med = (xs: number[]) => (xs.sort((a, b) => a - b)[xs.length >> 1] as number).toFixed(1);
console.log(
  `CPU per call, median (best): rules ${med(rules)} (${(rules[0] as number).toFixed(1)}) ms, with the learned speaker choice ${med(learned)} (${(learned[0] as number).toFixed(1)}) ms`,
);
