// The background's message handlers and commands, with a fake browser (webextension-polyfill mocked) and the
// notes database in fake-indexeddb: who may ask what, the sidebar's nonce handshake, drafts, cards, the switches.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { packIndex } from "../../src/recognition/index";
import { fakeBrowser, serveFiles } from "../fakes/browser";

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("webextension-polyfill", () => ({
  default: new Proxy({}, { get: (_t, k) => (fake.current as Record<string | symbol, unknown>)[k] }),
}));

let b: ReturnType<typeof fakeBrowser>;

const TAB = 7;
const contentScript = { id: "ext-id", tab: { id: TAB }, frameId: 0, url: "https://news.example/story" };
const sidebarFrame = {
  id: "ext-id",
  tab: { id: TAB },
  frameId: 3,
  url: "chrome-extension://ext-id/sidebar.html#n",
};
const notesPage = { id: "ext-id", tab: { id: 9 }, frameId: 0, url: "chrome-extension://ext-id/notes.html" };
const TARGET = { exact: "two officials", prefix: "according to ", suffix: " who asked", start: 10, end: 23 };
const draft = { articleId: "a1", url: "https://news.example/story", target: TARGET };

/** A one-article index with no addresses or fingerprint, as the build ships it (JSON and postings). */
const INDEX = packIndex({
  version: 1,
  articles: ["a1"],
  url: { exact: {}, patterns: {} },
  text: { shingleSize: 5, threshold: 0.5, pageMod: 4, sizes: [0], keys: [], owners: [] },
});
const NONCE = "0b6f1c2e-8a4d-4f3b-9c1e-2d5a7b8c9d0e";
const ask = (message: unknown, sender: unknown) => b.fire("runtime.onMessage", message, sender);

beforeEach(async () => {
  vi.resetModules();
  b = fakeBrowser();
  fake.current = b.browser;
  vi.stubGlobal("__E2E__", false); // compiled in by build.mjs
  if (typeof navigator === "undefined") vi.stubGlobal("navigator", {});
  serveFiles({
    "data/recognition.json": JSON.parse(INDEX.json),
    "data/recognition.bin": INDEX.bin,
    "data/speakers/0.json": {
      "person:x": [
        { articleId: "a1", publisher: "P", dateLabel: "Jan 2 2020", text: "here", targetId: "a1/a01" },
        { articleId: "a2", publisher: "Q", dateLabel: "Jan 3 2020", text: "there", targetId: "a2/a04" },
      ],
    },
    "data/elsewhere/1.json": {
      x001: [{ articleId: "a3", publisher: "R", dateLabel: "Jan 4 2020", text: "X elsewhere" }],
    },
    "data/articles/a1.views.json": {
      cards: {
        t1: { targetId: "t1", kind: "named" },
        t2: {
          targetId: "t2",
          kind: "named",
          sameSpeaker: [],
          sameSpeakerOf: { key: "person:x", shard: 0 },
        },
        t3: {
          targetId: "t3",
          kind: "crossref",
          sameSpeaker: [],
          entity: { name: "X", kind: "person", aliases: [], elsewhere: [] },
          elsewhereOf: { key: "x001", shard: 1 },
        },
      },
      sidebar: { articleId: "a1", entries: [] },
    },
  });
  indexedDB.deleteDatabase("source-annotator-notes");
  await import("../../src/background/index");
});
afterEach(() => vi.unstubAllGlobals());

describe("who may ask", () => {
  test("another extension, or a message of no known shape, gets no answer", async () => {
    expect(
      await ask({ type: "card", articleId: "a1", targetId: "t1" }, { ...contentScript, id: "other" }),
    ).toBe(undefined);
    expect(await ask({ type: "card", articleId: "a1", targetId: 7 }, contentScript)).toBe(undefined);
    expect(await ask({ type: "no-such" }, contentScript)).toBe(undefined);
  });

  test("our UI's code goes into the asking content script's own frame; an extension page gets none", async () => {
    expect(await ask({ type: "page-ui" }, { ...contentScript, frameId: 2 })).toBe(true);
    expect(b.browser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: TAB, frameIds: [2] },
      files: ["page-ui.js"],
    });
    expect(await ask({ type: "page-ui" }, sidebarFrame)).toBe(false);
    b.browser.scripting.executeScript.mockRejectedValueOnce(new Error("no access"));
    expect(await ask({ type: "page-ui" }, contentScript)).toBe(false);
  });

  test("a content script gets a card from the bundled views, null for an unknown target", async () => {
    expect(await ask({ type: "card", articleId: "a1", targetId: "t1" }, contentScript)).toEqual({
      targetId: "t1",
      kind: "named",
    });
    expect(await ask({ type: "card", articleId: "a1", targetId: "t9" }, contentScript)).toBeNull();
  });

  test("a card's speaker's statements in the other articles come from the by-speaker index", async () => {
    expect(await ask({ type: "card", articleId: "a1", targetId: "t2" }, contentScript)).toEqual({
      targetId: "t2",
      kind: "named",
      sameSpeaker: [
        { articleId: "a2", publisher: "Q", dateLabel: "Jan 3 2020", text: "there", targetId: "a2/a04" },
      ],
    });
  });

  test("an entity card's other articles come from the by-entity index", async () => {
    expect(await ask({ type: "card", articleId: "a1", targetId: "t3" }, contentScript)).toMatchObject({
      entity: { name: "X", elsewhere: [{ articleId: "a3", text: "X elsewhere" }] },
    });
  });

  test("note bodies: never to a content script, nor to a frame that did not present the nonce", async () => {
    const list = { type: "notes", op: { op: "list", articleId: "a1" } };
    expect(await ask(list, contentScript)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await ask(list, sidebarFrame)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await ask(list, notesPage)).toEqual({ ok: true, value: [] });
  });

  test("relay to the tab's content script only from a verified sidebar", async () => {
    b.state.tabReply = () => "relayed";
    const relay = { type: "relay", message: { type: "reveal", targetId: "t1" } };
    expect(await ask(relay, sidebarFrame)).toBeNull();
    await ask({ type: "sidebar-open", nonce: NONCE }, contentScript);
    await ask({ type: "sidebar-hello", nonce: NONCE }, sidebarFrame);
    expect(await ask(relay, sidebarFrame)).toBe("relayed");
    expect(b.tabMessages.at(-1)).toEqual({ tabId: TAB, message: { type: "reveal", targetId: "t1" } });
  });
});

describe("the sidebar's nonce", () => {
  test("registered by the content script, presented once by the frame, with what to show first", async () => {
    expect(await ask({ type: "sidebar-open", nonce: NONCE, intent: { note: "x1" } }, contentScript)).toBe(
      true,
    );
    expect(await ask({ type: "sidebar-hello", nonce: NONCE.replace("0b6f", "1111") }, sidebarFrame)).toEqual({
      ok: false,
    });
    expect(await ask({ type: "sidebar-hello", nonce: NONCE }, sidebarFrame)).toEqual({
      ok: true,
      intent: { note: "x1" },
    });
    expect(await ask({ type: "sidebar-hello", nonce: NONCE }, { ...sidebarFrame, frameId: 4 })).toEqual({
      ok: false,
    });
  });

  test("an extension page cannot register a nonce (only our content script creates frames)", async () => {
    expect(await ask({ type: "sidebar-open", nonce: NONCE }, sidebarFrame)).toBeNull();
    expect(await ask({ type: "sidebar-hello", nonce: NONCE }, sidebarFrame)).toEqual({ ok: false });
  });

  test("a closed tab forgets its verified frames", async () => {
    await ask({ type: "sidebar-open", nonce: NONCE }, contentScript);
    await ask({ type: "sidebar-hello", nonce: NONCE }, sidebarFrame);
    await b.fire("tabs.onRemoved", TAB);
    const list = { type: "notes", op: { op: "list", articleId: "a1" } };
    expect(await ask(list, sidebarFrame)).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("notes", () => {
  test("a draft from the page opens the tab's sidebar on the editor; the sidebar takes it once", async () => {
    await ask({ type: "note-draft", draft }, contentScript);
    expect(b.tabMessages).toEqual([{ tabId: TAB, message: { type: "sidebar", open: true, view: "notes" } }]);
    await ask({ type: "sidebar-open", nonce: NONCE }, contentScript);
    await ask({ type: "sidebar-hello", nonce: NONCE }, sidebarFrame);
    const take = { type: "notes", op: { op: "take-draft" } };
    expect(await ask(take, sidebarFrame)).toMatchObject({
      ok: true,
      value: { target: { exact: "two officials" } },
    });
    expect(await ask(take, sidebarFrame)).toMatchObject({ ok: true, value: null });
  });

  test("a note added by an extension page: its anchor (no body) goes to content scripts, every tab is told", async () => {
    const added = (await ask(
      { type: "notes", op: { op: "add", draft, body: "secret words" } },
      notesPage,
    )) as {
      ok: boolean;
      value: { id: string };
    };
    expect(added.ok).toBe(true);
    const anchors = await ask({ type: "note-anchors", articleId: "a1" }, contentScript);
    expect(anchors).toEqual([expect.objectContaining({ id: added.value.id, target: TARGET })]);
    expect(JSON.stringify(anchors)).not.toContain("secret words");
    expect(b.tabMessages).toContainEqual({ tabId: TAB, message: { type: "notes-changed", articleId: "a1" } });
  });
});

describe("commands", () => {
  test("toggle-highlights flips 'all' for the active tab's site, from the defaults the first time", async () => {
    b.state.tabReply = (_t, m) =>
      (m as { type: string }).type === "status" ? { host: "www.news.example" } : null;
    const sa = (globalThis as unknown as { sourceAnnotator: { command(c: string): Promise<void> } })
      .sourceAnnotator;
    await sa.command("toggle-highlights");
    const first = b.storage.get("settings") as { sites: Record<string, { all: boolean }> };
    const [site] = Object.values(first.sites);
    expect(site?.all).toBe(false);
    await sa.command("toggle-highlights");
    const second = b.storage.get("settings") as { sites: Record<string, { all: boolean }> };
    expect(Object.values(second.sites)[0]?.all).toBe(true);
  });

  test("add-note asks the tab for its selection and opens the editor; nothing without a selection", async () => {
    const sa = (globalThis as unknown as { sourceAnnotator: { command(c: string): Promise<void> } })
      .sourceAnnotator;
    b.state.tabReply = () => null;
    await sa.command("add-note");
    expect(b.tabMessages.map((t) => t.message)).toEqual([{ type: "selection" }]);
    b.state.tabReply = (_t, m) => ((m as { type: string }).type === "selection" ? draft : undefined);
    await sa.command("add-note");
    expect(b.tabMessages.at(-1)?.message).toEqual({ type: "sidebar", open: true, view: "notes" });
  });

  test("the first paint's switches: registered at install from the stored settings, changed with them, gone with the defaults", async () => {
    const on = {
      all: true,
      kinds: { named: true, anonymous: true, secondhand: true, crossref: true, note: true },
    };
    const site = (v: object) => ({ defaults: on, sites: { "news.example": v } });
    b.storage.set("settings", site({ ...on, all: false }));
    await b.fire("runtime.onInstalled");
    await vi.waitFor(() => expect(b.registered.map((r) => r.id)).toEqual(["switches-off"]));
    const change = (s: object) => b.fire("storage.onChanged", { settings: { newValue: s } }, "local");
    await change(site({ ...on, kinds: { ...on.kinds, anonymous: false } }));
    await vi.waitFor(() => expect(b.registered.map((r) => r.js)).toEqual([["switches/k1011.js"]]));
    await change(site(on));
    await vi.waitFor(() => expect(b.registered).toEqual([]));
  });

  test("content.js and the site data registered at install, in place of an earlier version's; the context menu where content.js runs", async () => {
    const entries = [
      {
        id: "content-news.example",
        matches: ["*://*.news.example/2011/07*"],
        js: ["data/sites/news.example.js", "content.js"],
        runAt: "document_start",
      },
      {
        id: "content-archive",
        matches: ["*://web.archive.org/web/*"],
        js: ["content.js"],
        runAt: "document_idle",
      },
    ];
    serveFiles({ "data/content-scripts.json": entries });
    b.registered.push(
      { id: "content-old.example", matches: ["*://old.example/*"], js: ["content.js"] },
      { id: "site-reader.example", matches: ["*://reader.example/*"], js: ["site.js", "content.js"] },
    );
    await b.fire("runtime.onInstalled");
    await vi.waitFor(() => expect(b.browser.contextMenus.create).toHaveBeenCalled());
    expect(b.registered.map((r) => r.id).sort()).toEqual([
      "content-archive",
      "content-news.example",
      "site-reader.example", // the reader's own opt-in for a site stays
    ]);
    expect(b.registered.find((r) => r.id === "content-news.example")).toMatchObject({
      js: ["data/sites/news.example.js", "content.js"],
      persistAcrossSessions: true,
    });
    expect(b.browser.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: "add-note",
        contexts: ["selection"],
        documentUrlPatterns: ["*://*.news.example/2011/07*", "*://web.archive.org/web/*"],
      }),
    );
  });

  test("at scale, a site's entries are registered at its first visit, the sites registered longest ago let go; the unvisited sites' entry leaves the rest out", async () => {
    const site = (host: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `content-${host}.${i + 1}`,
        matches: [`*://*.${host}/${2000 + i}/07*`],
        js: [`data/sites/${host}.${i + 1}.js`, "content.js"],
        runAt: "document_start",
        site: host,
      }));
    const unvisited = {
      id: "content-unvisited",
      matches: ["*://*.a.example/*", "*://*.b.example/*", "*://*.c.example/*"],
      js: ["content.js"],
      runAt: "document_idle",
    };
    serveFiles({
      "data/content-scripts.json": [
        ...site("a.example", 2),
        ...site("b.example", 1),
        ...site("c.example", 63),
        unvisited,
      ],
    });
    await b.fire("runtime.onInstalled");
    await vi.waitFor(() => expect(b.browser.contextMenus.create).toHaveBeenCalled());
    expect(b.registered.map((r) => r.id)).toEqual(["content-unvisited"]);
    // The menu where content.js runs with its site's data, not on every page of a site not visited yet.
    expect(b.browser.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({ documentUrlPatterns: expect.not.arrayContaining(["*://*.a.example/*"]) }),
    );
    const visit = async (url: string) => {
      await ask({ type: "recognise", url }, { ...contentScript, url }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20));
    };
    await visit("https://www.a.example/2000/07/story.html");
    await vi.waitFor(() => expect(b.registered).toHaveLength(3));
    expect(b.registered.find((r) => r.id === "content-a.example.2")).toEqual({
      id: "content-a.example.2",
      matches: ["*://*.a.example/2001/07*"],
      js: ["data/sites/a.example.2.js", "content.js"],
      runAt: "document_start",
      persistAcrossSessions: true,
    });
    expect(b.registered.find((r) => r.id === "content-unvisited")?.excludeMatches).toEqual([
      "*://*.a.example/*",
    ]);
    // Another page of the same site, and a page of no site of ours: nothing more.
    await visit("https://a.example/index.html");
    await visit("https://elsewhere.example/2000/07/story.html");
    expect(b.registered).toHaveLength(3);
    await visit("https://b.example/2000/07/story.html");
    await visit("https://c.example/2000/07/story.html");
    // 2 + 1 + 63 entries: past VISITED_ENTRIES_MAX (64), a.example's, registered first, go.
    await vi.waitFor(() => expect(b.registered).toHaveLength(1 + 1 + 63));
    expect(b.registered.some((r) => r.id.startsWith("content-a.example"))).toBe(false);
    expect(b.registered.find((r) => r.id === "content-unvisited")?.excludeMatches).toEqual([
      "*://*.b.example/*",
      "*://*.c.example/*",
    ]);
    // An update starts again: the unvisited sites' entry alone, every site to be visited again.
    await b.fire("runtime.onInstalled");
    await vi.waitFor(() => expect(b.registered.map((r) => r.id)).toEqual(["content-unvisited"]));
    expect(b.registered[0]?.excludeMatches).toBeUndefined();
    await visit("https://b.example/2000/07/story.html");
    await vi.waitFor(() => expect(b.registered).toHaveLength(2));
  });

  test("a browser start registers content.js only if it is missing; a failed registration still offers the menu", async () => {
    const entries = [
      { id: "content", matches: ["*://*.news.example/*"], js: ["content.js"], runAt: "document_start" },
    ];
    serveFiles({ "data/content-scripts.json": entries });
    await b.fire("runtime.onStartup");
    await vi.waitFor(() => expect(b.registered.map((r) => r.id)).toEqual(["content"]));
    const register = vi.spyOn(b.browser.scripting, "registerContentScripts");
    await b.fire("runtime.onStartup");
    await new Promise((r) => setTimeout(r, 20));
    expect(register).not.toHaveBeenCalled();
    register.mockRejectedValue(new Error("invalid match pattern"));
    await b.fire("runtime.onInstalled");
    await vi.waitFor(() =>
      expect(b.browser.contextMenus.create).toHaveBeenCalledWith(
        expect.objectContaining({ documentUrlPatterns: ["*://*.news.example/*"] }),
      ),
    );
  });
});
