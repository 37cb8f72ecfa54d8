// @vitest-environment happy-dom
// The notes page as a reader sees it, with a fake browser: every note with its article, search with the matches
// marked, the article filter, the empty state, export (what is asked of the background and what the page says),
// an import that is too large, and a page that re-reads its notes when the background says they changed.
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { LIMITS } from "../../src/model/limits";
import type { Note } from "../../src/model/notes";
import { NotesPage } from "../../src/notes-page/notes-page";
import { fakeBrowser, serveFiles } from "../fakes/browser";
import { notesPage } from "../fakes/notes-pages";

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("webextension-polyfill", async () => (await import("../fakes/browser")).polyfillOf(fake));

let b: ReturnType<typeof fakeBrowser>;
const note = (id: string, articleId: string, exact: string, body: string, modified: string): Note =>
  ({
    id,
    articleId,
    url: `https://news.example/${articleId}`,
    target: { exact, prefix: "", suffix: "", start: 0, end: exact.length },
    body,
    created: "2026-11-01T10:00:00.000Z",
    modified,
  }) as Note;
const NOTES = [
  note("n1", "a1", "the bridge will open in May", "Check the budget", "2026-11-03T10:00:00.000Z"),
  note("n2", "a2", "two officials who asked not to be named", "Anonymous again", "2026-11-02T10:00:00.000Z"),
];
let stored: Note[];

const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const $$ = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

function openPage() {
  document.body.innerHTML = '<div id="app"></div>';
  render(h(NotesPage, {}), document.getElementById("app") as HTMLElement);
}

beforeEach(() => {
  b = fakeBrowser();
  fake.current = b.browser;
  stored = [...NOTES];
  serveFiles({
    "data/articles.json": [
      {
        id: "a1",
        publisher: "The Example Times",
        headline: "Bridge to open",
        urls: ["https://news.example/a1"],
        dateLabel: "1 Nov",
      },
      { id: "a2", publisher: "Daily Sample", urls: ["https://sample.example/a2"], dateLabel: "2 Nov 2011" },
    ],
  });
  b.state.runtimeReply = (m) => {
    const op = (
      m as {
        op?: {
          op: string;
          format?: string;
          offset?: number;
          after?: string;
          limit?: number;
          articleId?: string;
        };
      }
    ).op;
    if (op?.op === "all") return { ok: true, value: stored };
    // The page reads the notes a page at a time, newest first, and one article's again when it changed.
    const page = notesPage(stored, op);
    if (page) return page;
    if (op?.op === "list") return { ok: true, value: stored.filter((n) => n.articleId === op.articleId) };
    if (op?.op === "trash") return { ok: true, value: [] };
    if (op?.op === "export" && op.format === "markdown")
      return { ok: true, value: [{ name: "notes.md", text: "# Notes" }] };
    if (op?.op === "export") return { ok: true, value: JSON.stringify({ total: stored.length }) };
    return undefined;
  };
  vi.stubGlobal(
    "URL",
    Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => undefined }),
  );
});
afterEach(() => {
  render(null, document.getElementById("app") as HTMLElement);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("notes page", () => {
  test("every note, the last edited first, with its article, passage, body and a link to the passage", async () => {
    openPage();
    await vi.waitFor(() => expect($$("note")).toHaveLength(2));
    expect($("count")?.textContent).toBe("2 notes.");
    expect($$("note-text").map((e) => e.textContent)).toEqual(["Check the budget", "Anonymous again"]);
    await vi.waitFor(() =>
      expect($("note-article")?.textContent).toBe("The Example Times: “Bridge to open”"),
    );
    expect($("note-open")?.getAttribute("href")).toMatch(/^https:\/\/news\.example\/a1#:~:text=/);
  });

  test("search: the matching notes only, the words marked", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    openPage();
    await vi.waitFor(() => expect($$("note")).toHaveLength(2));
    const search = $("search") as HTMLInputElement;
    search.value = "officials";
    search.dispatchEvent(new Event("input", { bubbles: true }));
    await vi.advanceTimersByTimeAsync(200);
    await vi.waitFor(() => expect($$("note")).toHaveLength(1));
    expect($("count")?.textContent).toBe("Showing 1 of 2 notes.");
    expect($("note-quote")?.querySelector("mark")?.textContent).toBe("officials");
  });

  test("the article filter lists the articles with notes and keeps that article's notes", async () => {
    openPage();
    await vi.waitFor(() => expect($$("note")).toHaveLength(2));
    const select = $("article-filter") as HTMLSelectElement;
    await vi.waitFor(() =>
      expect([...select.options].map((o) => o.textContent)).toContain("Daily Sample, 2 Nov 2011"),
    );
    select.value = "a2";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await vi.waitFor(() => expect($$("note")).toHaveLength(1));
    expect($("note-text")?.textContent).toBe("Anonymous again");
    expect($("export-article")).not.toBeNull();
  });

  test("no notes: how to write one, and nothing to export", async () => {
    stored = [];
    openPage();
    await vi.waitFor(() => expect($("empty")).not.toBeNull());
    expect(($("export-all") as HTMLButtonElement).disabled).toBe(true);
  });

  test("export: asked of the background, downloaded, and said in the live region", async () => {
    openPage();
    await vi.waitFor(() => expect(($("export-all") as HTMLButtonElement).disabled).toBe(false));
    $("export-all")?.click();
    await vi.waitFor(() =>
      expect($("report-text")?.textContent).toMatch(
        /^Exported 2 notes to source-annotator-notes-.*\.jsonld\.$/,
      ),
    );
    expect(b.runtimeMessages).toContainEqual({ type: "notes", op: { op: "export" } });
    $("export-markdown-articles")?.click();
    await vi.waitFor(() =>
      expect($("report-text")?.textContent).toBe("Exported Markdown: 1 file (notes.md)."),
    );
  });

  test("a file over the import limit is refused before it is read", async () => {
    openPage();
    await vi.waitFor(() => expect($("import")).not.toBeNull());
    const input = $("import") as HTMLInputElement;
    const big = new File(["x"], "huge.jsonld");
    Object.defineProperty(big, "size", { value: LIMITS.importBytes + 1 });
    Object.defineProperty(input, "files", { value: [big], configurable: true });
    input.dispatchEvent(new Event("change", { bubbles: true }));
    await vi.waitFor(() => expect($("report-text")?.textContent).toContain("“huge.jsonld” is too large"));
    expect(b.runtimeMessages.some((m) => (m as { op?: { op: string } }).op?.op === "import")).toBe(false);
  });

  test("5,000 notes: all counted and searchable, a few in the DOM, each with its place in the whole list", async () => {
    stored = Array.from({ length: 5000 }, (_, i) =>
      note(
        `n${i}`,
        `a${(i % 2) + 1}`,
        `passage ${i}`,
        i === 4321 ? "the zebra note" : `body ${i}`,
        new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      ),
    );
    openPage();
    await vi.waitFor(() => expect($("count")?.textContent).toBe("5,000 notes."));
    const rows = $$("note");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]?.getAttribute("aria-setsize")).toBe("5000");
    expect(rows.map((r) => r.getAttribute("aria-posinset"))).toEqual(rows.map((_, i) => String(i + 1)));
    expect(rows[0]?.dataset.noteId).toBe("n4999"); // the newest first
    const search = $("search") as HTMLInputElement;
    search.value = "zebra";
    search.dispatchEvent(new Event("input", { bubbles: true }));
    await vi.waitFor(() => expect($("count")?.textContent).toBe("Showing 1 of 5,000 notes."));
    expect($$("note").map((r) => r.dataset.noteId)).toEqual(["n4321"]);
    // Read a page at a time: the 500 newest, then by id.
    const pages = b.runtimeMessages.filter((m) => (m as { op?: { op: string } }).op?.op === "page");
    expect(pages.length).toBeGreaterThan(1);
  });

  test("notes changed elsewhere: read again", async () => {
    openPage();
    await vi.waitFor(() => expect($$("note")).toHaveLength(2));
    stored = [NOTES[0] as Note];
    await b.fire("runtime.onMessage", { type: "notes-changed", articleId: "a2" });
    await vi.waitFor(() => expect($$("note")).toHaveLength(1));
  });
});
