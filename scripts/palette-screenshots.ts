// Screenshots of the palette on a known article (docs/decisions/0007-palette.md): every attribution kind and a note
// in each colour, on the article's own light page and on the same page made dark (page #121212, text #e8e8e8, the
// dark scheme the palette is measured for).
// node --import tsx scripts/palette-screenshots.ts (after node build.mjs) → docs/screenshots/palette-{light,dark}.png
import { readFileSync } from "node:fs";
import { NOTE_COLOURS } from "../src/model/colours";
import type { ArticlePayload } from "../src/model/protocol";
import { getExtensionWorker, launchChromium } from "../test/e2e/browsers";
import { startFixtureServer } from "../test/e2e/fixture-server";

const OUT = "docs/screenshots";
const CSM = "csm-libya-2011-04-01";
const URL_ =
  "https://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand";
/** Passages for the notes, one per colour (cross-reference mentions outside any attribution: their targets exist). */
const NOTED = ["An opposition leader", "Mustafa Abdul-Jalil", "The report, which first appeared"];

const payload = JSON.parse(readFileSync(`dist/chrome/data/articles/${CSM}.json`, "utf8")) as ArticlePayload;
const server = await startFixtureServer();
const session = await launchChromium({ extensionDir: "dist/chrome", proxyPort: server.proxyPort });
const { extensionId } = await getExtensionWorker(session.context);

const notesPage = await session.context.newPage();
await notesPage.goto(`chrome-extension://${extensionId}/notes.html`);
for (const [i, words] of NOTED.entries()) {
  const t = payload.targets.find((x) => x.kind === "crossref" && x.target.exact.startsWith(words));
  if (!t) throw new Error(`no passage “${words}”`);
  await notesPage.evaluate((op) => chrome.runtime.sendMessage({ type: "notes", op }), {
    op: "add",
    draft: { articleId: CSM, url: URL_, target: t.target },
    body: `A ${NOTE_COLOURS[i]} note.`,
    colour: NOTE_COLOURS[i],
  });
}
await notesPage.close();

for (const scheme of ["light", "dark"] as const) {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1100 });
  if (scheme === "dark") {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        const s = document.createElement("style");
        s.textContent =
          "html, body { background: #121212 !important; } body, body * { color: #e8e8e8 !important; background-color: transparent !important; border-color: #444 !important; }";
        document.head.append(s);
      });
    });
  }
  await page.goto(URL_);
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode())
      if (n.textContent?.includes("has gained the upper hand")) {
        n.parentElement?.scrollIntoView({ block: "start" });
        window.scrollBy(0, -30);
        return;
      }
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/palette-${scheme}.png` });
  await page.close();
}

await session.close();
await server.close();
console.log(`written ${OUT}/palette-light.png, ${OUT}/palette-dark.png`);
