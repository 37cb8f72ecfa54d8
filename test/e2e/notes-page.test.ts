// End to end, Chromium and Firefox: the notes page (notes.html). From a fresh profile: the empty state, notes
// written through the notes service appear live, with their passage, article, dates and a link to the passage;
// search by a word of the note and of the passage, filter by article, sort by date; export (the op and the
// buttons); the options page's and the popup's buttons open the page. Then, in a second fresh profile, import
// through the page's file input: lossless, again (all duplicates), a malformed file (a clear message, nothing
// changed), and a file with a bad item (its reason listed).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Note } from "../../src/model/notes";
import type { NoteDraft } from "../../src/model/protocol";
import type { AnnotationCollection } from "../../src/notes/w3c";
import type { Driver, Tab } from "./drivers";
import { bothBrowsers } from "./drivers";
import {
  ARTIFACTS,
  canonical,
  catchDownloads,
  caughtDownloads,
  chooseOption,
  fixtureServerForFile,
  payload,
} from "./helpers";

const NYT = "nyt-libya-2011-07";
const WT = "wt-libya-2011-04";
const CSM = "csm-libya-2011-04-01";

/** A passage of the article (a real highlight target) whose text contains `words`. */
function draft(articleId: string, words: string): NoteDraft {
  const t = payload(articleId).targets.find((x) => x.kind !== "crossref" && x.target.exact.includes(words));
  if (!t) throw new Error(`no passage with “${words}” in ${articleId}`);
  return { articleId, url: canonical(articleId), target: t.target };
}

/** The notes written in the first profile, in the order they are written. */
const SEEDS = [
  { draft: draft(NYT, "misconstrued"), body: "Check whether Reuters ran the full interview.\nAsk the desk." },
  {
    draft: draft(WT, "There will be no going back"),
    body: "Who is the unnamed official? <b>not bold</b> & “curly” — GADHAFI as spelled here.",
  },
  { draft: draft(CSM, "cease-fire if the Libyan leader"), body: "Compare these cease-fire terms: zebra." },
  { draft: draft(NYT, "The N.T.C. has at all times"), body: "Long statement; ünïcode check 🙂 — tarragon." },
];

// ---- Run in the page -------------------------------------------------------------------------------------

/** A notes operation sent from the page itself, as the page does (Chromium: chrome.*, Firefox: browser.*). */
function sendNotes(op: unknown): Promise<{ ok: boolean; value?: unknown; message?: string }> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  return (g.browser ?? g.chrome).runtime.sendMessage({ type: "notes", op });
}

/** The ids of the listed notes, in order. */
const listedIds = () =>
  [...document.querySelectorAll("[data-testid=note]")].map((li) => li.getAttribute("data-note-id"));

const textOf = (testId: string) => document.querySelector(`[data-testid=${testId}]`)?.textContent ?? null;

/** What each listed note shows. */
const shown = () =>
  [...document.querySelectorAll("[data-testid=note]")].map((li) => ({
    id: li.getAttribute("data-note-id"),
    article: li.querySelector("[data-testid=note-article]")?.textContent,
    quote: li.querySelector("[data-testid=note-quote]")?.textContent,
    body: li.querySelector("[data-testid=note-text]")?.textContent,
    bodyElements: li.querySelector("[data-testid=note-text]")?.querySelectorAll(":not(mark)").length,
    dates: li.querySelector("[data-testid=note-dates]")?.textContent,
    href: li.querySelector<HTMLAnchorElement>("[data-testid=note-open]")?.href,
    marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
  }));

/** How many notes pages are open in tabs (the options page and the popup have a button that opens one). */
function notesTabs(): number {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  return (g.browser ?? g.chrome).extension
    .getViews({ type: "tab" })
    .filter((w) => w.location.pathname === "/notes.html").length;
}

// ---- A reader's hands (trusted input, see drivers.ts) ----------------------------------------------------

/** Click into the search field, select what is there and type over it (or delete it). */
async function search(t: Tab, value: string): Promise<void> {
  await t.click({ page: "[data-testid=search]" });
  await t.press("Control+A");
  if (value) await t.type(value);
  else await t.press("Backspace");
}

const choose = (t: Tab, testId: string, value: string) => chooseOption(t, testId, value);

const click = async (t: Tab, testId: string) => {
  await t.pause();
  await t.click({ page: `[data-testid=${testId}]` });
};

// ---------------------------------------------------------------------------------------------------------

const fixtures = fixtureServerForFile();
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "e2e-notes-page-"));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(bothBrowsers(() => fixtures.server.proxyPort))("%s", (name, launch) => {
  let driver: Driver;
  let page: Tab;
  /** A second browser with a fresh profile, for the import. */
  let other: Driver | undefined;
  let otherPage: Tab;
  const notes: Note[] = [];
  let exported = "";
  const ids = () => page.evaluate(listedIds);

  beforeAll(async () => {
    driver = await launch();
    page = await driver.openExtensionPage("notes.html");
  });
  afterAll(async () => {
    await other?.close();
    await driver?.close();
  });

  it("a fresh profile: the empty state says how to write a note", async () => {
    await expect.poll(() => page.evaluateWith(textOf, "empty")).toContain("Alt+Shift+M");
    const empty = (await page.evaluateWith(textOf, "empty")) as string;
    expect(empty).toContain("“Note” button");
    expect(empty).toContain("“Add note” in the context menu");
    expect(
      await page.evaluate(
        () => (document.querySelector("[data-testid=export-all]") as HTMLButtonElement).disabled,
      ),
    ).toBe(true);
  });

  it("notes written through the notes service appear live, each with passage, article, dates and link", async () => {
    for (const s of SEEDS) {
      const r = await page.evaluateWith(sendNotes, { op: "add", draft: s.draft, body: s.body });
      expect(r.ok, r.message).toBe(true);
      notes.push(r.value as Note);
      await new Promise((r) => setTimeout(r, 30)); // distinct timestamps
    }
    // Edit the first: the order by last edit differs from the order of writing.
    const edited = await page.evaluateWith(sendNotes, {
      op: "update",
      id: notes[0]?.id,
      body: `${SEEDS[0]?.body} Updated.`,
    });
    expect(edited.ok, edited.message).toBe(true);
    notes[0] = edited.value as Note;
    const [n1, n2, n3, n4] = notes.map((n) => n.id) as [string, string, string, string];

    // No reload: the page follows the "notes-changed" messages.
    await expect.poll(ids).toEqual([n1, n4, n3, n2]);
    expect(await page.evaluateWith(textOf, "count")).toBe("4 notes.");
    const items = await page.evaluate(shown);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    // The CSM article's known https address, with a text fragment of the first and last words; the others
    // have no known address: the page the note was written on.
    expect(byId[n3]?.article).toBe(
      "The Christian Science Monitor: “Libyan rebels offer cease-fire. Does Qaddafi have the upper hand?”",
    );
    expect(byId[n3]?.href).toBe(
      "https://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand#:~:text=rebel%20forces%20would%20agree,and%20allowed%20peaceful%20protests.",
    );
    expect(byId[n1]?.article).toBe("The New York Times, about Jul 4 2011");
    expect(byId[n1]?.href).toBe(
      `${canonical(NYT)}#:~:text=his%20hypothetical%20remarks%20in,a%20current%20policy%20position.`,
    );
    expect(byId[n2]?.href).toBe(
      `${canonical(WT)}#:~:text=There%20will%20be%20no,blood%20has%20been%20spilled`,
    );
    expect(byId[n2]?.quote).toBe(SEEDS[1]?.draft.target.exact);
    // Text, never markup.
    expect(byId[n2]?.body).toBe(SEEDS[1]?.body);
    expect(byId[n2]?.bodyElements).toBe(0);
    expect(byId[n1]?.body).toBe(`${SEEDS[0]?.body} Updated.`);
    // A long passage is cut to about 240 characters.
    expect(SEEDS[3]?.draft.target.exact.length).toBeGreaterThan(400);
    expect(byId[n4]?.quote?.length).toBeLessThanOrEqual(242);
    expect(byId[n4]?.quote?.endsWith("…")).toBe(true);
    // Dates: written, and edited for the edited note only.
    expect(byId[n1]?.dates).toMatch(
      /^Written \w{3} \d{1,2} \d{4}, \d{2}:\d{2} · edited \w{3} \d{1,2} \d{4}, \d{2}:\d{2}$/,
    );
    expect(byId[n2]?.dates).toMatch(/^Written \w{3} \d{1,2} \d{4}, \d{2}:\d{2}$/);
  });

  it("search finds a note by a word of its body and by a word of its passage, with the matches marked", async () => {
    const [n1, n2, , n4] = notes.map((n) => n.id);
    await search(page, "tarragon");
    await expect.poll(ids).toEqual([n4]);
    expect((await page.evaluate(shown))[0]?.marks).toEqual(["tarragon"]);
    expect(await page.evaluateWith(textOf, "count")).toBe("Showing 1 of 4 notes.");

    await search(page, "misconstrued");
    await expect.poll(ids).toEqual([n1]);
    expect((await page.evaluate(shown))[0]?.marks).toEqual(["misconstrued"]);

    // Case folded: "gadhafi" finds "GADHAFI" (in the WT note's body only).
    await search(page, "gadhafi");
    await expect.poll(ids).toEqual([n2]);
    expect((await page.evaluate(shown))[0]?.marks).toEqual(["GADHAFI"]);

    // A word deep in the long passage: the excerpt moves to show it.
    await search(page, "tarragon warrant");
    await expect.poll(ids).toEqual([n4]);
    const [deep] = await page.evaluate(shown);
    expect(deep?.marks).toEqual(["warrant", "tarragon"]);
    expect(deep?.quote).toMatch(/^….*arrest warrant/s);

    await search(page, "nowhere-to-be-found");
    await expect
      .poll(() => page.evaluateWith(textOf, "no-match"))
      .toBe("No note matches “nowhere-to-be-found”.");
    await search(page, "");
    await expect.poll(ids).toHaveLength(4);
  });

  it("filters by article and sorts by date", async () => {
    const [n1, n2, n3, n4] = notes.map((n) => n.id);
    const options = await page.evaluate(() =>
      [...document.querySelectorAll("[data-testid=article-filter] option")].map(
        (o) => (o as HTMLOptionElement).value,
      ),
    );
    expect(options.sort()).toEqual(["", CSM, NYT, WT].sort());
    await choose(page, "article-filter", NYT);
    await expect.poll(ids).toEqual([n1, n4]);
    expect(await page.evaluate(() => Boolean(document.querySelector("[data-testid=export-article]")))).toBe(
      true,
    );
    await choose(page, "sort", "created-desc");
    await expect.poll(ids).toEqual([n4, n1]);
    await choose(page, "article-filter", "");
    await expect.poll(ids).toEqual([n4, n3, n2, n1]);
    await choose(page, "sort", "created-asc");
    await expect.poll(ids).toEqual([n1, n2, n3, n4]);
    await choose(page, "sort", "modified-asc");
    await expect.poll(ids).toEqual([n2, n3, n4, n1]);
    await choose(page, "sort", "modified-desc");
    await expect.poll(ids).toEqual([n1, n4, n3, n2]);
    expect(await page.evaluate(() => Boolean(document.querySelector("[data-testid=export-article]")))).toBe(
      false,
    );
  });

  it("exports every note as one AnnotationCollection: the op, and the buttons' downloads", async () => {
    const r = await page.evaluateWith(sendNotes, { op: "export" });
    expect(r.ok, r.message).toBe(true);
    exported = r.value as string;
    const collection = JSON.parse(exported) as AnnotationCollection;
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(4);
    expect(collection.first?.items).toHaveLength(4);

    await page.evaluate(catchDownloads);
    await click(page, "export-all");
    await expect.poll(() => page.evaluateWith(textOf, "report-text")).toMatch(/^Exported 4 notes to /);
    await expect.poll(async () => (await page.evaluate(caughtDownloads))[0]?.text).toBeTruthy();
    const [all] = await page.evaluate(caughtDownloads);
    expect(all?.name).toMatch(/^source-annotator-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
    expect(all?.inDocument).toBe(true);
    expect((JSON.parse(all?.text as string) as AnnotationCollection).total).toBe(4);

    await choose(page, "article-filter", NYT);
    await expect.poll(ids).toHaveLength(2);
    await click(page, "export-article");
    await expect.poll(async () => (await page.evaluate(caughtDownloads))[1]?.text).toBeTruthy();
    const [, one] = await page.evaluate(caughtDownloads);
    expect(one?.name).toMatch(new RegExp(`^source-annotator-notes-${NYT}-\\d{4}-\\d{2}-\\d{2}\\.jsonld$`));
    const c = JSON.parse(one?.text as string) as AnnotationCollection;
    expect(c.total).toBe(2);
    expect(c.first?.items.every((a) => a["sa:articleId"] === NYT)).toBe(true);
    expect(await page.evaluateWith(textOf, "live")).toMatch(/^Exported 2 notes to /);
    await choose(page, "article-filter", "");
    await search(page, "cease");
    await expect.poll(ids).toHaveLength(1);
    await page.screenshot(`${ARTIFACTS}/${name}-notes-page.png`);
    await search(page, "");
    expect(page.errors).toEqual([]);
  });

  it.each(["options.html", "popup.html"])("%s has a button that opens the notes page", async (path) => {
    const from = await driver.openExtensionPage(path);
    await expect
      .poll(() => from.evaluate(() => Boolean(document.querySelector("[data-testid=open-notes]"))))
      .toBe(true);
    const before = await from.evaluate(notesTabs);
    await click(from, "open-notes");
    await expect.poll(() => from.evaluate(notesTabs)).toBe(before + 1);
    await from.close();
  });

  describe("import into a fresh profile, through the page's file input", () => {
    const file = (n: string, content: string) => {
      const p = join(dir, `${name}-${n}`);
      writeFileSync(p, content);
      return p;
    };
    const all = async (t: Tab) => {
      const r = await t.evaluateWith(sendNotes, { op: "all" });
      expect(r.ok, r.message).toBe(true);
      return (r.value as Note[]).sort((a, b) => (a.id < b.id ? -1 : 1));
    };
    const report = () => otherPage.evaluateWith(textOf, "report-text");
    const rejected = () =>
      otherPage.evaluate(() =>
        [...document.querySelectorAll("[data-testid=rejected] li")].map((li) => li.textContent),
      );

    beforeAll(async () => {
      other = await launch();
      otherPage = await other.openExtensionPage("notes.html");
    });

    it("imports every note, identical to the originals", async () => {
      await expect.poll(() => otherPage.evaluateWith(textOf, "empty")).toBeTruthy();
      await otherPage.upload("[data-testid=import]", file("notes.jsonld", exported));
      await expect.poll(report).toBe("Imported 4 notes, skipped 0 duplicates, rejected 0.");
      await expect.poll(() => otherPage.evaluate(listedIds)).toEqual(await ids());
      expect(await all(otherPage)).toEqual(await all(page));
      expect(await otherPage.evaluate(shown)).toEqual(await page.evaluate(shown));
    });

    it("importing the same file again reports every note as a duplicate", async () => {
      await otherPage.upload("[data-testid=import]", file("notes.jsonld", exported));
      await expect.poll(report).toBe("Imported 0 notes, skipped 4 duplicates, rejected 0.");
      expect(await all(otherPage)).toEqual(await all(page));
    });

    it("a malformed file: a clear message, nothing changed", async () => {
      await otherPage.upload(
        "[data-testid=import]",
        file("broken.jsonld", '{"type": "AnnotationCollection", '),
      );
      await expect
        .poll(report)
        .toMatch(/^“[^”]*broken\.jsonld” could not be imported: not JSON: .* Nothing was changed\.$/);
      expect(await rejected()).toEqual([]);
      expect(await all(otherPage)).toEqual(await all(page));
      await otherPage.upload(
        "[data-testid=import]",
        file("other.json", JSON.stringify({ type: "Person", name: "x" })),
      );
      await expect
        .poll(report)
        .toMatch(/could not be imported: type "Person" is not Annotation.* Nothing was changed\.$/);
      expect(await all(otherPage)).toEqual(await all(page));
    });

    it("a file with a bad item: the good ones are imported, the bad one listed with its reason", async () => {
      const c = JSON.parse(exported) as AnnotationCollection;
      const items = c.first?.items ?? [];
      delete (items[0] as Partial<(typeof items)[0]>).target;
      (items[1] as { id: string }).id = "urn:uuid:0b8c1a52-7f0e-4d6a-9a51-3f4a2b1c0d9e";
      await otherPage.upload("[data-testid=import]", file("partial.jsonld", JSON.stringify(c)));
      await expect.poll(report).toBe("Imported 1 note, skipped 2 duplicates, rejected 1.");
      expect(await rejected()).toEqual(["Item 1: it has no target."]);
      await expect.poll(() => otherPage.evaluate(listedIds)).toHaveLength(5);
      await otherPage.screenshot(`${ARTIFACTS}/${name}-notes-page-import.png`);
      expect(otherPage.errors).toEqual([]);
    });
  });
});
