// Screenshots for the README: an article with its overlays, an open card, the sidebar, the popup, the notes page.
// node --import tsx scripts/screenshots.ts (after npm run build) → docs/screenshots/*.png
import { readFileSync } from "node:fs";
import type { ArticlePayload } from "../src/model/protocol";
import { getExtensionWorker, launchChromium } from "../test/e2e/browsers";
import { startFixtureServer } from "../test/e2e/fixture-server";

const OUT = "docs/screenshots";
const NYT = "https://www.nytimes.com/2011/07/04/world/africa/04libya.html";

const server = await startFixtureServer();
const session = await launchChromium({ extensionDir: "dist/chrome", proxyPort: server.proxyPort });
const { worker, extensionId } = await getExtensionWorker(session.context);
const page = await session.context.newPage();
await page.setViewportSize({ width: 1280, height: 820 });
const send = (m: unknown) =>
  worker.evaluate(async (msg) => {
    const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(t?.id as number, msg);
  }, m);
const scrollTo = (text: string) =>
  page.evaluate((t) => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode())
      if (n.textContent?.includes(t)) return n.parentElement?.scrollIntoView({ block: "start" });
  }, text);

await page.goto(NYT);
await page.waitForTimeout(1200);
await scrollTo("RUJBAN, Libya");
await page.evaluate(() => window.scrollBy(0, -40));
await page.screenshot({ path: `${OUT}/article.png` });

const views = JSON.parse(readFileSync("dist/chrome/data/articles/nyt-libya-2011-07.views.json", "utf8"));
const offer = Object.keys(views.cards).find(
  (k) => views.cards[k].attribution && views.cards[k].passage.text.includes("that he can resign"),
);
await send({ type: "reveal", targetId: offer });
await page.waitForTimeout(600);
await page.evaluate(() => window.scrollBy(0, -200));
await page.waitForTimeout(200);
await page.screenshot({ path: `${OUT}/card.png` });

await send({ type: "sidebar", open: true });
await page.waitForTimeout(1200);
await page.screenshot({ path: `${OUT}/sidebar.png` });
await send({ type: "sidebar", open: false });

const tabId = await worker.evaluate(
  async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
);
const popup = await session.context.newPage();
await popup.setViewportSize({ width: 360, height: 420 });
await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
await popup.waitForTimeout(600);
await popup.screenshot({ path: `${OUT}/popup.png` });

// The notes page, with notes written through the notes service as the sidebar writes them.
const payload = (id: string) =>
  JSON.parse(readFileSync(`dist/chrome/data/articles/${id}.json`, "utf8")) as ArticlePayload;
const passage = (id: string, words: string) => {
  const t = payload(id).targets.find((x) => x.kind !== "crossref" && x.target.exact.includes(words));
  if (!t) throw new Error(`no passage with “${words}” in ${id}`);
  return t.target;
};
const notesPage = await session.context.newPage();
await notesPage.setViewportSize({ width: 1100, height: 760 });
await notesPage.goto(`chrome-extension://${extensionId}/notes.html`);
for (const [id, url, words, body] of [
  [
    "nyt-libya-2011-07",
    NYT,
    "misconstrued",
    "Did Reuters run the whole interview? Compare with the council's statement.",
  ],
  [
    "csm-libya-2011-04-01",
    "https://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand",
    "cease-fire if the Libyan leader",
    "April 1 terms: Qaddafi's forces out of the cities. Three months later the offer is that he may stay.",
  ],
] as const) {
  await notesPage.evaluate((op) => chrome.runtime.sendMessage({ type: "notes", op }), {
    op: "add",
    draft: { articleId: id, url, target: passage(id, words) },
    body,
  });
  await notesPage.waitForTimeout(50);
}
await notesPage.waitForTimeout(600);
await notesPage.screenshot({ path: `${OUT}/notes.png` });

await session.close();
await server.close();
console.log(`screenshots written to ${OUT}/`);
