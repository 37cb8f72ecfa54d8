// Synthetic input from the page, in Chromium and Firefox: the one file of the end-to-end tests that dispatches
// events from script (isTrusted false), because that is what it tests — a page's own scripts faking the reader's
// pointer, keys, wheel, selection and clicks on our UI's host. The extension must ignore every one: no UI made,
// no Note button, no editor. Our UI here is made by the reader's trusted pointer move (the driver's hands), as
// every reader path elsewhere in test/e2e is.
import { describe, expect, it } from "vitest";
import { bothBrowsers, type Tab } from "./drivers";
import { browserAndTab, canonical, fixtureServerForFile, uiOf } from "./helpers";

const NYT = "nyt-libya-2011-07";

const fixtures = fixtureServerForFile();

describe.each(bothBrowsers(() => fixtures.server.proxyPort))("%s", (_name, launch) => {
  let tab: Tab;
  browserAndTab(launch, (_driver, t) => {
    tab = t;
  });

  describe("synthetic input (untrusted, isTrusted false) from the page is ignored", () => {
    it("ignores the page's synthetic (untrusted) pointer, key and wheel events: they are not the reader's first input and create no UI", async () => {
      await tab.goto(canonical(NYT));
      expect((await tab.status())?.articleId).toBe(NYT);
      // The page's own script fakes the reader's input (isTrusted false): what this test proves is ignored.
      await tab.evaluate(() => {
        for (const type of ["pointermove", "pointerdown", "keydown", "wheel"])
          window.dispatchEvent(new Event(type, { bubbles: true }));
      });
      await tab.pause(600, 700);
      expect(await uiOf(tab)).toBeNull();
    });

    it("ignores the page's synthetic (untrusted) selection events, keys and clicks on our host: no Note button, no editor", async () => {
      await tab.goto(canonical(NYT));
      await tab.status();
      // Our UI is there, made by the reader's trusted pointer move (the page's own events do not make it).
      await tab.moveTo({ x: 220, y: 180 });
      await expect.poll(async () => (await uiOf(tab))?.html ?? "").toContain("launcher");
      // Then the page's own script fakes a selection, clicks and keys (isTrusted false): what this test proves is
      // ignored.
      await tab.evaluate(() => {
        const host = document.querySelector("html > div[data-sa-ignore]");
        const p = [...document.querySelectorAll("p")].find((x) => x.textContent?.includes("Rujban"));
        if (!p) return;
        const r = document.createRange();
        r.selectNodeContents(p);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(r);
        for (const type of ["mousedown", "mouseup", "click"])
          document.dispatchEvent(new MouseEvent(type, { bubbles: true }));
        host?.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
        host?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
        document.dispatchEvent(new KeyboardEvent("keyup", { key: "Shift", shiftKey: true, bubbles: true }));
      });
      await tab.pause(600, 700);
      const ui = await uiOf(tab);
      expect(ui?.noteButton.shown).toBe(false);
      expect(ui?.frame).toBe(false);
      await tab.evaluate(() => getSelection()?.removeAllRanges());
    });
  });

  it("no page errors", () => {
    expect(tab.errors).toEqual([]);
  });
});
