// A/B of what a reader waits for with two builds of the extension: the content script's own timings on the three
// article pages (start → recognised, the first anchoring pass, start → overlays painted), sessions of the builds
// interleaved round by round so the machine's drift hits both alike.
// node --import tsx bench/ab-painted.ts <extension dir A> <extension dir B> [...]   (ROUNDS=3; 4 loads per round)
// Each build made with `node build.mjs --timings` (or an E2E build): a product build's status carries no timings.
import { getExtensionWorker, launchChromium } from "../test/e2e/browsers";
import { loadRoutes, startFixtureServer } from "../test/e2e/fixture-server";
import { paintedStatus } from "./page-metrics";
import { knownArticlePages } from "./pages";

const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error("usage: node --import tsx bench/ab-painted.ts <dir A> <dir B> [...]");
const FIELDS = ["recognisedMs", "anchorMs", "paintedMs"] as const;
const server = await startFixtureServer();
const pages = knownArticlePages(loadRoutes());
const data = new Map<string, number[][]>(); // "dir article" → one list per field
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++)
  for (const dir of dirs) {
    const s = await launchChromium({ extensionDir: dir, proxyPort: server.proxyPort });
    const { worker } = await getExtensionWorker(s.context);
    for (const r of pages)
      for (let i = 0; i < 5; i++) {
        const page = await s.context.newPage();
        await page.goto(r.url);
        const timings = (await paintedStatus(worker))?.timings;
        await page.close();
        if (i === 0) continue; // the first load warms the browser up
        const key = `${dir} ${r.expect}`;
        const lists = data.get(key) ?? FIELDS.map(() => []);
        for (const [j, f] of FIELDS.entries()) lists[j]?.push(timings?.[f] ?? Number.NaN);
        data.set(key, lists);
      }
    await s.close();
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(`median ms over ${data.values().next().value?.[0]?.length ?? 0} loads: ${FIELDS.join(", ")}`);
for (const [key, lists] of [...data].sort())
  console.log(key, lists.map((xs, j) => `${FIELDS[j]} ${median(xs).toFixed(1)}`).join(", "));
await server.close();
