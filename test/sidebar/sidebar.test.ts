// @vitest-environment happy-dom
// The sidebar as a reader sees it, with a fake browser: it shows nothing unless the background vouches for its
// nonce; then the article's sourcing, its entries in reading order (each reveals its passage in the page through
// the background), what could not be placed, and the reader's notes, deleted with an undo.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Note } from "../../src/model/notes";
import { notAnArticle, type Status } from "../../src/model/protocol";
import type { SidebarView } from "../../src/model/views";
import { fakeBrowser } from "../fakes/browser";

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("webextension-polyfill", async () => (await import("../fakes/browser")).polyfillOf(fake));

let b: ReturnType<typeof fakeBrowser>;
const STATUS: Status = {
  ...notAnArticle(),
  articleId: "a1",
  anchored: 2,
  orphaned: ["t3"],
  notes: { anchored: 1, orphaned: [] },
};
const VIEW: SidebarView = {
  article: { id: "a1", publisher: "The Example Times", dateLabel: "23 Aug 2011", headline: "Bridge" },
  summary: {
    attributions: 3,
    named: 2,
    anonymous: 1,
    direct: 2,
    indirect: 1,
    secondHand: 0,
    byOutlet: [],
    crossrefs: 1,
  },
  entries: [
    {
      targetId: "t1",
      kind: "named",
      start: 10,
      title: "The minister — quotation",
      excerpt: "the bridge will open",
    },
    {
      targetId: "t2",
      kind: "anonymous",
      start: 50,
      title: "Two officials — statement",
      excerpt: "two officials",
    },
    { targetId: "t3", kind: "crossref", start: 90, title: "See also", excerpt: "the earlier report" },
  ],
  timeline: [],
};
const NOTE: Note = {
  id: "n1",
  articleId: "a1",
  url: "https://news.example/story",
  target: { exact: "two officials", prefix: "", suffix: "", start: 50, end: 63 },
  body: "Who are they?",
  created: "2026-11-01T10:00:00.000Z",
  modified: "2026-11-01T10:00:00.000Z",
} as Note;

function background(hello: unknown) {
  const removed = new Set<string>();
  b.state.runtimeReply = (m) => {
    const msg = m as { type: string; message?: { type: string }; op?: { op: string; id?: string } };
    if (msg.type === "sidebar-hello") return hello;
    if (msg.type === "relay") return msg.message?.type === "status" ? STATUS : null;
    if (msg.type === "sidebar-view") return VIEW;
    if (msg.type === "notes") {
      const op = msg.op;
      if (op?.op === "list") return { ok: true, value: removed.has("n1") ? [] : [NOTE] };
      if (op?.op === "tags") return { ok: true, value: [] };
      if (op?.op === "remove" && op.id) {
        removed.add(op.id);
        return { ok: true, value: NOTE };
      }
      return { ok: true, value: null };
    }
    return undefined;
  };
}

async function open(hello: unknown) {
  background(hello);
  window.history.replaceState(null, "", "/sidebar.html#0b6f1c2e-8a4d-4f3b-9c1e-2d5a7b8c9d0e");
  document.body.innerHTML = '<div id="app"></div>';
  await import("../../src/sidebar/main");
}
const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  vi.resetModules();
  b = fakeBrowser();
  fake.current = b.browser;
});
afterEach(() => {
  document.body.innerHTML = "";
});

describe("sidebar", () => {
  test("a frame the background does not vouch for shows nothing but why; its nonce leaves the address", async () => {
    await open({ ok: false });
    await vi.waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toContain("not opened by"),
    );
    expect(b.runtimeMessages[0]).toEqual({
      type: "sidebar-hello",
      nonce: "0b6f1c2e-8a4d-4f3b-9c1e-2d5a7b8c9d0e",
    });
    expect(location.hash).toBe("");
    expect(b.runtimeMessages.some((m) => (m as { type: string }).type === "sidebar-view")).toBe(false);
  });

  test("the article's sourcing, its entries in reading order and what could not be placed", async () => {
    await open({ ok: true });
    await vi.waitFor(() => expect($("count-named")?.textContent).toBe("2"));
    expect($("count-anonymous")?.textContent).toBe("1");
    const entries = [...document.querySelectorAll("[data-testid=entries] button")].map((e) =>
      e.getAttribute("data-target-id"),
    );
    expect(entries).toEqual(["t1", "t2", "t3"]);
    expect($("unplaced")?.textContent).toBe("the earlier report");
  });

  test("an entry clicked reveals its passage in the page; a kind filtered out leaves the list", async () => {
    await open({ ok: true });
    await vi.waitFor(() => expect($("entries")).not.toBeNull());
    document.querySelector<HTMLElement>('[data-target-id="t2"]')?.click();
    expect(b.runtimeMessages).toContainEqual({ type: "relay", message: { type: "reveal", targetId: "t2" } });
    ($("filter-anonymous") as HTMLInputElement).click();
    await vi.waitFor(() => expect(document.querySelector('[data-target-id="t2"]')).toBeNull());
  });

  test("Escape closes the sidebar through the page's content script", async () => {
    await open({ ok: true });
    await vi.waitFor(() => expect($("entries")).not.toBeNull());
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(b.runtimeMessages).toContainEqual({ type: "relay", message: { type: "sidebar", open: false } });
  });

  test("the reader's notes on the article: the body shown as text, deleted with an undo", async () => {
    await open({ ok: true });
    await vi.waitFor(() => expect($("note-text")?.textContent).toBe("Who are they?"));
    $("note-delete")?.click();
    await vi.waitFor(() => expect($("note-undo")).not.toBeNull());
    expect(b.runtimeMessages).toContainEqual({ type: "notes", op: { op: "remove", id: "n1" } });
  });
});
