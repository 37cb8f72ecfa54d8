// End-to-end smoke test of the test infrastructure itself: the fixture server (HTTP, HTTPS, forward proxy),
// the Chromium and Firefox launchers with an unpacked MV3 extension, and the fixture pages' fidelity to the
// captured article text. Run with: npx vitest run test/e2e/smoke.test.ts
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/dataset/clean";
import { getExtensionWorker, launchChromium, launchFirefox } from "./browsers";
import { type ArticleId, FIXTURES_DIR, type FixtureRoute } from "./fixture-server";
import { fixtureServerForFile } from "./helpers";

const SMOKE_EXTENSION = path.join(FIXTURES_DIR, "smoke-extension");
const ASSETS = fileURLToPath(new URL("../../assets/articles/", import.meta.url));
const TIMEOUT = 120_000;

const fixtures = fixtureServerForFile();

function csmRoutes(): FixtureRoute[] {
  const canonical = fixtures.server.routes.filter(
    (r) => r.expect === "csm-libya-2011-04-01" && r.file === "csm/article.html",
  );
  expect(canonical.map((r) => new URL(r.url).protocol).sort()).toEqual(["http:", "https:"]);
  return canonical;
}

/** Text as a reader sees it: no-break spaces are spaces, runs of whitespace are one space. */
function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Paragraphs of each article's text, as the project's dataset cleaner defines it. */
function articleParagraphs(id: ArticleId): string[] {
  const raw = readFileSync(path.join(ASSETS, `${id}.txt`), "utf8");
  const meta = JSON.parse(readFileSync(path.join(ASSETS, `${id}.json`), "utf8")) as { headline: string };
  const cleaned = clean(raw, meta.headline === "unknown" ? {} : { headline: meta.headline });
  return cleaned.text.split("\n\n").map(normalize);
}

/** Runs in the page: the element's rendered text (what a reader sees; hidden elements are left out). */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is exactly what is checked
const renderedText = (el: Element): string => (el as HTMLElement).innerText;

function expectOnlyFixtureHosts(): void {
  expect(fixtures.server.unexpectedHosts()).toEqual([]);
}

describe("Chromium with the smoke extension", () => {
  it("loads the extension headless and runs its content script on the CSM article (https and http)", {
    timeout: TIMEOUT,
  }, async () => {
    const session = await launchChromium({
      proxyPort: fixtures.server.proxyPort,
      extensionDir: SMOKE_EXTENSION,
    });
    try {
      const { extensionId, worker } = await getExtensionWorker(session.context);
      expect(extensionId).toMatch(/^[a-p]{32}$/);
      expect(
        await worker.evaluate(
          () => (globalThis as { smokeBackgroundStarted?: boolean }).smokeBackgroundStarted,
        ),
      ).toBe(true);

      const page = await session.context.newPage();
      for (const route of csmRoutes()) {
        const response = await page.goto(route.url);
        expect(response?.status()).toBe(200);
        expect(page.url()).toBe(route.url); // no https upgrade of the http URL
        expect(await page.title()).toBe(route.title);
        expect(normalize(await page.$eval("h1", renderedText))).toBe(route.headline);
        await page.waitForFunction(() => document.documentElement.dataset.smoke === "1", undefined, {
          timeout: 10_000,
        });
        expect(await page.evaluate(() => (window as { pageLoaded?: boolean }).pageLoaded)).toBe(true);
      }
      // The content script matches *.csmonitor.com only.
      const nyt = fixtures.server.routes.find(
        (r) => r.expect === "nyt-libya-2011-07" && r.variant === "canonical",
      );
      await page.goto(nyt?.url ?? "");
      expect(await page.evaluate(() => document.documentElement.dataset.smoke)).toBeUndefined();
    } finally {
      await session.close();
    }
    const csmPath = new URL(csmRoutes()[0]?.url ?? "").pathname;
    expect(
      fixtures.server.requests.some((r) => r.scheme === "https" && r.via === "tunnel" && r.path === csmPath),
    ).toBe(true);
    expect(
      fixtures.server.requests.some((r) => r.scheme === "http" && r.via === "proxy" && r.path === csmPath),
    ).toBe(true);
    expectOnlyFixtureHosts();
  });
});

describe("Firefox with the smoke extension", () => {
  it("installs the extension headless and runs its content script on the CSM article (https and http)", {
    timeout: TIMEOUT,
  }, async () => {
    const session = await launchFirefox({
      proxyPort: fixtures.server.proxyPort,
      extensionDir: SMOKE_EXTENSION,
    });
    try {
      expect(session.extensionId).toBe("smoke-extension@source-annotator.test");
      const page = await session.browser.newPage();
      for (const route of csmRoutes()) {
        const response = await page.goto(route.url);
        expect(response?.status()).toBe(200);
        expect(page.url()).toBe(route.url);
        expect(await page.title()).toBe(route.title);
        expect(normalize(await page.$eval("h1", renderedText))).toBe(route.headline);
        await page.waitForFunction(() => document.documentElement.dataset.smoke === "1", { timeout: 10_000 });
        expect(await page.evaluate(() => (window as { pageLoaded?: boolean }).pageLoaded)).toBe(true);
      }
    } finally {
      await session.close();
    }
    expectOnlyFixtureHosts();
  });
});

describe("fixture pages (rendered in Chromium)", () => {
  it("serve every route with its title and headline; article pages hold every paragraph of their article", {
    timeout: TIMEOUT,
  }, async () => {
    const ids: ArticleId[] = ["wt-libya-2011-04", "nyt-libya-2011-07", "csm-libya-2011-04-01"];
    const paragraphs = new Map(ids.map((id) => [id, articleParagraphs(id)]));
    const session = await launchChromium({ proxyPort: fixtures.server.proxyPort });
    try {
      const page = await session.context.newPage();
      const textOf = new Map<string, string>();
      for (const route of fixtures.server.routes) {
        const response = await page.goto(route.url);
        expect(response?.status(), route.url).toBe(200);
        expect(await page.title(), route.url).toBe(route.title);
        expect(normalize(await page.$eval("h1", renderedText)), route.url).toBe(route.headline);
        await page.waitForFunction(() => (window as { pageLoaded?: boolean }).pageLoaded === true);
        await page.keyboard.press("j");
        expect(await page.evaluate(() => (window as { __pageKeys?: number }).__pageKeys), route.url).toBe(1);
        // Rendered text: anything in a hidden element is left out.
        const text = normalize(await page.$eval("body", renderedText));
        textOf.set(route.url, text);
        if (route.expect) {
          for (const p of paragraphs.get(route.expect) ?? [])
            expect(text, `${route.url} lacks: ${p}`).toContain(p);
        } else {
          for (const [id, ps] of paragraphs) {
            const whole = ps.filter((p) => p.length > 40 && text.includes(p));
            expect(whole, `${route.url} holds whole paragraphs of ${id}`).toEqual([]);
          }
        }
      }
      // Shared sentences really are shared: on the related page and on the article's canonical page.
      for (const route of fixtures.server.routes.filter((r) => r.sharedText)) {
        const article = fixtures.server.routes.find(
          (r) => r.expect === route.sharesWith && r.variant === "canonical",
        );
        for (const shared of route.sharedText ?? []) {
          expect(textOf.get(route.url), route.url).toContain(normalize(shared));
          expect(textOf.get(article?.url ?? ""), article?.url).toContain(normalize(shared));
        }
      }
    } finally {
      await session.close();
    }
    expect(
      fixtures.server.requests.filter((r) => r.status === 404 && !r.path.endsWith("favicon.ico")),
    ).toEqual([]);
    expectOnlyFixtureHosts();
  });
});
