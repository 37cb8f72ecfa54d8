// npm start: serve the fixture pages of the three articles under their real hostnames and open Chromium with
// the built extension on them. With a display it opens a window and waits; without one it runs headless,
// saves a screenshot of each page to test-artifacts/start/ and prints what the extension recognised there.
import { mkdirSync } from "node:fs";
import type { Status } from "../src/model/protocol";
import { getExtensionWorker, launchChromium } from "../test/e2e/browsers";
import { startFixtureServer } from "../test/e2e/fixture-server";

const OUT = "test-artifacts/start";
const headless = !process.env.DISPLAY || process.argv.includes("--headless");

const server = await startFixtureServer();
const session = await launchChromium({ extensionDir: "dist/chrome", proxyPort: server.proxyPort, headless });
const { worker } = await getExtensionWorker(session.context);
const pages = server.routes.filter((r) => r.kind === "article" || r.variant === "quotes");

async function status(): Promise<Status | null> {
  for (let i = 0; i < 50; i++) {
    const s = (await worker.evaluate(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return t?.id === undefined ? null : chrome.tabs.sendMessage(t.id, { type: "status" }).catch(() => null);
    })) as Status | null;
    if (s?.ready) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

if (headless) {
  mkdirSync(OUT, { recursive: true });
  const page = await session.context.newPage();
  for (const [i, r] of pages.entries()) {
    await page.goto(r.url);
    const s = await status();
    const file = `${OUT}/${String(i + 1).padStart(2, "0")}-${r.expect ?? "related"}-${r.variant}.png`;
    await page.screenshot({ path: file, fullPage: true });
    const what = s?.articleId
      ? `${s.articleId} by ${s.matchedBy} (score ${s.score.toFixed(2)}): ${s.anchored} anchored, ${s.orphaned.length} unplaced`
      : `not a known article (best score ${(s?.score ?? 0).toFixed(2)})`;
    console.log(`${r.url}\n  ${what}\n  screenshot: ${file}`);
  }
  await session.close();
  await server.close();
} else {
  for (const r of pages) await (await session.context.newPage()).goto(r.url);
  console.log(
    `Chromium is open with the extension on ${pages.length} pages (served on 127.0.0.1 through a proxy on port ${server.proxyPort}). Close the browser or press Ctrl+C to stop.`,
  );
  session.context.on("close", () => void server.close().then(() => process.exit(0)));
  process.on(
    "SIGINT",
    () =>
      void session
        .close()
        .then(() => server.close())
        .then(() => process.exit(0)),
  );
}
