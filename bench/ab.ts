// A/B of what a page pays for two builds of the extension (or a baseline): CDP ScriptDuration per page load in
// real Chromium, sessions of the builds interleaved round by round so the machine's drift hits both alike.
// node --import tsx bench/ab.ts <extension dir A> <extension dir B> [...]   (URL=…, ROUNDS=4; 5 loads per round)
// (bench/ab-painted.ts does the same for start → overlays painted on the article pages.)
import { launchChromium } from "../test/e2e/browsers";
import { startFixtureServer } from "../test/e2e/fixture-server";
import { pageLoadMetrics } from "./page-metrics";

const url = process.env.URL ?? "https://www.nytimes.com/2011/07/06/world/africa/06libya.html";
const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error("usage: node --import tsx bench/ab.ts <dir A> <dir B> [...]");
const server = await startFixtureServer();
const script = new Map<string, number[]>(dirs.map((d) => [d, []]));
for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++)
  for (const dir of dirs) {
    const s = await launchChromium({ extensionDir: dir, proxyPort: server.proxyPort });
    for (let i = 0; i < 6; i++) {
      const { ScriptDuration = 0 } = await pageLoadMetrics(s.context, url);
      if (i > 0) script.get(dir)?.push(ScriptDuration); // the first load warms the browser up
    }
    await s.close();
  }
console.log(`ScriptDuration per load on ${url}`);
for (const [dir, xs] of script) {
  xs.sort((a, b) => a - b);
  const at = (q: number) => (xs[Math.floor(q * (xs.length - 1))] as number).toFixed(2);
  console.log(`${dir}: median ${at(0.5)} ms, quartiles ${at(0.25)}–${at(0.75)} ms (${xs.length} loads)`);
}
await server.close();
