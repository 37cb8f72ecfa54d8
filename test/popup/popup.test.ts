// @vitest-environment happy-dom
// The toolbar popup as a reader sees it, with a fake browser: what was recognised on the tab, the switches (saved
// for the site), and the buttons that open the sidebar, the notes page and an analysis of an unknown page.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { notAnArticle, type Status } from "../../src/model/protocol";
import { fakeBrowser } from "../fakes/browser";

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("webextension-polyfill", async () => (await import("../fakes/browser")).polyfillOf(fake));

let b: ReturnType<typeof fakeBrowser>;
const ARTICLE: Status = {
  ...notAnArticle(),
  articleId: "a1",
  matchedBy: "url",
  score: 1,
  anchored: 12,
  orphaned: ["t9"],
  highlightsVisible: true,
  host: "www.news.example",
  article: { id: "a1", publisher: "The Example Times", published: "2011-08-23" },
  counts: { attributions: 10, crossrefs: 3 },
  ready: true,
};

async function openPopup(tabReply: (tabId: number, m: unknown) => unknown) {
  b.state.tabReply = tabReply;
  document.body.innerHTML = '<div id="app"></div>';
  await import("../../src/popup/main");
}
const app = () => document.getElementById("app") as HTMLElement;
const byTestId = (id: string) => app().querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  vi.resetModules();
  b = fakeBrowser();
  fake.current = b.browser;
});
afterEach(() => {
  document.body.innerHTML = "";
});

describe("popup on a recognised article", () => {
  beforeEach(() => openPopup((_t, m) => ((m as { type: string }).type === "status" ? ARTICLE : undefined)));

  test("says which article, how many attributions and cross-references, what is unplaced, and how it was found", async () => {
    await vi.waitFor(() => expect(byTestId("summary")?.textContent).toContain("The Example Times"));
    const text = byTestId("summary")?.textContent ?? "";
    expect(text).toContain("Aug 23 2011");
    expect(text).toContain("10 attributions, 3 cross-references, 1 unplaced");
    expect(text).toContain("recognised by address");
  });

  test("switching all highlights off saves it for the site", async () => {
    await vi.waitFor(() => expect(byTestId("toggle-all")).not.toBeNull());
    const all = byTestId("toggle-all") as HTMLInputElement;
    expect(all.checked).toBe(true);
    all.click();
    await vi.waitFor(() =>
      expect(b.storage.get("settings")).toMatchObject({ sites: { "news.example": { all: false } } }),
    );
  });

  test("Open the sources sidebar asks the tab's content script to open it", async () => {
    vi.stubGlobal("close", () => undefined);
    await vi.waitFor(() => expect(byTestId("open-sidebar")).not.toBeNull());
    byTestId("open-sidebar")?.click();
    await vi.waitFor(() =>
      expect(b.tabMessages.map((t) => t.message)).toContainEqual({ type: "sidebar", open: true }),
    );
    vi.unstubAllGlobals();
  });

  test("Your notes opens the notes page in a tab", async () => {
    await vi.waitFor(() => expect(byTestId("open-notes")).not.toBeNull());
    byTestId("open-notes")?.click();
    expect(b.browser.tabs.create).toHaveBeenCalledWith({ url: "chrome-extension://ext-id/notes.html" });
  });
});

describe("popup on a page the extension has not looked at", () => {
  test("says so and offers to analyse it, which injects the content script the reader asked for", async () => {
    await openPopup(() => {
      throw new Error("Could not establish connection");
    });
    await vi.waitFor(() => expect(byTestId("summary")?.textContent).toBe("This page has not been analysed."));
    byTestId("analyse")?.click();
    await vi.waitFor(() =>
      expect(b.browser.scripting.executeScript).toHaveBeenCalledWith({
        target: { tabId: 7 },
        files: ["asked.js", "content.js"],
      }),
    );
  });

  test("a page that is not an article says so, without switches", async () => {
    await openPopup(() => ({ ...notAnArticle(), host: "example.org", note: "no body" }));
    await vi.waitFor(() => expect(byTestId("summary")?.textContent).toBe("Not a known article (no body)."));
    expect(byTestId("toggle-all")).toBeNull();
  });
});
