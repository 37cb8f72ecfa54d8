// End to end, Chromium and Firefox: tags and colours, Markdown export, import from Hypothesis.
// In one profile: write two notes on the CSM article from the keyboard (body, tags typed with completion, the colour
// radio group by arrow keys, Save); the sidebar shows and filters them by colour; the popup's colour switches are
// saved; the notes page filters by tag and its search finds tags; export W3C and Markdown. In a fresh profile:
// import the W3C file (nothing lost: tags and colours included), then the two Hypothesis samples, whose notes
// are placed on the article's page. axe finds nothing in the editor with tags, nor on the notes page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NoteColour, noteColourStyle } from "../../src/model/colours";
import type { MarkdownFile, Note } from "../../src/model/notes";
import type { AnnotationCollection } from "../../src/notes/w3c";
import { bothBrowsers, type Driver, type Tab } from "./drivers";
import { ARTIFACTS, canonical, chooseOption, fixtureServerForFile, uiOf } from "./helpers";

const CSM = "csm-libya-2011-04-01";
const SIDEBAR = "sidebar.html";
const FIRST = "rebel forces would agree to a cease-fire";
const SECOND = "There has been increasing evidence recently that the sons want a way out.";
const HYPOTHESIS = (name: string) => join("test/fixtures/hypothesis", name);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// ---- Run in the page -------------------------------------------------------------------------------------

function sendNotes(op: unknown): Promise<{ ok: boolean; value?: unknown; message?: string }> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  return (g.browser ?? g.chrome).runtime.sendMessage({ type: "notes", op });
}

function settings(): Promise<unknown> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  return (g.browser ?? g.chrome).storage.local.get("settings");
}

/** The sidebar's listed notes: body, tags, colour name. */
const sidebarList = () =>
  [...document.querySelectorAll("[data-testid=note]")].map((li) => ({
    body: li.querySelector("[data-testid=note-text]")?.textContent,
    tags: [...li.querySelectorAll("[data-testid=note-tags] li")].map((t) => t.textContent),
    colour: li.querySelector("[data-testid=note-colour]")?.textContent?.trim(),
  }));

const focused = () => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName;

const textOf = (testId: string) => document.querySelector(`[data-testid=${testId}]`)?.textContent ?? null;
const listedBodies = () =>
  [...document.querySelectorAll("[data-testid=note] [data-testid=note-text]")].map((e) => e.textContent);

async function runAxe(): Promise<{ rule: string; targets: string[] }[]> {
  const api = (
    window as unknown as { axe: { run(c: unknown, o: unknown): Promise<import("axe-core").AxeResults> } }
  ).axe;
  const r = await api.run(document, { resultTypes: ["violations"] });
  return r.violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
}

// ---------------------------------------------------------------------------------------------------------

const fixtures = fixtureServerForFile();
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "e2e-notes-tags-"));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(bothBrowsers(() => fixtures.server.proxyPort))("%s", (name, launch) => {
  let driver: Driver;
  let tab: Tab;
  let notesPage: Tab;
  let other: Driver | undefined;
  let exported = "";
  let original: Note[] = [];
  /** axe's source as a function, so that it is evaluated over the protocol (extension pages' CSP allows no eval). */
  const injectAxe = new Function(`${AXE_SOURCE}\nreturn true;`) as () => boolean;

  const all = async (t: Tab) => {
    const r = await t.evaluateWith(sendNotes, { op: "all" });
    expect(r.ok, r.message).toBe(true);
    return (r.value as Note[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  };
  const inSidebar = <T>(fn: () => T) => tab.inFrame(SIDEBAR, fn, null);

  beforeAll(async () => {
    driver = await launch();
    tab = await driver.newTab();
  });
  afterAll(async () => {
    await other?.close();
    await driver?.close();
  });

  /** Select `passage`, choose the Note button, and wait for the editor's focus. */
  async function openEditor(passage: string) {
    // The reader's own hand: a mouse selection, then the ✎ Note button beside it.
    await tab.pause();
    await tab.select({ text: passage });
    await tab.pause();
    await tab.click({ ui: ".note-button" });
    await expect.poll(() => tab.inFrame(SIDEBAR, focused, null).catch(() => null)).toBe("note-body");
  }

  it("tags and colours a note from the keyboard: body, Tab, tags with Enter, Tab, arrows in the colours, Tab, Enter", async () => {
    await tab.goto(canonical(CSM));
    expect((await tab.status())?.articleId).toBe(CSM);
    await openEditor(FIRST);
    await tab.type("Terms of the cease-fire.");
    await tab.press("Tab");
    expect(await inSidebar(focused)).toBe("tag-input");
    await tab.type("ceasefire");
    await tab.press("Enter");
    await tab.type("NTC,");
    await expect.poll(() => tab.inFrame(SIDEBAR, textOf, "editor-tags")).toBe("ceasefire×NTC×");
    // The remove buttons say what they remove.
    expect(
      await inSidebar(() =>
        [...document.querySelectorAll("[data-testid=editor-tags] button")].map((b) =>
          b.getAttribute("aria-label"),
        ),
      ),
    ).toEqual(["Remove tag ceasefire", "Remove tag NTC"]);
    await tab.press("Tab");
    expect(await inSidebar(focused)).toBe("colour-rose");
    await tab.press("ArrowRight");
    await expect.poll(() => inSidebar(focused)).toBe("colour-violet");
    expect(
      await inSidebar(
        () => (document.querySelector("[data-testid=colour-violet]") as HTMLInputElement).checked,
      ),
    ).toBe(true);

    // axe, with the editor open and tags in it.
    await tab.inFrame(SIDEBAR, injectAxe, null);
    expect(await tab.inFrame(SIDEBAR, runAxe, null)).toEqual([]);

    await tab.press("Tab");
    expect(await inSidebar(focused)).toBe("note-save");
    await tab.press("Enter");
    await expect
      .poll(() => inSidebar(sidebarList))
      .toEqual([{ body: "Terms of the cease-fire.", tags: ["ceasefire", "NTC"], colour: "Violet" }]);
  });

  it("a second note: the reader's tags are offered as completions; the default colour", async () => {
    await openEditor(SECOND);
    await tab.type("Who is the diplomatic source?");
    await tab.press("Tab");
    expect(
      await inSidebar(() =>
        [...document.querySelectorAll("datalist option")].map((o) => (o as HTMLOptionElement).value).sort(),
      ),
    ).toEqual(["NTC", "ceasefire"]);
    await tab.type("ceasefire");
    await tab.press("Enter");
    await tab.press("Tab");
    await tab.press("Tab");
    expect(await inSidebar(focused)).toBe("note-save");
    await tab.press("Enter");
    await expect.poll(() => inSidebar(sidebarList)).toHaveLength(2);
    expect(await inSidebar(sidebarList)).toEqual([
      { body: "Terms of the cease-fire.", tags: ["ceasefire", "NTC"], colour: "Violet" },
      { body: "Who is the diplomatic source?", tags: ["ceasefire"], colour: "Rose" },
    ]);
    // Painted in the page in their colours (the marks live in our closed UI; the e2e hook reads them).
    const colourOf = (id: NoteColour) => noteColourStyle(id).light.background;
    await expect
      .poll(async () => {
        const ui = await uiOf(tab);
        return Object.fromEntries((ui?.marks ?? []).map((t, i) => [t, ui?.markColours[i]]));
      })
      .toEqual({ [FIRST]: colourOf("violet"), [SECOND]: colourOf("rose") });
  });

  it("the sidebar filters its notes by colour", async () => {
    await chooseOption(tab, "colour-filter", "violet", SIDEBAR);
    await expect.poll(() => inSidebar(listedBodies)).toEqual(["Terms of the cease-fire."]);
    await chooseOption(tab, "colour-filter", "green", SIDEBAR);
    await expect
      .poll(() => tab.inFrame(SIDEBAR, textOf, "colour-filter-empty"))
      .toBe("No green notes on this article.");
    await chooseOption(tab, "colour-filter", "", SIDEBAR);
    await expect.poll(() => inSidebar(listedBodies)).toHaveLength(2);
    await tab.screenshot(`${ARTIFACTS}/${name}-notes-tags-sidebar.png`);
  });

  it("the popup has a switch per colour, saved with the site's switches", async () => {
    const popup = await driver.popupFor(tab);
    await popup.click("toggle-colour-green");
    notesPage = await driver.openExtensionPage("notes.html");
    await expect
      .poll(async () => JSON.stringify(await notesPage.evaluate(settings)))
      .toContain('"noteColours":{"green":false}');
    await popup.click("toggle-colour-green");
    await expect
      .poll(async () => JSON.stringify(await notesPage.evaluate(settings)))
      .toContain('"noteColours":{"green":true}');
    await popup.close();
  });

  it("the notes page filters by tag and its search finds tags; axe finds nothing", async () => {
    await expect.poll(() => notesPage.evaluate(listedBodies)).toHaveLength(2);
    const options = await notesPage.evaluate(() =>
      [...document.querySelectorAll("[data-testid=tag-filter] option")].map((o) => o.textContent),
    );
    expect(options).toEqual(["All tags", "ceasefire (2)", "NTC (1)"]);
    await chooseOption(notesPage, "tag-filter", "NTC");
    await expect.poll(() => notesPage.evaluate(listedBodies)).toEqual(["Terms of the cease-fire."]);
    await chooseOption(notesPage, "tag-filter", "");
    await notesPage.pause();
    await notesPage.click({ page: "[data-testid=search]" });
    await notesPage.type("#ntc");
    await expect.poll(() => notesPage.evaluate(listedBodies)).toEqual(["Terms of the cease-fire."]);
    expect(await notesPage.evaluateWith(textOf, "count")).toBe("Showing 1 of 2 notes.");
    for (let i = 0; i < 4; i++) await notesPage.press("Backspace");
    await expect.poll(() => notesPage.evaluate(listedBodies)).toHaveLength(2);
    await notesPage.evaluate(injectAxe);
    expect(await notesPage.evaluate(runAxe)).toEqual([]);
    await notesPage.screenshot(`${ARTIFACTS}/${name}-notes-tags-page.png`);
  });

  it("exports W3C (tags and colours in it) and Markdown (every passage, link, note and tag)", async () => {
    original = await all(notesPage);
    const w3c = await notesPage.evaluateWith(sendNotes, { op: "export" });
    expect(w3c.ok, w3c.message).toBe(true);
    exported = w3c.value as string;
    const items = (JSON.parse(exported) as AnnotationCollection).first?.items ?? [];
    expect(items.map((a) => a.target.styleClass).sort()).toEqual(["sa-note-rose", "sa-note-violet"]);
    const md = await notesPage.evaluateWith(sendNotes, {
      op: "export",
      format: "markdown",
      split: "article",
    });
    expect(md.ok, md.message).toBe(true);
    const files = md.value as MarkdownFile[];
    expect(files.map((f) => f.name)).toEqual([
      "The Christian Science Monitor - Libyan rebels offer cease-fire. Does Qaddafi have the upper hand.md",
    ]);
    const text = files[0]?.text ?? "";
    expect(text).toContain("# Libyan rebels offer cease-fire. Does Qaddafi have the upper hand?");
    for (const n of original) expect(text).toContain(`\n${n.body}\n`);
    expect(text.match(/#:~:text=/g)).toHaveLength(2);
    expect(text).toContain("Tags: #ceasefire #NTC");
    expect(text).toContain("Tags: #ceasefire\n");
    expect(text).toContain(
      "> rebel forces would agree to a cease-fire\n>\n> [Open the passage in the article](<",
    );
    writeFileSync(join(dir, `${name}-notes.md`), text);
    // The page's buttons download the same.
    await notesPage.evaluate(() => {
      const w = window as unknown as { names: string[] };
      w.names = [];
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) w.names.push(this.download);
      };
    });
    await notesPage.pause();
    await notesPage.click({ page: "[data-testid=export-markdown-articles]" });
    await expect
      .poll(() => notesPage.evaluateWith(textOf, "report-text"))
      .toMatch(/^Exported Markdown: 1 file /);
    expect(await notesPage.evaluate(() => (window as unknown as { names: string[] }).names)).toEqual([
      "The Christian Science Monitor - Libyan rebels offer cease-fire. Does Qaddafi have the upper hand.md",
    ]);
  });

  describe("a fresh profile", () => {
    let page: Tab;
    let article: Tab;
    const report = () => page.evaluateWith(textOf, "report-text");
    const reasons = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("[data-testid=rejected] li")].map((li) => li.textContent),
      );

    beforeAll(async () => {
      other = await launch();
      page = await other.openExtensionPage("notes.html");
    });

    it("imports the W3C file: the same notes, tags and colours included", async () => {
      const file = join(dir, `${name}-notes.jsonld`);
      writeFileSync(file, exported);
      await page.upload("[data-testid=import]", file);
      await expect.poll(report).toBe("Imported 2 notes, skipped 0 duplicates, rejected 0.");
      expect(await all(page)).toEqual(original);
      expect(original.map((n) => JSON.stringify([n.colour, n.tags])).sort()).toEqual([
        JSON.stringify(["rose", ["ceasefire"]]),
        JSON.stringify(["violet", ["ceasefire", "NTC"]]),
      ]);
    });

    it("imports the Hypothesis client export: two notes placed, four not imported with the reason", async () => {
      await page.upload("[data-testid=import]", HYPOTHESIS("client-export.json"));
      await expect
        .poll(report)
        .toBe("Imported 2 notes from Hypothesis, skipped 0 duplicates, not imported 4 (why, below).");
      expect(await reasons()).toEqual([
        "Item 3: it is a page note: it is on the whole page, with no passage selected.",
        "Item 4: it is a reply to another annotation (replies are not notes on a passage).",
        "Item 5: it is a highlight without a note (no text).",
        'Item 6: it is on "https://example.org/blog/2011/libya-roundup", which is not an article Source Annotator knows.',
      ]);
      article = await (other as Driver).newTab();
      await article.goto(canonical(CSM));
      const s = await article.status();
      expect(s?.notes).toEqual({ anchored: 4, orphaned: [] });
    });

    it("imports the API search result: one more placed, the repeated one skipped, the PDF not imported", async () => {
      await page.upload("[data-testid=import]", HYPOTHESIS("api-search.json"));
      await expect
        .poll(report)
        .toBe("Imported 1 note from Hypothesis, skipped 1 duplicate, not imported 1 (why, below).");
      expect(await reasons()).toEqual([
        'Item 2: it is on "urn:x-pdf:6a3a1f0c9b2d4e5f8a7b6c5d4e3f2a1b", which is not an article Source Annotator knows.',
      ]);
      await article.reload();
      await expect.poll(async () => (await article.status())?.notes).toEqual({ anchored: 5, orphaned: [] });
      const tags = await page.evaluate(() =>
        [...document.querySelectorAll("[data-testid=tag-filter] option")].map((o) => o.textContent),
      );
      expect(tags).toEqual([
        "All tags",
        "ceasefire (3)",
        "NTC (2)",
        "anonymous sources (1)",
        "Guardian (1)",
        "secondhand (1)",
      ]);
      await page.screenshot(`${ARTIFACTS}/${name}-notes-tags-hypothesis.png`);
      expect(page.errors).toEqual([]);
    });
  });
});
