// Anchoring benchmark in a real browser: `node test/anchoring/bench/browser-bench.mjs`.
// Bundles entry.ts with esbuild (the seed files inlined), runs it in headless Chromium (CHROMIUM, default
// /usr/bin/chromium) through playwright-core, and prints the timings as JSON.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = process.env.SEEDS_DIR ?? resolve(here, "../../../../shared/seeds");
const seeds = Object.fromEntries(
  readdirSync(seedsDir).map((f) => [f, readFileSync(resolve(seedsDir, f), "utf8")]),
);

// fixtures.ts reads the seeds with node:fs; in the page they come from this table.
const shims = {
  "node:fs": `const S = ${JSON.stringify(seeds)}; export function readFileSync(p) { return S[p.split("/").pop()]; }`,
  "node:path": "export const dirname = (p) => p; export const resolve = (...a) => a.join('/');",
  "node:url": "export const fileURLToPath = (u) => u;",
};
const out = await build({
  entryPoints: [resolve(here, "entry.ts")],
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  define: { "process.env.SEEDS_DIR": '"seeds"', "import.meta.url": '"file:///bench/entry.ts"' },
  plugins: [
    {
      name: "node-shims",
      setup(b) {
        b.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, namespace: "shim" }));
        b.onLoad({ filter: /.*/, namespace: "shim" }, (a) => ({ contents: shims[a.path], loader: "js" }));
      },
    },
  ],
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
try {
  const tab = await browser.newPage();
  await tab.setContent("<!doctype html><html><head></head><body></body></html>");
  await tab.addScriptTag({ content: out.outputFiles[0].text });
  const result = await tab.evaluate(() => window.RESULT);
  const round = (_k, v) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v);
  for (const r of result) console.log(JSON.stringify(r, round));
} finally {
  await browser.close();
}
