// A/B (or a bisect across commits) of the main-thread time builds of the extension add to the known articles' loads:
// CDP TaskDuration with each build less without any extension, round by round (bench/paired.ts), in rounds of fresh
// browsers as the benchmark's own row (roundCosts). With several builds in one run they share the machine's state,
// which moves the figure more than most changes do (the page alone took 44–49 ms a load in one stop's run, 64–70 in
// another's).
// node --import tsx bench/ab-added.ts <extension dir> [...]   (BENCH_RUNS sets the rounds, as in the benchmark)
import { loadRoutes, startFixtureServer } from "../test/e2e/fixture-server";
import { COST_PER_ROUND, costBuild, roundCosts } from "./page-metrics";
import { knownArticlePages } from "./pages";
import { byRound, pairedDifference } from "./paired";
import { signed, stat } from "./stats";

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error("usage: node --import tsx bench/ab-added.ts <extension dir> [...]");
const pages = knownArticlePages(loadRoutes());
const server = await startFixtureServer();
const costs = await roundCosts(
  [{}, ...dirs.map(costBuild)],
  pages.map((r) => r.url),
  server.proxyPort,
);
await server.close();
console.log(
  "main-thread time added to a load (CDP TaskDuration, ms): median of the rounds' differences [95% interval]",
);
for (const [p, r] of pages.entries()) {
  const without = costs[0]?.[p]?.task ?? [];
  console.log(`${r.expect}: without the extension ${stat(without).median.toFixed(1)} ms a load`);
  for (const [k, dir] of dirs.entries()) {
    const { task, script } = costs[k + 1]?.[p] ?? { task: [], script: [] };
    const d = pairedDifference(byRound(without, COST_PER_ROUND), byRound(task, COST_PER_ROUND));
    console.log(
      `  ${dir}: ${signed(d.value)} [${d.low.toFixed(1)}, ${d.high.toFixed(1)}] (${d.rounds} rounds); script ${stat(script).median.toFixed(2)} ms`,
    );
  }
}
