// Where the main-thread time a build adds to the known articles' loads goes: each trace event's self time on the
// page's main thread (bench/script-time.ts selfTimes), summed by name, the mean of a load with each build and
// without any extension, in the rounds of fresh browsers of the benchmark's cost rows (roundCosts, its trace
// categories). The names that differ most from the load without the extension come first: our script after an
// `await` (RunMicrotasks), compilation (v8.compile), the content scripts' injection at document_start (inside
// ParseHTML) and top-level run (EvaluateScript), style (UpdateLayoutTree). Tracing lengthens everything a little;
// read the differences, not the totals.
// node --import tsx bench/trace-breakdown.ts <extension dir> [...]   (BENCH_RUNS sets the rounds; ROWS the names shown;
// URL=… one page instead of the three articles)
import { loadRoutes, startFixtureServer } from "../test/e2e/fixture-server";
import { costBuild, roundCosts } from "./page-metrics";
import { knownArticlePages } from "./pages";
import { selfTimes } from "./script-time";

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error("usage: node --import tsx bench/trace-breakdown.ts <extension dir> [...]");
const urls = process.env.URL ? [process.env.URL] : knownArticlePages(loadRoutes()).map((r) => r.url);
const builds = [undefined, ...dirs];
const sums = builds.map(() => new Map<string, number>());
const loads = builds.map(() => 0);
const server = await startFixtureServer();
await roundCosts(
  builds.map((dir) => (dir ? costBuild(dir) : {})),
  urls,
  server.proxyPort,
  false,
  (k, u, events) => {
    const t = selfTimes(events, urls[u] as string);
    const sum = sums[k];
    if (!t || !sum) return;
    loads[k] = (loads[k] ?? 0) + 1;
    for (const [name, ms] of t) sum.set(name, (sum.get(name) ?? 0) + ms);
  },
);
await server.close();

const mean = (k: number, name?: string) => {
  const sum = sums[k] ?? new Map<string, number>();
  const total = name === undefined ? [...sum.values()].reduce((a, b) => a + b, 0) : (sum.get(name) ?? 0);
  return total / (loads[k] || 1);
};
const last = builds.length - 1;
const names = [...new Set(sums.flatMap((m) => [...m.keys()]))].sort(
  (a, b) => Math.abs(mean(last, b) - mean(0, b)) - Math.abs(mean(last, a) - mean(0, a)),
);
const cell = (x: number) => x.toFixed(2).padStart(10);
console.log(
  `self time on the page's main thread, ms a load (${loads.join(" / ")} loads; ${process.env.URL ?? "the three article pages"})`,
);
for (const [k, dir] of dirs.entries()) console.log(`  build ${k + 1}: ${dir}`);
console.log(
  `${"".padEnd(48)}${["without", ...dirs.map((_, k) => `build ${k + 1}`)].map((h) => h.padStart(10)).join("")}`,
);
console.log(`${"all".padEnd(48)}${builds.map((_, k) => cell(mean(k))).join("")}`);
for (const name of names.slice(0, Number(process.env.ROWS ?? 30)))
  console.log(`${name.slice(0, 47).padEnd(48)}${builds.map((_, k) => cell(mean(k, name))).join("")}`);
