// End to end in Debian Chromium with the built extension: recognition on every fixture address, highlights by
// kind, the popup's switches across tabs, the keyboard command, no network traffic of the extension's own.
import type { Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Status } from "../../src/messages";
import { type ChromiumSession, getExtensionWorker, launchChromium } from "./browsers";
import { type FixtureServer, startFixtureServer } from "./fixture-server";
import {
  ARTIFACTS,
  articleRoutes,
  DIST,
  type Highlights,
  highlightsInPage,
  KNOWN_QUOTES,
  norm,
  pageOwnUrls,
  payload,
  routes,
} from "./helpers";

let server: FixtureServer;
let session: ChromiumSession;
let worker: Worker;
let extensionId: string;
let page: Page;
const pageErrors: string[] = [];

async function tabIdOf(p: Page): Promise<number> {
  await p.bringToFront();
  return worker.evaluate(async () => {
    const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return t?.id as number;
  });
}

async function statusOf(tabId: number): Promise<Status | null> {
  return worker.evaluate(
    async (id) => chrome.tabs.sendMessage(id, { type: "status" }).catch(() => null),
    tabId,
  );
}

async function settledStatus(p: Page, timeoutMs = 10_000): Promise<Status | null> {
  const tabId = await tabIdOf(p);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await statusOf(tabId);
    if (s?.ready || Date.now() > until) return s;
    await p.waitForTimeout(100);
  }
}

const highlights = (p: Page): Promise<Highlights> => p.evaluate(highlightsInPage);

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchChromium({ extensionDir: DIST.chrome, proxyPort: server.proxyPort });
  ({ worker, extensionId } = await getExtensionWorker(session.context));
  page = await session.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe("Chromium: recognition on every address", () => {
  it.each(routes.map((r) => [r.variant, r.url, r] as const))("%s %s", async (_v, url, route) => {
    await page.goto(url);
    const s = await settledStatus(page);
    if (
      route.expect === null &&
      !/csmonitor|nytimes|washingtontimes|web\.archive/.test(new URL(url).hostname)
    ) {
      expect(s, "no content script on a site that is not declared").toBeNull();
      return;
    }
    expect(s?.articleId ?? null).toBe(route.expect);
    if (!route.expect) {
      expect(s?.anchored).toBe(0);
      expect(Object.keys(await highlights(page))).toEqual([]);
      return;
    }
    const p = payload(route.expect);
    expect(s?.matchedBy).toBe(
      route.variant === "canonical" || route.variant === "http"
        ? route.expect.startsWith("csm")
          ? "url"
          : "fingerprint"
        : s?.matchedBy,
    );
    expect(s?.orphaned).toEqual([]);
    expect(s?.anchored).toBe(p.targets.length);
    expect(s?.highlightsVisible).toBe(true);
    await page.screenshot({
      path: `${ARTIFACTS}/chromium-${route.expect}-${route.variant}.png`,
      fullPage: true,
    });
  });
});

describe("Chromium: highlights", () => {
  it.each(KNOWN_QUOTES.map((q) => [q.kind, q.quote, q] as const))("paints %s: “%s”", async (_k, _q, q) => {
    const route = articleRoutes.find((r) => r.expect === q.articleId && r.variant === "canonical");
    await page.goto(route?.url as string);
    await settledStatus(page);
    const h = await highlights(page);
    expect((h[`sa-${q.kind}`] ?? []).some((t) => norm(t).includes(norm(q.quote)))).toBe(true);
  });

  it("paints again, without duplicates, when the page re-renders its article", async () => {
    const route = articleRoutes.find((r) => r.expect === "wt-libya-2011-04" && r.variant === "canonical");
    await page.goto(route?.url as string);
    const before = await settledStatus(page);
    const count = async () => Object.values(await highlights(page)).reduce((n, r) => n + r.length, 0);
    const n0 = await count();
    // The site re-renders the article body (as a client-side framework would), then once more.
    await page.evaluate(() => {
      const body = document.querySelector("article") ?? document.body;
      body.innerHTML = body.innerHTML;
    });
    await page.waitForTimeout(800);
    await page.evaluate(() => {
      const body = document.querySelector("article") ?? document.body;
      body.innerHTML = body.innerHTML;
    });
    await page.waitForTimeout(800);
    const after = await settledStatus(page);
    expect(after?.anchored).toBe(before?.anchored);
    expect(await count()).toBe(n0);
    // The ranges are live: they point into the new nodes.
    const h = await highlights(page);
    expect((h["sa-anonymous"] ?? []).some((t) => t.includes("There will be no going back"))).toBe(true);
  });

  it("recognises an article whose text arrives after load", async () => {
    const route = articleRoutes.find((r) => r.expect === "nyt-libya-2011-07" && r.variant === "canonical");
    await page.goto(route?.url as string);
    await settledStatus(page);
    const articleHtml = await page.evaluate(() => document.body.innerHTML);
    // A page of the same site that renders its article a second after load, as a client-side app would.
    await page.route("**/late-article", (r) =>
      r.fulfill({
        contentType: "text/html",
        body: "<html><body><header>The New York Times</header><main id=m></main></body></html>",
      }),
    );
    await page.goto("https://www.nytimes.com/late-article");
    const early = await settledStatus(page);
    expect(early?.articleId).toBeNull();
    await page.evaluate((html) => {
      (document.getElementById("m") as HTMLElement).innerHTML = html;
    }, articleHtml);
    await expect
      .poll(async () => (await settledStatus(page))?.articleId, { timeout: 5000 })
      .toBe("nyt-libya-2011-07");
    await expect
      .poll(async () => (await settledStatus(page))?.anchored, { timeout: 5000 })
      .toBe(payload("nyt-libya-2011-07").targets.length);
    await page.unroute("**/late-article");
  });
});

describe("Chromium: switches", () => {
  const csm = () =>
    articleRoutes.find((r) => r.expect === "csm-libya-2011-04-01" && r.variant === "canonical")
      ?.url as string;
  const csmPrint = () =>
    articleRoutes.find((r) => r.expect === "csm-libya-2011-04-01" && r.variant === "print")?.url as string;

  it("the popup says what was recognised and its switches apply at once in every tab of the site", async () => {
    await page.goto(csm());
    await settledStatus(page);
    const other = await session.context.newPage();
    await other.goto(csmPrint());
    await settledStatus(other);
    const tabId = await tabIdOf(page);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const summary = popup.getByTestId("summary");
    await expect
      .poll(() => summary.textContent())
      .toMatch(
        /The Christian Science Monitor, Apr 1 2011 — 10 attributions, \d+ cross-references, 0 unplaced/,
      );
    await popup.screenshot({ path: `${ARTIFACTS}/chromium-popup.png` });

    await popup.getByTestId("toggle-all").click();
    await expect.poll(async () => Object.keys(await highlights(page)).length).toBe(0);
    await expect.poll(async () => Object.keys(await highlights(other)).length).toBe(0);
    expect((await statusOf(tabId))?.highlightsVisible).toBe(false);

    await popup.getByTestId("toggle-all").click();
    await expect.poll(async () => Object.keys(await highlights(page)).length).toBeGreaterThan(0);

    await popup.getByTestId("toggle-anonymous").click();
    await expect.poll(async () => Object.keys(await highlights(page)).includes("sa-anonymous")).toBe(false);
    expect(Object.keys(await highlights(page))).toContain("sa-named");
    await popup.getByTestId("toggle-anonymous").click();
    await expect.poll(async () => Object.keys(await highlights(page)).includes("sa-anonymous")).toBe(true);

    // The choice persists: a reload keeps it.
    await popup.getByTestId("toggle-crossref").click();
    await page.reload();
    await settledStatus(page);
    expect(Object.keys(await highlights(page))).not.toContain("sa-crossref");
    await popup.getByTestId("toggle-crossref").click();
    await popup.close();
    await other.close();
  });

  it("the keyboard command toggles all highlights", async () => {
    await page.goto(csm());
    await settledStatus(page);
    expect(Object.keys(await highlights(page)).length).toBeGreaterThan(0);
    // Headless Chromium does not route synthetic key presses to extension shortcuts: check the command is
    // declared with its key, then run it the way the browser does, through the background's command handler.
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(JSON.stringify(manifest.commands?.["toggle-highlights"])).toContain("Alt+Shift+H");
    await page.bringToFront();
    const run = () =>
      worker.evaluate(() =>
        (
          self as unknown as { sourceAnnotator: { command(c: string): Promise<void> } }
        ).sourceAnnotator.command("toggle-highlights"),
      );
    await run();
    await expect.poll(async () => Object.keys(await highlights(page)).length, { timeout: 3000 }).toBe(0);
    await run();
    await expect
      .poll(async () => Object.keys(await highlights(page)).length, { timeout: 3000 })
      .toBeGreaterThan(0);
  });
});

describe("Chromium: privacy and the page's own behaviour", () => {
  it("the extension made no network request: every request was a page the test opened or what it loads", () => {
    expect(server.unexpectedHosts()).toEqual([]);
    const allowed = pageOwnUrls();
    const others = server.requests
      .map((r) => `${r.scheme}://${r.host}${r.path}`)
      .filter((u) => !allowed.has(u) && !u.endsWith("/favicon.ico"));
    expect(others).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(routes.length - 1);
  });

  it("the page's scripts kept working and threw nothing", async () => {
    const route = articleRoutes.find((r) => r.variant === "canonical");
    await page.goto(route?.url as string);
    await settledStatus(page);
    expect(pageErrors).toEqual([]);
  });
});
