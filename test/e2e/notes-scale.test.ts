// The notes page with a few thousand notes, in both browsers, driven as a reader drives it (trusted input): only
// the notes near the viewport are in the DOM, each saying where it is in the whole list; the mouse wheel scrolls
// through it; the keyboard moves from note to note to the last one (End), far outside what was rendered; a search
// finds that far note; Export all notes downloads every note as a valid W3C collection — larger than one message
// carries (LIMITS.messagePart), so it travels in parts. The notes are seeded by one import message (setup).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysedId } from "../../src/analysis/types";
import { LIMITS } from "../../src/model/limits";
import type { Note } from "../../src/model/notes";
import { exportCollection } from "../../src/notes/w3c";
import { collectionFailures, failures, loadAssertions } from "../notes/w3c-validator";
import type { Driver, Tab } from "./drivers";
import { bothBrowsers } from "./drivers";
import { ARTIFACTS, catchDownloads, caughtDownloads, fixtureServerForFile } from "./helpers";

const NOTES = 3_000;
/** Long bodies, so the export (about 11 M characters) is larger than one message may carry. */
const FILLER = "a long comment on the claim, its source and what to check next; ".repeat(55);
const FAR_WORD = "xylophone";

/** 3,000 notes on three analysed pages (1,000 each, within the per-article limit), one minute apart. */
function seedFile(): string {
  const pages = [0, 1, 2].map((k) => `https://news.example.org/analysed/story-${k}.html`);
  const notes: Note[] = Array.from({ length: NOTES }, (_, i) => {
    const url = pages[i % 3] as string;
    const iso = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const exact = `the passage of note ${i}`;
    return {
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      articleId: analysedId(url),
      url,
      target: { exact, prefix: "", suffix: "", start: i, end: i + 20 },
      // The oldest note — the last in the list, newest first — has the word no other has.
      body: `Note number ${i}${i === 0 ? ` about the ${FAR_WORD}` : ""}: ${FILLER}`,
      created: iso,
      modified: iso,
    };
  });
  return JSON.stringify(exportCollection(notes, { articles: {} }));
}

/** A notes operation sent from the page itself (seeding only). */
function sendNotes(op: unknown): Promise<{ ok: boolean; value?: unknown; message?: string }> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  return (g.browser ?? g.chrome).runtime.sendMessage({ type: "notes", op });
}

/** The rows in the DOM: how many, and their places in the whole list. */
const rows = () => {
  const li = [...document.querySelectorAll("[data-testid=note]")];
  return {
    count: li.length,
    setsize: li[0]?.getAttribute("aria-setsize") ?? null,
    first: Number(li[0]?.getAttribute("aria-posinset")),
    last: Number(li.at(-1)?.getAttribute("aria-posinset")),
  };
};

/** The place of the first note whose heading is wholly on screen. */
const firstOnScreen = () => {
  const li = [...document.querySelectorAll("[data-testid=note]")].find((e) => {
    const r = e.querySelector("[data-testid=note-article]")?.getBoundingClientRect();
    return r && r.top >= 40 && r.bottom <= window.innerHeight - 40;
  });
  return Number(li?.getAttribute("aria-posinset"));
};

/** The note whose article has the focus: its place and its text. */
const focused = () => {
  const li = document.activeElement?.closest("[data-testid=note]");
  return li
    ? {
        at: Number(li.getAttribute("aria-posinset")),
        body: li.querySelector("[data-testid=note-text]")?.textContent?.slice(0, 40) ?? "",
        isArticle: document.activeElement?.tagName === "ARTICLE",
      }
    : null;
};

const textOf = (testId: string) => document.querySelector(`[data-testid=${testId}]`)?.textContent ?? null;

const fixtures = fixtureServerForFile();

describe.each(bothBrowsers(() => fixtures.server.proxyPort))("%s", (name, launch) => {
  let driver: Driver;
  let page: Tab;
  beforeAll(async () => {
    driver = await launch();
    page = await driver.openExtensionPage("notes.html");
    const r = await page.evaluateWith(sendNotes, { op: "import", text: seedFile() });
    expect(r).toMatchObject({ ok: true, value: { added: NOTES } });
    // The open page hears of the three articles' new notes and reads them (no reload).
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("lists every note with only those near the viewport in the DOM, and the wheel scrolls through them", async () => {
    await expect.poll(() => page.evaluateWith(textOf, "count"), { timeout: 60_000 }).toBe("3,000 notes.");
    const atFirst = await page.evaluate(rows);
    expect(atFirst.setsize).toBe("3000");
    expect(atFirst.first).toBe(1);
    expect(atFirst.count).toBeLessThan(100);
    // The pointer over the list, then the wheel: about 15 notes' worth.
    const [box] = await page.locate({ page: "[data-testid=note]" });
    if (!box) throw new Error("no note on screen");
    await page.moveTo({ x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 40) });
    await page.pause();
    await page.wheel(6_000);
    await expect.poll(async () => (await page.evaluate(rows)).first).toBeGreaterThan(5);
    const scrolled = await page.evaluate(rows);
    expect(scrolled.count).toBeLessThan(100);
    expect(scrolled.last - scrolled.first + 1).toBe(scrolled.count);
    await page.screenshot(`${ARTIFACTS}/${name}-notes-scale-wheel.png`, true);
  });

  it("the keyboard moves from note to note, and End reaches the last of 3,000", async () => {
    const first = await page.evaluate(firstOnScreen);
    // A click on a note's heading puts the focus on that note.
    await page.click({ page: `[data-testid=note][aria-posinset="${first}"] [data-testid=note-article]` });
    await expect.poll(() => page.evaluate(focused)).toMatchObject({ at: first, isArticle: true });
    await page.pause();
    await page.press("ArrowDown");
    await expect.poll(() => page.evaluate(focused)).toMatchObject({ at: first + 1 });
    await page.pause();
    await page.press("End");
    await expect
      .poll(() => page.evaluate(focused), { timeout: 20_000 })
      .toEqual({ at: NOTES, body: `Note number 0 about the ${FAR_WORD}: a lon`, isArticle: true });
    const atEnd = await page.evaluate(rows);
    expect(atEnd.last).toBe(NOTES);
    expect(atEnd.count).toBeLessThan(100);
    await page.pause();
    await page.press("ArrowUp");
    await expect.poll(() => page.evaluate(focused)).toMatchObject({ at: NOTES - 1 });
    await page.pause();
    await page.press("Home");
    await expect.poll(() => page.evaluate(focused), { timeout: 20_000 }).toMatchObject({ at: 1 });
    await page.screenshot(`${ARTIFACTS}/${name}-notes-scale-keys.png`, true);
  });

  it("a search finds the far note; Export all notes downloads all 3,000, valid, in parts", async () => {
    await page.click({ page: "[data-testid=search]" });
    await page.type(FAR_WORD);
    await expect.poll(() => page.evaluateWith(textOf, "count")).toBe("Showing 1 of 3,000 notes.");
    // (Once the reader stops typing: a pause mid-word may show the first letters' search for a moment.)
    await expect
      .poll(() => page.evaluate(() => document.querySelector("[data-testid=note] mark")?.textContent))
      .toBe(FAR_WORD);
    await page.evaluate(catchDownloads);
    await page.pause();
    await page.click({ page: "[data-testid=export-all]" });
    await expect
      .poll(() => page.evaluateWith(textOf, "report-text"), { timeout: 60_000 })
      .toMatch(/^Exported 3,000 notes to source-annotator-notes-.*\.jsonld\.$/);
    await expect
      .poll(async () => (await page.evaluate(caughtDownloads))[0]?.text, { timeout: 30_000 })
      .toBeTruthy();
    const text = (await page.evaluate(caughtDownloads))[0]?.text as string;
    expect(text.length).toBeGreaterThan(LIMITS.messagePart);
    const collection = JSON.parse(text);
    expect(collection.total).toBe(NOTES);
    expect(collection.first.items).toHaveLength(NOTES);
    expect(collectionFailures(collection)).toEqual([]);
    const musts = loadAssertions();
    for (const item of [collection.first.items[0], collection.first.items.at(-1)])
      expect(failures(musts, item)).toEqual([]);
    expect(collection.first.items.at(-1).body.value).toContain(FAR_WORD);
    expect(page.errors).toEqual([]);
  });
});
