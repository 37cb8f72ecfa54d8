// End to end, Chromium and Firefox: a reader's own (trusted) mouse and keyboard at a person's pace, where
// synthetic events and messages hid two bugs: a note on a mouse selection (the ✎ Note button clicked half a second
// after the selection), and a card opened by a click just after a click elsewhere (it closed by itself).
import { describe, expect, it } from "vitest";
import type { Tab } from "./drivers";
import { bothBrowsers } from "./drivers";
import { ARTIFACTS, browserAndTab, canonical, fixtureServerForFile, openCard, uiOf } from "./helpers";

const NYT = "nyt-libya-2011-07";
const SIDEBAR = "sidebar.html";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The passage quoted in the sidebar's note editor (null while there is none). */
const editorQuote = (tab: Tab) =>
  tab
    .inFrame(SIDEBAR, () => document.querySelector(".editor blockquote")?.textContent ?? null, null)
    .catch(() => null);

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").replace(/[“”]/g, '"');

const fixtures = fixtureServerForFile();

describe.each(bothBrowsers(() => fixtures.server.proxyPort))("%s", (name, launch) => {
  let tab: Tab;
  browserAndTab(launch, (_driver, t) => {
    tab = t;
  });

  const fresh = async () => {
    await tab.goto(canonical(NYT));
    await tab.status();
  };

  it.each([
    // Plain text, and text inside a highlight (most of this article is one).
    ["plain text", "Reuters did not issue any immediate clarification."],
    ["inside a highlight", "he leaves the country, or he goes"],
  ])(
    "a passage selected with the mouse (%s), a pause, then ✎ Note: the editor opens on it",
    async (_, passage) => {
      await fresh();
      await tab.select({ text: passage });
      await tab.pause(500, 800);
      await expect
        .poll(() => uiOf(tab).then((u) => u?.noteButton ?? { shown: false, onTop: false }))
        .toEqual({ shown: true, onTop: true });
      if (passage.startsWith("Reuters did"))
        await tab.screenshot(`${ARTIFACTS}/${name}-note-button.png`, true);
      await tab.click({ ui: ".note-button" });
      await expect.poll(async () => norm(await editorQuote(tab)), { timeout: 5000 }).toBe(norm(passage));
      // Its work done, the button is gone (it does not come back at the release of its own click).
      expect((await uiOf(tab).then((u) => u?.noteButton ?? { shown: false, onTop: false })).shown).toBe(
        false,
      );
    },
  );

  it.each([
    ["that ends on a highlight", "The offer, which Mr. Abdul-Jalil said was made about a month"],
    // The pointer rests on the quote before the drag: its card opens, as hover cards do, and must go once the
    // reader selects.
    ["inside a highlight", "he leaves the country, or he goes"],
  ])("a selection %s: no card comes over the ✎ Note button", async (_, passage) => {
    await fresh();
    await tab.select({ text: passage });
    // Longer than the hover delay and the leave delay, the pointer resting where the drag ended.
    await tab.pause(700, 800);
    expect(await openCard(tab), "no card while text is selected").toBeNull();
    expect(await uiOf(tab).then((u) => u?.noteButton ?? { shown: false, onTop: false })).toEqual({
      shown: true,
      onTop: true,
    });
    await tab.click({ ui: ".note-button" });
    await expect.poll(async () => norm(await editorQuote(tab)), { timeout: 5000 }).toBe(norm(passage));
  });

  it("a click on an empty spot, then at once on a highlight: the card opens and stays open (6 times)", async () => {
    await fresh();
    const quotes = [
      "Either he leaves the country, or he goes to prison",
      "not part of any discussions on our part in negotiations",
    ];
    const failures: string[] = [];
    for (let i = 0; i < 6; i++) {
      const quote = quotes[i % quotes.length] as string;
      const [box] = await tab.locate({ text: quote });
      if (!box) throw new Error(`not on screen: ${quote}`);
      // Beside the article's column, level with the passage: nothing there.
      await tab.click({ x: 1100, y: box.y + box.height / 2 });
      await sleep(100);
      await tab.click({ text: quote });
      const opened = await expect
        .poll(async () => (await openCard(tab))?.text ?? null, { timeout: 2000 })
        .toBeTruthy()
        .then(
          () => true,
          () => false,
        );
      await sleep(700);
      const still = await openCard(tab);
      if (!opened || !still) failures.push(`${i}: opened ${opened}, open 700 ms later ${Boolean(still)}`);
      if (i === 0 && still) await tab.screenshot(`${ARTIFACTS}/${name}-card-by-click.png`, true);
    }
    expect(failures).toEqual([]);
  });
});
