// Hostile and broken pages, end to end in Chromium and Firefox with the built extension: pages served under
// www.nytimes.com (a declared site) at /2011/07/hostile/… — inside the NYT article's text-check pattern, so the
// content script reads their text. Each page is broken in one way:
//   - no body (taken away at DOMContentLoaded) and a frameset page: status answers, no article;
//   - 5 MB of text: the content script compares only the first MAX_PAGE_CHARS and says so in status.note, and the
//     page stays responsive; the same 5 MB under the real article: recognised, anchored, responsive;
//   - a ticker mutating the page every 10 ms, outside the article: nothing anchored or painted again; a re-render
//     during the ticker is repainted; a framework re-rendering the article every 50 ms: repaints stay rare
//     (debounced), never duplicated, the article stays recognised;
//   - the page's own built-ins broken before the content script runs (the content script's isolated world does not
//     see them): recognition and painting work; so do they when the page stops the events that end parsing;
//   - a slow script halfway through the article: the frames rendered while the parse waits hold the overlays of
//     the text so far, and the rest come when it goes on;
//   - forged messages, custom events, fake shortcuts and chrome.runtime.sendMessage from the page: nothing happens.
// And, throughout: no page errors, no console errors from the extension.
//
// Static pages and page scripts live in test/fixtures/pages/hostile/ (the fixture server resolves a route's file
// relative to test/fixtures/pages/); the article-based pages (the NYT fixture with a script injected first thing in
// <head>) and the 5 MB pages are written to a temporary folder in beforeAll, their routes naming them by a path
// relative to test/fixtures/pages/. Routes are passed to startFixtureServer next to routes.json's (not added to it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page as PwPage } from "playwright-core";
import type { Page as PpPage } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Status } from "../../src/model/protocol";
import { MAX_PAGE_CHARS } from "../../src/recognition/fingerprint";
import { bothBrowsers, type Driver, type Tab } from "./drivers";
import {
  type FixtureRoute,
  type FixtureServer,
  loadRoutes,
  PAGES_DIR,
  startFixtureServer,
} from "./fixture-server";
import { canonical, type Highlights, highlightsInPage, norm, openCard, payload, uiOf } from "./helpers";

const NYT = "nyt-libya-2011-07";
const HOSTILE = path.join(PAGES_DIR, "hostile");
const BASE = "https://www.nytimes.com/2011/07/hostile/";
const QUOTE = "Either he leaves the country, or he goes to prison";
/** Whether the quote above is painted as a named speaker's words. */
const quotePainted = (h: Highlights) => (h["sa-named"] ?? []).some((t) => norm(t).includes(norm(QUOTE)));
const FIVE_MB = 5 * 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const url = (name: string) => `${BASE}${name}`;

let tmp: string;
let server: FixtureServer;

/** A copy of the NYT article page with `scripts` (files in test/fixtures/pages/hostile/) first thing in its <head>. */
function articleWith(scripts: string[], extraBody = ""): string {
  const page = readFileSync(path.join(PAGES_DIR, "nyt/article.html"), "utf8");
  const inject = scripts
    .map((s) => `<script>\n${readFileSync(path.join(HOSTILE, s), "utf8")}</script>`)
    .join("\n");
  return page.replace("<head>", `<head>\n${inject}`).replace("</body>", `${extraBody}</body>`);
}

/** Run by the page when its parsing resumes: what the frames rendered while it waited held. */
const SLOW_SCRIPT = `window.__whileParsing = {
  readyState: document.readyState,
  ranges: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
};`;

/** The NYT article with a slow script halfway through its paragraphs: the browser renders the text
 *  so far while it waits, and the parse goes on after it. */
function halfway(): string {
  const page = readFileSync(path.join(PAGES_DIR, "nyt/article.html"), "utf8");
  const ends = [...page.matchAll(/<\/p>/g)].map((m) => (m.index ?? 0) + 4);
  const at = ends[Math.floor(ends.length * 0.5)] ?? page.length;
  return `${page.slice(0, at)}<script src="${url("slow.js")}"></script>${page.slice(at)}`;
}

/** Deterministic filler text: `bytes` characters of lorem-ish words (a small LCG picks them). */
function lorem(bytes: number, paragraph: (p: string) => string = (p) => p): string {
  const words =
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua".split(
      " ",
    );
  let seed = 42;
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    let p = "";
    for (let k = 0; k < 120; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      p += `${words[seed % words.length]} `;
    }
    const s = paragraph(p);
    parts.push(s);
    size += s.length;
  }
  return parts.join("\n");
}

function writePages(): FixtureRoute[] {
  tmp = mkdtempSync(path.join(os.tmpdir(), "e2e-hostile-"));
  const generated: Record<string, string> = {
    // 3 MB in one text node (a <pre>), then 2 MB of paragraphs: either shape alone is over the budget.
    "big.html":
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Big</title></head><body><h1>Archive dump</h1><pre>' +
      lorem(3 * 1024 * 1024) +
      "</pre>" +
      lorem(2 * 1024 * 1024, (p) => `<p>${p}</p>`) +
      "<script>window.pageLoaded = true;</script></body></html>",
    // The real article, then 5 MB of reader comments.
    "big-article.html": articleWith(
      [],
      `<div id="comments">${lorem(FIVE_MB, (p) => `<div class="comment"><p>${p}</p></div>`)}</div>`,
    ),
    "ticker.html": articleWith(["paint-probe.js", "ticker.js"]),
    "rewrite.html": articleWith(["paint-probe.js", "rewrite.js"]),
    "overrides.html": articleWith(["overrides.js"]),
    "forged.html": articleWith(["forged.js"]),
    "stop-ready.html": articleWith(["stop-ready.js"]),
    "halfway.html": halfway(),
  };
  const routes: FixtureRoute[] = [];
  const route = (name: string, file: string, expect: FixtureRoute["expect"], query = "", delayMs = 0) =>
    routes.push({
      url: url(name) + query,
      file: path.relative(PAGES_DIR, file),
      expect,
      kind: expect ? "article" : "related",
      variant: `hostile-${name.replace(/\.html$/, "")}`,
      title: name,
      headline: name,
      ...(delayMs ? { delayMs } : {}),
    });
  for (const [name, html] of Object.entries(generated)) {
    writeFileSync(path.join(tmp, name), html);
    route(name, path.join(tmp, name), name === "big.html" ? null : NYT);
  }
  // The script that stops halfway.html's parsing, answered 1.5 s late (written here: it is no page).
  writeFileSync(path.join(tmp, "slow.js"), SLOW_SCRIPT);
  route("slow.js", path.join(tmp, "slow.js"), null, "", 1500);
  for (const name of ["no-body.html", "frameset.html", "frame-nav.html"])
    route(name, path.join(HOSTILE, name), null);
  route("frame-nav.html", path.join(HOSTILE, "frame-nav.html"), null, "?main");
  return routes;
}

beforeAll(async () => {
  server = await startFixtureServer({ routes: [...loadRoutes(), ...writePages()] });
});
afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Console errors of a tab that name the extension (its scripts' URLs or its own words). */
function watchConsole(tab: Tab): string[] {
  const errors: string[] = [];
  const page = (tab as Tab & { page: PwPage | PpPage }).page;
  (page as PwPage).on("console", (m: { type(): string; text(): string }) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  return errors;
}
const ours = (lines: string[]) =>
  lines.filter((l) => /extension:\/\/|source.?annotator|content\.js|article\.js/i.test(l));

const countRanges = async (tab: Tab) =>
  Object.values(await tab.highlights()).reduce((n, r) => n + r.length, 0);
const paints = (tab: Tab) => tab.evaluate(() => (window as unknown as { __paints: number }).__paints);

describe.each(bothBrowsers(() => server.proxyPort))("%s", (name, launch) => {
  let driver: Driver;
  let tab: Tab;
  let consoleErrors: string[];
  const targets = () => payload(NYT).targets.length;

  beforeAll(async () => {
    driver = await launch();
    tab = await driver.newTab();
    consoleErrors = watchConsole(tab);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("a page without a body: status answers, no article, nothing thrown", async () => {
    await tab.goto(url("no-body.html"));
    expect(await tab.evaluate(() => (window as unknown as { pageLoaded?: boolean }).pageLoaded)).toBe(true);
    const s = await tab.status();
    expect(s?.ready).toBe(true);
    expect(s?.articleId).toBeNull();
    // content.js looked when parsing ended (it starts at document_start on a publisher's page), before the page
    // took its body away at DOMContentLoaded: it found an empty body, then nothing more to look at.
    expect(s?.score).toBe(0);
    expect(await tab.evaluate(() => document.body === null)).toBe(true);
  });

  it("a frameset page: status answers, no article, nothing thrown", async () => {
    await tab.goto(url("frameset.html"));
    const s = await tab.status();
    expect(s?.ready).toBe(true);
    expect(s?.articleId).toBeNull();
    expect(s?.score).toBe(0);
    expect(await tab.evaluate(() => document.body?.localName)).toBe("frameset");
  });

  it("5 MB of text: compares only the beginning, says so, and the page stays responsive", async () => {
    await tab.goto(url("big.html"));
    const loaded = Date.now();
    const s = await tab.status(20_000);
    const settled = Date.now() - loaded;
    expect(s?.ready).toBe(true);
    expect(s?.articleId).toBeNull();
    expect(s?.note).toBe(`page text over ${MAX_PAGE_CHARS} characters: only the beginning was compared`);
    const t0 = Date.now();
    expect(await tab.evaluate(() => 1 + 1)).toBe(2);
    const evalMs = Date.now() - t0;
    expect(evalMs).toBeLessThan(2000);
    console.log(`${name}: 5 MB page settled ${settled} ms after load; evaluate 1+1 took ${evalMs} ms`);
  });

  it("the article followed by 5 MB of comments: recognised, every target anchored, responsive", async () => {
    await tab.goto(url("big-article.html"));
    const s = await tab.status(20_000);
    const t0 = Date.now();
    expect(await tab.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s?.articleId).toBe(NYT);
    expect(s?.matchedBy).toBe("fingerprint");
    expect(s?.orphaned).toEqual([]);
    expect(s?.anchored).toBe(targets());
    console.log(`${name}: article + 5 MB anchored in ${Math.round(s?.timings?.anchorMs ?? -1)} ms`);
  });

  it("a ticker mutating the page every 10 ms outside the article, an ad slot between its paragraphs: no repaint; a re-render is still repainted", async () => {
    await tab.goto(url("ticker.html"));
    const s0 = (await tab.status()) as Status;
    expect(s0.articleId).toBe(NYT);
    expect(s0.anchored).toBe(targets());
    const n0 = await countRanges(tab);
    const [p0, k0] = [
      await paints(tab),
      await tab.evaluate(() => (window as unknown as { __ticks: number }).__ticks),
    ];
    const t0 = Date.now();
    await sleep(3000);
    const [p1, k1] = [
      await paints(tab),
      await tab.evaluate(() => (window as unknown as { __ticks: number }).__ticks),
    ];
    const secs = (Date.now() - t0) / 1000;
    // The ticker's box is outside the article and every target is placed: its changes touch no highlight's text,
    // so nothing is anchored or painted again (before, a pass a second or so, debounced, while it never settled).
    expect(p1 - p0).toBe(0);
    expect(k1 - k0, "the page's own 10 ms timer kept running").toBeGreaterThan(secs * 20);
    expect(await countRanges(tab)).toBe(n0);
    // An ad slot between two of the article's paragraphs, filled and emptied five times: under no highlight, so
    // again no repaint (before, each ad taken out of the article's element had cost a pass).
    await tab.evaluate(
      () =>
        new Promise<void>((done) => {
          const at = document.querySelectorAll(".articleBody p")[3] as Element;
          let k = 0;
          const turn = setInterval(() => {
            const ad = document.createElement("aside");
            ad.textContent = `Advertisement ${k}`;
            at.after(ad);
            setTimeout(() => ad.remove(), 50);
            if (++k === 5) {
              clearInterval(turn);
              setTimeout(done, 100);
            }
          }, 100);
        }),
    );
    await sleep(1500);
    expect(await paints(tab), "repaints after the ad slot's changes").toBe(p1);
    // The site re-renders the article (new nodes) while the ticker goes on: the highlights follow.
    await tab.evaluate(() => {
      const root = document.querySelector(".articleBody") as Element;
      root.replaceChildren(...[...root.childNodes].map((n) => n.cloneNode(true)));
    });
    await expect
      .poll(async () => quotePainted(await tab.highlights()), {
        timeout: 4000,
      })
      .toBe(true);
    const s1 = (await tab.status()) as Status;
    expect(s1.articleId).toBe(NYT);
    expect(s1.anchored).toBe(s0.anchored);
    expect(await countRanges(tab)).toBe(n0);
    console.log(`${name}: ticker — ${p1 - p0} repaints in ${secs.toFixed(1)} s, ${k1 - k0} ticks`);
    await tab.evaluate(() => (window as unknown as { __stopTicker(): void }).__stopTicker());
  });

  it("the article re-rendered every 50 ms: few repaints, none duplicated, right again once it settles", async () => {
    await tab.goto(url("rewrite.html"));
    const s0 = (await tab.status()) as Status;
    expect(s0.articleId).toBe(NYT);
    expect(s0.anchored).toBe(targets());
    const n0 = await countRanges(tab);
    const p0 = await paints(tab);
    const t0 = Date.now();
    await sleep(3000);
    const p1 = await paints(tab);
    const secs = (Date.now() - t0) / 1000;
    expect(p1 - p0).toBeLessThanOrEqual(Math.ceil(secs) + 1);
    expect(
      await tab.evaluate(() => (window as unknown as { __rewrites: number }).__rewrites),
    ).toBeGreaterThan(20);
    const s1 = (await tab.status()) as Status;
    expect(s1.articleId).toBe(NYT);
    expect(s1.anchored).toBe(s0.anchored);
    expect(await countRanges(tab)).toBe(n0);
    await tab.evaluate(() => (window as unknown as { __stopRewrite(): void }).__stopRewrite());
    await expect
      .poll(async () => quotePainted(await tab.highlights()), {
        timeout: 4000,
      })
      .toBe(true);
    expect(await countRanges(tab)).toBe(n0);
    console.log(`${name}: rewrite — ${p1 - p0} repaints in ${secs.toFixed(1)} s`);
  });

  it("a hydration (the article's element replaced by a copy of itself, in one task or in two): its overlays are back in the next frame", async () => {
    for (const [id, selector, twoTasks] of [
      ["csm-libya-2011-04-01", "article", false],
      [NYT, ".articleBody", false],
      ["csm-libya-2011-04-01", "article", true],
    ] as const) {
      await tab.goto(canonical(id));
      const s = (await tab.status()) as Status;
      expect(s.articleId).toBe(id);
      // The page's own doing: the element replaced in one task, or taken out in one and its copy put back in the
      // next; the texts under the highlights read in the callback of the frame after. A browser keeps a live range
      // whose nodes are taken out, collapsed where they were: only ranges that still hold text count.
      const { before, after } = await tab.evaluateWith(
        ({ root, inTwo }: { root: string; inTwo: boolean }) =>
          new Promise<{ before: string[]; after: string[] }>((resolve) => {
            const held = () =>
              [...(CSS.highlights as unknown as Map<string, Set<Range>>).values()]
                .flatMap((h) => [...h])
                .filter((r) => !r.collapsed && r.startContainer.isConnected)
                .map((r) => r.toString())
                .sort();
            const was = held();
            const el = document.querySelector(root) as Element;
            const copy = el.cloneNode(true);
            const done = () => requestAnimationFrame(() => resolve({ before: was, after: held() }));
            if (!inTwo) {
              el.replaceWith(copy);
              return done();
            }
            const [parent, next] = [el.parentNode as Node, el.nextSibling];
            el.remove();
            setTimeout(() => {
              parent.insertBefore(copy, next);
              done();
            }, 0);
          }),
        { root: selector, inTwo: twoTasks },
      );
      expect(before).toHaveLength(s.anchored);
      expect(
        after,
        `${id}${twoTasks ? " in two tasks" : ""}: the highlights' texts in the frame after`,
      ).toEqual(before);
    }
  });

  it("the page's own built-ins broken before the content script runs: recognised and painted all the same", async () => {
    await tab.goto(url("overrides.html"));
    const s = (await tab.status()) as Status;
    expect(s.articleId).toBe(NYT);
    expect(s.matchedBy).toBe("fingerprint");
    expect(s.orphaned).toEqual([]);
    expect(s.anchored).toBe(targets());
    expect(s.highlightsVisible).toBe(true);
    // Read the highlights from the page's world once its built-ins are back (the reading helper needs them).
    expect(
      await tab.evaluate(() => (window as unknown as { __hostileBuiltins: number }).__hostileBuiltins),
    ).toBeGreaterThan(20);
    expect(
      await tab.evaluate(() => (window as unknown as { __restoreBuiltins(): boolean }).__restoreBuiltins()),
    ).toBe(true);
    const h = await tab.evaluate(highlightsInPage);
    expect(quotePainted(h)).toBe(true);
    const painted = Object.values(h).reduce((n, r) => n + r.length, 0);
    expect(painted).toBe(s.anchored);
  });

  it("a page that stops the events saying parsing is over: recognised and painted all the same", async () => {
    await tab.goto(url("stop-ready.html"));
    const s = (await tab.status()) as Status;
    expect(s.articleId).toBe(NYT);
    expect(s.anchored).toBe(targets());
    expect(await countRanges(tab)).toBe(s.anchored);
  });

  it("a page whose parsing stops halfway: the frames rendered while it waits hold the overlays of the text so far; a paragraph rebuilt after it is painted again", async () => {
    await tab.goto(url("halfway.html"));
    const s = (await tab.status()) as Status;
    expect(s.articleId).toBe(NYT);
    expect(s.anchored).toBe(targets());
    const during = await tab.evaluate(
      () => (window as unknown as { __whileParsing?: { readyState: string; ranges: number } }).__whileParsing,
    );
    expect(during?.readyState).toBe("loading");
    expect(during?.ranges).toBeGreaterThan(0);
    expect(during?.ranges).toBeLessThan(s.anchored);
    // Parsing over, the page rebuilds the quote's paragraph: its highlight follows (the page's changes are
    // observed again once the pass at the end of parsing has started).
    expect(quotePainted(await tab.highlights())).toBe(true);
    const rebuilt = await tab.evaluateWith((quote: string) => {
      const p = [...document.querySelectorAll("p")].find((e) => e.textContent?.includes(quote));
      if (!p) return false;
      p.textContent = `${p.textContent}`;
      return true;
    }, QUOTE);
    expect(rebuilt).toBe(true);
    await expect.poll(async () => quotePainted(await tab.highlights()), { timeout: 5000 }).toBe(true);
    expect(await countRanges(tab)).toBe(s.anchored);
  });

  it("forged messages, events and shortcuts from the page: nothing happens", async () => {
    await tab.goto(url("forged.html"));
    const s0 = (await tab.status()) as Status;
    expect(s0.articleId).toBe(NYT);
    const h0 = await tab.highlights();
    await expect
      .poll(() => tab.evaluate(() => (window as unknown as { __forgedDone?: boolean }).__forgedDone), {
        timeout: 5000,
      })
      .toBe(true);
    await sleep(500);
    const forged = await tab.evaluate(
      () =>
        (
          window as unknown as {
            __forged: {
              rounds: number;
              posted: number;
              runtime: string;
              sendMessage: string[];
              clicked?: boolean;
            };
          }
        ).__forged,
    );
    expect(forged.rounds).toBe(15);
    expect(forged.clicked, "the page clicked on a highlight").toBe(true);
    // A page has no runtime to send with: every attempt threw (TypeError) in the page, not in the extension.
    expect(forged.runtime).toBe("undefined");
    expect(forged.sendMessage.every((r) => r === "TypeError")).toBe(true);
    const s1 = (await tab.status()) as Status;
    for (const k of [
      "articleId",
      "matchedBy",
      "score",
      "anchored",
      "orphaned",
      "highlightsVisible",
      "note",
    ] as const)
      expect(s1[k], k).toEqual(s0[k]);
    expect(await tab.highlights()).toEqual(h0);
    expect(await openCard(tab), "no card opened").toBeNull();
    expect(
      await tab.evaluate(() =>
        [...document.querySelectorAll("iframe")].map((f) => f.src).filter((s) => !s.startsWith("http")),
      ),
      "no sidebar opened",
    ).toEqual([]);
    expect((await uiOf(tab))?.frame ?? false).toBe(false);
  });

  it("no page errors and no console errors from the extension on any of these pages", () => {
    expect(tab.errors).toEqual([]);
    expect(ours(consoleErrors)).toEqual([]);
  });
});
