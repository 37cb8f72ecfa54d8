// End to end, in Debian Chromium and Firefox ESR with the built extension: recognition on every fixture
// address, highlights by kind, re-rendered and late content, the popup's switches across tabs, the keyboard
// command, no network request of the extension's own, no page errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KINDS } from "../../src/model/kinds";
import type { Driver, Tab } from "./drivers";
import { bothBrowsers } from "./drivers";
import { type FixtureServer, startFixtureServer } from "./fixture-server";
import {
  ARTIFACTS,
  articleRoutes,
  browserAndTab,
  canonical,
  highlightColour,
  KNOWN_QUOTES,
  norm,
  pageOwnUrls,
  payload,
  routes,
} from "./helpers";

const DECLARED_SITES = /(?:^|\.)(?:csmonitor\.com|nytimes\.com|washingtontimes\.com|web\.archive\.org)$/;
const kinds = async (tab: Tab) => Object.keys(await tab.highlights()).sort();

describe.each(bothBrowsers(() => server.proxyPort))("%s", (name, launch) => {
  let driver: Driver;
  let tab: Tab;
  browserAndTab(launch, (d, t) => {
    driver = d;
    tab = t;
  });

  describe("recognition on every address", () => {
    it.each(routes.map((r) => [r.variant, r.url, r] as const))("%s %s", async (_v, url, route) => {
      await tab.goto(url);
      const declared = DECLARED_SITES.test(new URL(url).hostname);
      const s = await tab.status(declared ? 10_000 : 1500);
      if (!declared) {
        expect(s, "no content script on a site that is not declared").toBeNull();
        return;
      }
      expect(s?.articleId ?? null).toBe(route.expect);
      if (!route.expect) {
        // A section page of the publisher cannot be the article: its text is not even read. Another story of the
        // publisher is analysed on this device (issue 18; test/e2e/analysis.test.ts), never taken for a known one.
        if (route.variant === "section") {
          expect(s?.score).toBe(0);
          expect(s?.anchored).toBe(0);
          expect(await kinds(tab)).toEqual([]);
        }
        // The day's index, where an article of the month could be: its text is compared (none of the month's
        // articles is in it), and it is no article, so nothing is analysed or painted.
        if (route.variant === "index") {
          expect((s as { analysis?: unknown } | null)?.analysis ?? null).toBeNull();
          expect(await kinds(tab)).toEqual([]);
        }
        return;
      }
      // The CSM article's address is known; the other two are found by their text.
      expect(s?.matchedBy).toBe(
        route.expect.startsWith("csm") && route.variant !== "print" ? "url" : "fingerprint",
      );
      expect(s?.orphaned).toEqual([]);
      expect(s?.anchored).toBe(payload(route.expect).targets.length);
      expect(s?.highlightsVisible).toBe(true);
      await tab.screenshot(`${ARTIFACTS}/${name}-${route.expect}-${route.variant}.png`);
    });
  });

  describe("highlights", () => {
    it.each(KNOWN_QUOTES.map((q) => [q.kind, q.quote, q] as const))("paints %s: “%s”", async (_k, _q, q) => {
      await tab.goto(canonical(q.articleId));
      await tab.status();
      const h = await tab.highlights();
      expect((h[`sa-${q.kind}`] ?? []).some((t) => norm(t).includes(norm(q.quote)))).toBe(true);
      // In the kind's colour, from the sheet the browser injected with the site's data: no <style> of ours in the
      // page (decision 0039).
      const row = KINDS[q.kind];
      expect(
        await tab.evaluateWith(highlightColour, { name: `sa-${q.kind}`, line: row.draw === "line" }),
      ).toEqual({
        colour: row.light,
        ours: false,
      });
    });

    it("paints again, without duplicates, when the page re-renders its article", async () => {
      await tab.goto(canonical("wt-libya-2011-04"));
      const before = await tab.status();
      const count = async () => Object.values(await tab.highlights()).reduce((n, r) => n + r.length, 0);
      const n0 = await count();
      for (let i = 0; i < 2; i++) {
        // The site re-renders the article body with new nodes, as a client-side framework would.
        await tab.evaluate(() => {
          const root = document.querySelector("article") ?? document.body;
          root.replaceChildren(...[...root.childNodes].map((n) => n.cloneNode(true)));
        });
        await new Promise((r) => setTimeout(r, 700));
      }
      const after = await tab.status();
      expect(after?.anchored).toBe(before?.anchored);
      expect(await count()).toBe(n0);
      expect(
        ((await tab.highlights())["sa-anonymous"] ?? []).some((t) =>
          t.includes("There will be no going back"),
        ),
      ).toBe(true);
    });

    it("recognises an article whose text arrives after load", async () => {
      await tab.goto(canonical("nyt-libya-2011-07"));
      await tab.status();
      const article = await tab.evaluate(() => document.body.innerHTML);
      // Another story of the same site and month, whose body the site then replaces with the article.
      await tab.goto(routes.find((r) => r.variant === "news" && r.url.includes("nytimes"))?.url as string);
      expect((await tab.status())?.articleId).toBeNull();
      await tab.evaluateWith((html) => {
        document.body.innerHTML = html;
      }, article);
      const until = Date.now() + 5000;
      let s = await tab.status();
      while (s?.anchored !== payload("nyt-libya-2011-07").targets.length && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        s = await tab.status();
      }
      expect(s?.articleId).toBe("nyt-libya-2011-07");
      expect(s?.orphaned).toEqual([]);
    });
  });

  describe("switches", () => {
    it("the popup says what was recognised; its switches apply at once in every tab of the site and persist", async () => {
      await tab.goto(canonical("csm-libya-2011-04-01"));
      await tab.status();
      const other = await driver.newTab();
      await other.goto(
        articleRoutes.find((r) => r.expect === "csm-libya-2011-04-01" && r.variant === "print")
          ?.url as string,
      );
      await other.status();
      const popup = await driver.popupFor(tab);
      await expect
        .poll(() => popup.summary())
        .toMatch(
          /The Christian Science Monitor, Apr 1 2011 — 10 attributions, \d+ cross-references, 0 unplaced/,
        );
      await popup.screenshot(`${ARTIFACTS}/${name}-popup.png`);

      await popup.click("toggle-all");
      await expect.poll(() => kinds(tab)).toEqual([]);
      await expect.poll(() => kinds(other)).toEqual([]);
      expect((await tab.status())?.highlightsVisible).toBe(false);
      await popup.click("toggle-all");
      await expect
        .poll(() => kinds(tab))
        .toEqual(["sa-anonymous", "sa-crossref", "sa-named", "sa-secondhand"]);

      await popup.click("toggle-anonymous");
      await expect.poll(() => kinds(tab)).toEqual(["sa-crossref", "sa-named", "sa-secondhand"]);
      await expect.poll(() => kinds(other)).toEqual(["sa-crossref", "sa-named", "sa-secondhand"]);
      await tab.reload();
      // Painted without the anonymous ones from the first frame: the switches were there before the stored settings
      // (src/background/first-paint.ts).
      expect((await tab.status())?.timings?.firstPaintSwitches).toBe("k1011");
      expect(await kinds(tab)).toEqual(["sa-crossref", "sa-named", "sa-secondhand"]);
      await popup.click("toggle-anonymous");
      await expect.poll(() => kinds(tab)).toContain("sa-anonymous");
      await popup.click("toggle-all");
      await expect.poll(() => kinds(tab)).toEqual([]);
      await tab.reload();
      expect((await tab.status())?.timings?.firstPaintSwitches).toBe("off");
      expect(await kinds(tab)).toEqual([]);
      // Another site keeps the defaults: nothing registered there.
      await other.goto(canonical("nyt-libya-2011-07"));
      expect((await other.status())?.timings?.firstPaintSwitches).toBe("defaults");
      await popup.click("toggle-all");
      await expect.poll(() => kinds(tab)).toHaveLength(4);
      await tab.reload();
      expect((await tab.status())?.timings?.firstPaintSwitches).toBe("defaults");
      await popup.close();
      await other.close();
    });

    it("the keyboard command toggles all highlights on the site", async () => {
      await tab.goto(canonical("csm-libya-2011-04-01"));
      await tab.status();
      expect((await kinds(tab)).length).toBe(4);
      await tab.status(); // brings the tab to the front: the command acts on the active tab
      await driver.command("toggle-highlights");
      await expect.poll(() => kinds(tab)).toEqual([]);
      await driver.command("toggle-highlights");
      await expect.poll(async () => (await kinds(tab)).length).toBe(4);
    });

    it("a page that turns dark gets the dark scheme's colours at the next paint, by the highlights' names alone", async () => {
      await tab.goto(canonical("csm-libya-2011-04-01"));
      await tab.status();
      await tab.evaluate(() => {
        document.body.style.backgroundColor = "rgb(18, 18, 20)";
      });
      await tab.status(); // the command acts on the active tab
      await driver.command("toggle-highlights");
      await expect.poll(() => kinds(tab)).toEqual([]);
      await driver.command("toggle-highlights");
      await expect
        .poll(() => kinds(tab))
        .toEqual(["sa-anonymous-dark", "sa-crossref-dark", "sa-named-dark", "sa-secondhand-dark"]);
      expect(await tab.evaluateWith(highlightColour, { name: "sa-named-dark", line: false })).toEqual({
        colour: KINDS.named.dark,
        ours: false,
      });
      await tab.screenshot(`${ARTIFACTS}/${name}-dark-page.png`, true);
    });
  });

  describe("privacy and the page's own behaviour", () => {
    it("the page's scripts kept working and threw nothing", async () => {
      await tab.goto(canonical("nyt-libya-2011-07"));
      await tab.status();
      expect(await tab.evaluate(() => (window as unknown as { pageLoaded?: boolean }).pageLoaded)).toBe(true);
      expect(tab.errors).toEqual([]);
    });
  });
});

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  // Every request the server saw was a page the tests opened or something that page loads itself.
  const allowed = pageOwnUrls();
  const others = server.requests
    .map((r) => `${r.scheme}://${r.host}${r.path}`)
    .filter((u) => !allowed.has(u) && !u.endsWith("/favicon.ico"));
  await server?.close();
  expect(server.unexpectedHosts(), "requests to hosts no fixture page is on").toEqual([]);
  expect(others, "requests no fixture page makes").toEqual([]);
});
