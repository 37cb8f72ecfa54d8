// End to end, Chromium and Firefox: writing a note on a selection, re-attaching it on every visit and on other
// copies of the article, editing, deleting with undo, unplaced notes, and the privacy of note text. The reader's
// part is done with the browser's own mouse and keyboard (see drivers.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bothBrowsers, chromiumDriver, firefoxDriver, type Tab } from "./drivers";
import {
  ARTIFACTS,
  articleRoutes,
  browserAndTab,
  DIST,
  fixtureServerForFile,
  openCard,
  spotOf,
  uiOf,
} from "./helpers";

const url = (articleId: string, variant = "canonical") =>
  articleRoutes.find((r) => r.expect === articleId && r.variant === variant)?.url as string;
const NYT = "nyt-libya-2011-07";
const PASSAGE = "Reuters did not issue any immediate clarification.";
const BODY = "Check whether Reuters ever ran a correction.\nSecond line of the note.";
const SIDEBAR = "sidebar.html";

/** The passages of the note marks (drawn in our closed UI, which the e2e builds' hook reads). */
const noteHighlights = async (tab: Tab) => (await uiOf(tab))?.marks ?? [];

const sidebarNotes = (tab: Tab) =>
  tab.inFrame(
    SIDEBAR,
    () => [...document.querySelectorAll("[data-testid=note-text]")].map((e) => e.textContent),
    null,
  );

const fixtures = fixtureServerForFile();

/** The data-testid of what has the focus in the sidebar frame (null while there is no frame). */
const focusInSidebar = (t: Tab) =>
  t.inFrame(SIDEBAR, () => document.activeElement?.getAttribute("data-testid"), null).catch(() => null);

/** Select a passage with the mouse, click ✎ Note beside it: the sidebar's editor, focused. */
async function writeOnSelection(t: Tab, passage: string): Promise<void> {
  await t.select({ text: passage });
  await t.pause();
  await t.click({ ui: ".note-button" });
  await expect.poll(() => focusInSidebar(t)).toBe("note-body");
}

/** Click a button of the sidebar by its data-testid, as a reader does. */
const clickInSidebar = async (t: Tab, testId: string) => {
  await t.pause();
  await t.click({ frame: SIDEBAR, selector: `[data-testid=${testId}]` });
};

describe.each(bothBrowsers(() => fixtures.server.proxyPort))("%s", (name, launch) => {
  let tab: Tab;
  browserAndTab(launch, (_driver, t) => {
    tab = t;
  });

  it("writes a note on a selection: the Note button, the editor in the sidebar, Ctrl+Enter", async () => {
    await tab.goto(url(NYT));
    await tab.status();
    expect(await tab.evaluate(() => (window as unknown as { __pageKeys?: number }).__pageKeys ?? 0)).toBe(0);
    await writeOnSelection(tab, PASSAGE);
    // The editor opens in the sidebar with the passage quoted; typing goes to it, not to the page (Enter is a new
    // line there).
    expect(
      await tab.inFrame(SIDEBAR, () => document.querySelector(".editor blockquote")?.textContent, null),
    ).toBe(PASSAGE);
    await tab.type(BODY);
    await tab.pause();
    await tab.press("Control+Enter");
    await expect.poll(() => sidebarNotes(tab)).toEqual([BODY]);
    expect(
      await tab.evaluate(() => (window as unknown as { __pageKeys?: number }).__pageKeys ?? 0),
      "the page saw none of the keys",
    ).toBe(0);
    await expect.poll(() => noteHighlights(tab)).toEqual([PASSAGE]);
    await tab.screenshot(`${ARTIFACTS}/${name}-note.png`);
  });

  it("re-attaches the note on reload and on the article's print view and archive copy", async () => {
    for (const variant of ["canonical", "print", "archive"]) {
      await tab.goto(url(NYT, variant));
      const s = await tab.status();
      expect(s?.notes).toEqual({ anchored: 1, orphaned: [] });
      // The marks are drawn in a task after the next frame (decision 0020), so they are waited for.
      await expect.poll(() => noteHighlights(tab)).toEqual([PASSAGE]);
    }
  });

  it("no page script can read the note: not in the document, not in any open shadow root, no notes database", async () => {
    await tab.goto(url(NYT));
    await tab.status();
    await tab.click({ ui: ".launcher" });
    await expect.poll(() => sidebarNotes(tab)).toEqual([BODY]);
    const found = await tab.evaluateWith(async (needle) => {
      const texts: string[] = [document.documentElement.outerHTML];
      for (const el of document.querySelectorAll("*")) if (el.shadowRoot) texts.push(el.shadowRoot.innerHTML);
      const dbs = indexedDB.databases ? await indexedDB.databases() : [];
      return { inPage: texts.some((t) => t.includes(needle)), databases: dbs.map((d) => d.name) };
    }, "ever ran a correction");
    expect(found).toEqual({ inPage: false, databases: [] });
    // Nor in our own (closed) UI in the page: note text is shown only in the sidebar's extension document.
    expect((await uiOf(tab))?.html ?? "").not.toContain("ever ran a correction");
  });

  it("edits the note; deletes it and undoes the deletion", async () => {
    await clickInSidebar(tab, "note-edit");
    await expect.poll(() => focusInSidebar(tab)).toBe("note-body");
    // Select all of the old text and type over it.
    await tab.press("Control+A");
    await tab.type("Edited note.");
    await clickInSidebar(tab, "note-save");
    await expect.poll(() => sidebarNotes(tab)).toEqual(["Edited note."]);
    expect(
      await tab.inFrame(SIDEBAR, () => document.querySelector(".note .muted")?.textContent, null),
    ).toMatch(/edited/);
    await clickInSidebar(tab, "note-delete");
    await expect.poll(() => sidebarNotes(tab)).toEqual([]);
    await expect.poll(() => noteHighlights(tab)).toEqual([]);
    await clickInSidebar(tab, "note-undo");
    await expect.poll(() => sidebarNotes(tab)).toEqual(["Edited note."]);
    await expect.poll(() => noteHighlights(tab)).toEqual([PASSAGE]);
  });

  it("writes a note from a card: the passage of the attribution, attached to it", async () => {
    await tab.goto(url("csm-libya-2011-04-01"));
    await tab.status();
    await tab.message({ type: "sidebar", open: false });
    const targetId = "csm-libya-2011-04-01/a03";
    await tab.pause();
    await tab.click(spotOf("csm-libya-2011-04-01", targetId));
    await expect.poll(async () => (await openCard(tab))?.targetId).toBe(targetId);
    await tab.pause();
    await tab.click({ ui: ".card .add-note" });
    await expect
      .poll(() =>
        tab
          .inFrame(SIDEBAR, () => document.querySelector(".editor blockquote")?.textContent ?? null, null)
          .catch(() => null),
      )
      .toMatch(/^that the Qaddafi brigades/);
    // Type only once the editor has the focus (else the first keys go to whatever had it).
    await expect.poll(() => focusInSidebar(tab)).toBe("note-body");
    await tab.type("The same terms as in July?");
    await tab.press("Control+Enter");
    await expect.poll(() => sidebarNotes(tab)).toEqual(["The same terms as in July?"]);
    const stored = await tab.inFrame(
      SIDEBAR,
      async () =>
        (await (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
          type: "notes",
          op: { op: "list", articleId: "csm-libya-2011-04-01" },
        })) as { value: { attachedTo?: string }[] },
      null,
    );
    expect(stored.value.map((n) => n.attachedTo)).toEqual([targetId]);
  });

  it("a note whose passage is gone is listed as unplaced, kept, and can be re-attached to a new selection", async () => {
    // The site rewrites the sentence the note is on.
    await tab.goto(url(NYT));
    await tab.status();
    await tab.evaluateWith((p) => {
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode())
        if (n.textContent?.includes(p)) n.textContent = "Reuters later published a short note.";
    }, PASSAGE);
    await expect.poll(async () => (await tab.status())?.notes?.orphaned.length, { timeout: 5000 }).toBe(1);
    await tab.pause();
    await tab.click({ ui: ".launcher" });
    await expect
      .poll(() =>
        tab.inFrame(
          SIDEBAR,
          () => document.querySelectorAll("[data-testid=unplaced-notes] [data-testid=note]").length,
          null,
        ),
      )
      .toBe(1);
    await tab.select({ text: "Reuters later published a short note." });
    await clickInSidebar(tab, "note-reattach");
    await expect.poll(async () => (await tab.status())?.notes).toEqual({ anchored: 1, orphaned: [] });
    await expect.poll(() => noteHighlights(tab)).toEqual(["Reuters later published a short note."]);
  });
});

describe.each([
  ["chromium", (profile: string) => chromiumDriver(DIST.chromeE2e, fixtures.server.proxyPort, profile)],
  // Firefox: installed as a regular add-on of the profile (a temporary one is removed when the browser closes).
  ["firefox", (profile: string) => firefoxDriver(DIST.firefoxE2e, fixtures.server.proxyPort, profile)],
])("%s: notes survive closing and reopening the browser profile", (_name, driver) => {
  it("a note written before a restart is there after it", async () => {
    const profile = mkdtempSync(join(tmpdir(), "sa-profile-"));
    try {
      let d = await driver(profile);
      let t = await d.newTab();
      await t.goto(url(NYT));
      await t.status();
      await writeOnSelection(t, PASSAGE);
      await t.type("Kept across a restart.");
      await t.press("Control+Enter");
      await expect.poll(() => sidebarNotes(t)).toEqual(["Kept across a restart."]);
      await d.close();
      d = await driver(profile);
      t = await d.newTab();
      await t.goto(url(NYT));
      expect((await t.status())?.notes).toEqual({ anchored: 1, orphaned: [] });
      await t.click({ ui: ".launcher" });
      await expect.poll(() => sidebarNotes(t)).toEqual(["Kept across a restart."]);
      await d.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
