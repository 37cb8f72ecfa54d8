// Scores the same-statement matcher (src/analysis/same.ts) on the pairs of test/analysis/same-statements.json:
// each pair's text is matched against every known statement of the bundled dataset. Precision = right links /
// links made (a link to a statement other than the pair's target is wrong); recall = pairs labelled the same whose
// target is linked. Usage: node --import tsx scripts/same-statements.ts [dev|test] [--errors]
import { readFileSync } from "node:fs";
import { contentWords, sameStatements } from "../src/analysis/same";
import { buildDataset } from "../src/dataset/build";
import { knownStatements } from "../src/dataset/known";
import { loadArticles, loadCuration } from "../src/dataset/load";

interface Pair {
  text: string;
  target: string;
  same: boolean;
}

export function scoreSame(split: "dev" | "test") {
  const pairs = (
    JSON.parse(readFileSync("test/analysis/same-statements.json", "utf8")) as Record<"dev" | "test", Pair[]>
  )[split];
  const d = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;
  const known = knownStatements(d).map((statement) => ({ statement, words: contentWords(statement.text) }));
  let links = 0;
  let right = 0;
  let found = 0;
  const errors: string[] = [];
  for (const p of pairs) {
    const got = sameStatements(p.text, known).map((s) => s.targetId);
    links += got.length;
    for (const id of got) {
      if (p.same && id === p.target) right++;
      else errors.push(`wrong link ${id}: ${p.text}`);
    }
    if (p.same) {
      if (got.includes(p.target)) found++;
      else errors.push(`missed ${p.target}: ${p.text}`);
    }
  }
  const positives = pairs.filter((p) => p.same).length;
  return {
    pairs: pairs.length,
    positives,
    links,
    right,
    precision: links ? right / links : 1,
    recall: found / positives,
    errors,
  };
}

if (process.argv[1]?.endsWith("same-statements.ts")) {
  const split = process.argv[2] === "test" ? "test" : "dev";
  const r = scoreSame(split);
  console.log(
    `${split}: ${r.pairs} pairs (${r.positives} the same) — links ${r.links}, right ${r.right}; precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`,
  );
  if (process.argv.includes("--errors") && split === "dev") for (const e of r.errors) console.log(`  ${e}`);
}
