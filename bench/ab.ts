// A/B of what a page pays for two builds of the extension (or a baseline): script time per page load (traced) in
// real Chromium, in rounds of fresh browsers (roundCosts) so the machine's drift and each browser's own bias fall
// on all alike.
// node --import tsx bench/ab.ts <extension dir A> <extension dir B> [...]   (URL=…; BENCH_RUNS sets the rounds)
// (bench/ab-painted.ts does the same for start → overlays painted on the article pages.)
import { startFixtureServer } from "../test/e2e/fixture-server";
import { costBuild, roundCosts } from "./page-metrics";

const url = process.env.URL ?? "https://www.nytimes.com/2011/07/06/world/africa/06libya.html";
const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error("usage: node --import tsx bench/ab.ts <dir A> <dir B> [...]");
const server = await startFixtureServer();
const costs = await roundCosts(dirs.map(costBuild), [url], server.proxyPort);
console.log(`script time per load (traced: compilation, callbacks, promise continuations) on ${url}`);
for (const [k, dir] of dirs.entries()) {
  const xs = [...(costs[k]?.[0]?.script ?? [])].sort((a, b) => a - b);
  const at = (q: number) => (xs[Math.floor(q * (xs.length - 1))] as number).toFixed(2);
  console.log(`${dir}: median ${at(0.5)} ms, quartiles ${at(0.25)}–${at(0.75)} ms (${xs.length} loads)`);
}
await server.close();
