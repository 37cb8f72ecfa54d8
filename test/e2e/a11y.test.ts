// End to end, Chromium: axe-core finds no accessibility violation (of any impact) in the extension's UI, in the
// light and the dark colour scheme: the popup, the options page, the sidebar frame, an open card (its shadow
// root), and the notes page when the build has one (dist/chrome/notes.html); on a page analysed on this device,
// the sidebar's correction form (Wrong speaker open, its text field showing), and the notes page listing it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { AxeResults, ElementContext } from "axe-core";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getExtensionWorker } from "./browsers";
import { chromiumDriver, type Driver, type Tab } from "./drivers";
import {
  type FixtureRoute,
  type FixtureServer,
  loadRoutes,
  PAGES_DIR,
  startFixtureServer,
} from "./fixture-server";
import { ARTIFACTS, canonical, DIST, openCard, payload, spotOf, uiOf, views } from "./helpers";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

interface Violation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Inject axe (once per document) and run it: the violations, plus any text whose contrast axe could not measure
 * (an "incomplete" colour-contrast result would otherwise let a bad colour pass unseen). A lone symbol such as
 * the "×" of a close button is too short to measure and is left out of that.
 */
async function axe(where: Page | Frame, context?: ElementContext): Promise<Violation[]> {
  const loaded = await where.evaluate(() => "axe" in window);
  // A string is evaluated as-is over the DevTools protocol, so extension pages' CSP does not block it.
  if (!loaded) await where.evaluate(AXE_SOURCE);
  return where.evaluate(async (ctx) => {
    const api = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe;
    const r = await api.run(ctx ?? document, { resultTypes: ["violations", "incomplete"] });
    const unmeasured = r.incomplete
      .filter((v) => v.id === "color-contrast")
      .map((v) => ({
        ...v,
        id: "color-contrast (not measured)",
        nodes: v.nodes.filter((n) => !n.any.some((c) => c.data?.messageKey === "shortTextContent")),
      }))
      .filter((v) => v.nodes.length);
    return [...r.violations, ...unmeasured].map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? "" })),
    }));
  }, context ?? null);
}

const targetWith = (articleId: string, quote: string) => {
  const e = views(articleId).sidebar.entries.find((x) => x.excerpt.includes(quote) && x.kind !== "crossref");
  if (!e) throw new Error(`no highlight with “${quote}” in ${articleId}`);
  return e.targetId;
};

let server: FixtureServer;
let driver: Driver;
let tab: Tab;
let context: BrowserContext;
let extensionId: string;
let tabId: number;
let tabIdOf: (p: Page) => Promise<number>;

/** A publisher's page the dataset does not know: analysed by itself, its entries correctable in the sidebar. */
const analysedRoutes = JSON.parse(
  readFileSync(join(PAGES_DIR, "analysis", "routes.json"), "utf8"),
) as FixtureRoute[];
const ANALYSED = (analysedRoutes.find((r) => r.url.includes("/2024/03/")) as FixtureRoute).url;

beforeAll(async () => {
  server = await startFixtureServer({ routes: [...loadRoutes(), ...analysedRoutes] });
  driver = await chromiumDriver(DIST.chromeE2e, server.proxyPort);
  tab = await driver.newTab();
  const page = (tab as Tab & { page: Page }).page;
  context = page.context();
  const { worker, extensionId: id } = await getExtensionWorker(context);
  extensionId = id;
  tabIdOf = async (p) => {
    await p.bringToFront();
    return worker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number,
    );
  };
  await tab.goto(canonical("nyt-libya-2011-07"));
  await tab.status();
  tabId = await tabIdOf(page);
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
});

/** An extension page in a tab of its own, in the given colour scheme, once `ready` is on it. */
async function extensionPage(file: string, scheme: Scheme, ready: string): Promise<Page> {
  const p = await context.newPage();
  await p.emulateMedia({ colorScheme: scheme });
  await p.goto(`chrome-extension://${extensionId}/${file}`);
  await p.waitForSelector(ready);
  return p;
}

describe.each(SCHEMES)("axe, %s colour scheme", (scheme) => {
  it("the popup (on a recognised article, with its switches)", async () => {
    const p = await extensionPage(`popup.html?tab=${tabId}`, scheme, "[data-testid=toggle-all]");
    try {
      await p.screenshot({ path: `${ARTIFACTS}/a11y-popup-${scheme}.png` });
      expect(await axe(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it("the popup on a page that is not an article", async () => {
    const other = await driver.newTab();
    const page = (other as Tab & { page: Page }).page;
    await page.goto("about:blank");
    const p = await extensionPage(`popup.html?tab=${await tabIdOf(page)}`, scheme, "[data-testid=analyse]");
    try {
      expect(await axe(p)).toEqual([]);
    } finally {
      await p.close();
      await other.close();
    }
  });

  it("the options page", async () => {
    const p = await extensionPage("options.html", scheme, "h2");
    try {
      await p.screenshot({ path: `${ARTIFACTS}/a11y-options-${scheme}.png`, fullPage: true });
      expect(await axe(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it("the notes page", async () => {
    // Loaded: the list, the empty state or the error (the light pass has no note yet; the dark pass has one).
    const p = await extensionPage(
      "notes.html",
      scheme,
      "[data-testid=notes], [data-testid=empty], [role=alert]",
    );
    try {
      await p.screenshot({ path: `${ARTIFACTS}/a11y-notes-${scheme}.png`, fullPage: true });
      expect(await axe(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  describe("on an article", () => {
    let page: Page;
    beforeAll(async () => {
      page = (tab as Tab & { page: Page }).page;
      await page.emulateMedia({ colorScheme: scheme });
      await tab.goto(canonical("nyt-libya-2011-07"));
      await tab.status();
    });

    /** The sidebar's frame once `ready` is in it. */
    async function sidebarFrame(ready: string): Promise<Frame> {
      let frame: Frame | undefined;
      await expect
        .poll(async () => {
          frame = page.frames().find((f) => f.url().includes("sidebar.html"));
          return frame?.evaluate((sel) => Boolean(document.querySelector(sel)), ready).catch(() => false);
        })
        .toBe(true);
      return frame as Frame;
    }

    it("the sidebar frame", async () => {
      await tab.click({ ui: ".launcher" });
      const frame = await sidebarFrame("[data-testid=entries]");
      await page.screenshot({ path: `${ARTIFACTS}/a11y-sidebar-${scheme}.png` });
      expect(await axe(frame)).toEqual([]);
      await tab.pause();
      await tab.click({ frame: "sidebar.html", selector: "button.close" });
      await expect.poll(() => page.frames().some((f) => f.url().includes("sidebar.html"))).toBe(false);
    });

    it("the sidebar's notes: the editor on a passage, then the saved note", async () => {
      // One passage per pass: the light pass's note covers its passage, and a click there opens the note.
      const id = targetWith(
        "nyt-libya-2011-07",
        scheme === "light" ? "Either he leaves the country" : "He cannot stay",
      );
      await tab.pause();
      await tab.click(spotOf("nyt-libya-2011-07", id));
      await expect.poll(async () => (await openCard(tab))?.targetId).toBe(id);
      await tab.pause();
      await tab.click({ ui: ".card .add-note" });
      const frame = await sidebarFrame("[data-testid=note-body]");
      expect(await axe(frame)).toEqual([]);
      await expect
        .poll(() => frame.evaluate(() => document.activeElement?.getAttribute("data-testid")))
        .toBe("note-body");
      await tab.type(`Who else reported this? (${scheme})`);
      await tab.pause();
      await tab.click({ frame: "sidebar.html", selector: "[data-testid=note-save]" });
      await frame.waitForSelector("[data-testid=note-text]");
      await page.screenshot({ path: `${ARTIFACTS}/a11y-sidebar-notes-${scheme}.png` });
      expect(await axe(frame)).toEqual([]);
      await tab.pause();
      await tab.click({ frame: "sidebar.html", selector: "button.close" });
      await expect.poll(() => page.frames().some((f) => f.url().includes("sidebar.html"))).toBe(false);
    });

    it.each([
      [
        "an attribution's card with a revision",
        "nyt-libya-2011-07",
        "that he can resign and order his soldiers",
      ],
      ["an entity's card", "nyt-libya-2011-07", null],
    ])("%s (the shadow root, with the launcher)", async (_, articleId, quote) => {
      const v = views(articleId);
      const id =
        quote === null
          ? (payload(articleId).targets.find((t) => v.cards[t.id]?.entity)?.id as string)
          : targetWith(articleId, quote);
      await tab.pause();
      // A quotation's card is opened by a click. This entity's first mention lies inside a quotation (a click there
      // opens the quotation's card) and its card sits where axe can measure it: it is opened as the sidebar does
      // (cards.test.ts hovers other mentions).
      if (quote === null) await tab.message({ type: "reveal", targetId: id });
      else await tab.click(spotOf(articleId, id));
      await expect.poll(async () => (await openCard(tab))?.targetId).toBe(id);
      await page.screenshot({
        path: `${ARTIFACTS}/a11y-card-${scheme}-${quote ? "attribution" : "entity"}.png`,
      });
      // Our UI's shadow root is closed to page scripts, axe's included: its tree and styles (the e2e builds' hook
      // reads them) are measured from an open copy in <body> (axe measures contrast only inside <body>): the card,
      // then the sidebar launcher (which the card may cover).
      const html = (await uiOf(tab))?.html ?? "";
      await page.evaluate((h) => {
        const copy = document.createElement("sa-axe-copy");
        copy.setAttribute("data-sa-ignore", "");
        copy.attachShadow({ mode: "open" }).innerHTML = h;
        document.body.append(copy);
      }, html);
      try {
        expect(await axe(page, { include: [[["sa-axe-copy", ".card"]]] })).toEqual([]);
        await page.evaluate(() =>
          document.querySelector("sa-axe-copy")?.shadowRoot?.querySelector(".card")?.remove(),
        );
        expect(await axe(page, { include: [["sa-axe-copy"]] })).toEqual([]);
      } finally {
        await page.evaluate(() => document.querySelector("sa-axe-copy")?.remove());
      }
      await tab.press("Escape");
    });
  });

  describe("on a page analysed on this device", () => {
    let other: Tab;
    let page: Page;
    beforeAll(async () => {
      other = await driver.newTab();
      page = (other as Tab & { page: Page }).page;
      await page.emulateMedia({ colorScheme: scheme });
      await other.goto(ANALYSED);
    });
    afterAll(async () => {
      await other?.close();
    });

    it("the sidebar's correction form: Wrong speaker open, its text field showing", async () => {
      await expect
        .poll(
          async () => {
            const s = (await other.status(2000)) as { analysis?: unknown; ready?: boolean } | null;
            return Boolean(s?.analysis && s.ready);
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      await other.pause();
      await other.click({ ui: ".launcher" });
      let frame: Frame | undefined;
      const inFrame = (sel: string) =>
        expect
          .poll(async () => {
            frame = page.frames().find((f) => f.url().includes("sidebar.html"));
            return frame?.evaluate((s) => Boolean(document.querySelector(s)), sel).catch(() => false);
          })
          .toBe(true);
      await inFrame("[data-testid^=wrong-speaker-]");
      await other.pause();
      await other.click({ frame: "sidebar.html", selector: "[data-testid^=wrong-speaker-]" });
      await inFrame("[data-testid^=speaker-input-]");
      await page.screenshot({ path: `${ARTIFACTS}/a11y-sidebar-correction-${scheme}.png` });
      expect(await axe(frame as Frame)).toEqual([]);
      // Saved, it is listed on the notes page with its Undo.
      await other.pause();
      await other.click({ frame: "sidebar.html", selector: "[data-testid^=speaker-input-]" });
      await other.type(`A. Reader (${scheme})`);
      await other.pause();
      await other.click({ frame: "sidebar.html", selector: "[data-testid^=speaker-save-]" });
      const notes = await extensionPage("notes.html", scheme, "[data-testid=correction-undo]");
      try {
        await notes.screenshot({ path: `${ARTIFACTS}/a11y-notes-corrections-${scheme}.png`, fullPage: true });
        expect(await axe(notes)).toEqual([]);
      } finally {
        await notes.close();
      }
    });
  });
});
