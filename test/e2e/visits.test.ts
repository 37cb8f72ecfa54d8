// A large dataset's entries, registered at the reader's first visit to each site (decision 0033), in the real
// browsers: the end-to-end build with its entries as the build writes them past EAGER_ENTRIES_MAX data files (each
// data entry named by its site, and content-unvisited on every page of the sites). The first page of a site is
// painted from the background's answer; the background registers the site's entries then, and the next page of
// that site gets the site's data before its first frame.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContentScriptEntry, UNVISITED_ID } from "../../src/model/recognition";
import { chromiumDriver, type Driver, firefoxDriver, type Tab } from "./drivers";
import { ARTIFACTS, canonical, DIST, fixtureServerForFile } from "./helpers";

const fixtures = fixtureServerForFile();

/** A copy of an end-to-end build whose entries wait for visits, as contentScriptEntries writes them at scale. */
function onVisits(dist: string, name: string): string {
  const out = path.join(ARTIFACTS, name);
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true });
  const file = path.join(out, "data", "content-scripts.json");
  const entries = JSON.parse(readFileSync(file, "utf8")) as ContentScriptEntry[];
  const hosts = new Set<string>();
  const visits = entries.map((e) => {
    if (!e.js.some((f) => f.startsWith("data/sites/"))) return e;
    const site = e.id.replace(/^content-/, "").replace(/\.\d+$/, "");
    hosts.add(site);
    return { ...e, site };
  });
  const unvisited = {
    id: UNVISITED_ID,
    matches: [...hosts].map((h) => `*://*.${h}/*`),
    js: ["content.js"],
    runAt: "document_idle",
  };
  writeFileSync(file, JSON.stringify([...visits, unvisited]));
  return out;
}

type Registered = { id: string; excludeMatches?: string[] };

describe.each([
  ["chromium", () => chromiumDriver(onVisits(DIST.chromeE2e, "visits-chrome"), fixtures.server.proxyPort)],
  ["firefox", () => firefoxDriver(onVisits(DIST.firefoxE2e, "visits-firefox"), fixtures.server.proxyPort)],
] as const)("%s", (name, launch) => {
  let driver: Driver;
  let tab: Tab;
  let extension: Tab;
  /** Our registered entries, from an extension page. */
  const registered = () =>
    extension.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.scripting.getRegisteredContentScripts())
        .filter((s) => s.id.startsWith("content"))
        .map((s) => ({ id: s.id, ...(s.excludeMatches?.length ? { excludeMatches: s.excludeMatches } : {}) }))
        .sort((a, b) => a.id.localeCompare(b.id));
    }) as unknown as Promise<Registered[]>;
  const until = async (ok: (r: Registered[]) => boolean): Promise<Registered[]> => {
    for (const end = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 200))) {
      const r = await registered();
      if (ok(r) || Date.now() > end) return r;
    }
  };

  beforeAll(async () => {
    driver = await launch();
    extension = await driver.openExtensionPage("options.html");
    tab = await driver.newTab();
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  it("a site's first page is painted from the background's answer and registers the site's entries; its next page gets the site's data before the first frame", {
    timeout: 120_000,
  }, async () => {
    const atInstall = await until((r) => r.some((s) => s.id === UNVISITED_ID));
    expect(atInstall).toEqual([{ id: "content-archive" }, { id: UNVISITED_ID }]);

    await tab.goto(canonical("csm-libya-2011-04-01"));
    const first = await tab.status();
    expect(first?.articleId).toBe("csm-libya-2011-04-01");
    expect(first?.anchored).toBeGreaterThan(30);
    // No site data in the page: content.js asked the background (the switches' name comes with the data only).
    expect(first?.timings?.firstPaintSwitches).toBeUndefined();
    expect(Object.keys(await tab.highlights()).length).toBeGreaterThan(0);

    const visited = await until((r) => r.some((s) => s.id === "content-csmonitor.com"));
    expect(visited).toEqual([
      { id: "content-archive" },
      { id: "content-csmonitor.com" },
      { id: UNVISITED_ID, excludeMatches: ["*://*.csmonitor.com/*"] },
    ]);

    await tab.goto(canonical("csm-libya-2011-04-01"));
    const next = await tab.status();
    expect(next?.articleId).toBe("csm-libya-2011-04-01");
    expect(next?.anchored).toBe(first?.anchored);
    expect(next?.timings?.firstPaintSwitches).toBe("defaults"); // the site's data file ran before content.js
    await tab.screenshot(path.join(ARTIFACTS, `visits-${name}-csm-next.png`), true);

    // Another site is still to be visited: its article asks the background, and its entry comes then.
    await tab.goto(canonical("nyt-libya-2011-07"));
    const nyt = await tab.status();
    expect(nyt?.articleId).toBe("nyt-libya-2011-07");
    expect(nyt?.timings?.firstPaintSwitches).toBeUndefined();
    const both = await until((r) => r.some((s) => s.id === "content-nytimes.com"));
    expect(both.find((s) => s.id === UNVISITED_ID)?.excludeMatches).toEqual([
      "*://*.csmonitor.com/*",
      "*://*.nytimes.com/*",
    ]);
  });
});
