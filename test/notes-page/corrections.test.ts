// @vitest-environment happy-dom
// The notes page and the reader's corrections of analysed pages (decision 0009), with a fake browser: listed page
// by page with an Undo, added to the W3C and Markdown exports (those without an address counted, not exported),
// and merged back from an imported file (counted, bad entries named, a newer local one kept and said so).
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { type Corrections, listCorrections } from "../../src/analysis/corrections";
import { analysedId } from "../../src/analysis/types";
import type { Note } from "../../src/model/notes";
import { exportCollection } from "../../src/notes/w3c";
import { withCorrections } from "../../src/notes/w3c-corrections";
import { NotesPage } from "../../src/notes-page/notes-page";
import { fakeBrowser, serveFiles } from "../fakes/browser";
import { notesPage, type PageOp } from "../fakes/notes-pages";

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("webextension-polyfill", async () => (await import("../fakes/browser")).polyfillOf(fake));

const URL_A = "https://news.example/2024/03/talks.html";
const A = analysedId(URL_A);
const OLD = "page-0badc0de";
const NOTE = {
  id: "n1",
  articleId: A,
  url: URL_A,
  target: { exact: "a passage", prefix: "", suffix: "", start: 0, end: 9 },
  body: "A note",
  created: "2026-11-01T10:00:00.000Z",
  modified: "2026-11-01T10:00:00.000Z",
} as Note;
const CORRECTIONS: Corrections = {
  [A]: {
    "The leader is not going anywhere": { hide: true, url: URL_A, at: "2026-12-01T10:00:00.000Z" },
    "indirect talks had begun": { speaker: "Mahmoud Shammam", url: URL_A, at: "2026-12-01T10:01:00.000Z" },
  },
  // Stored before addresses were kept, its page not analysed since.
  [OLD]: { "an old passage": { hide: true } },
};

let b: ReturnType<typeof fakeBrowser>;
let notes: Note[];
let blobs: Blob[];
let importReply: unknown;

const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const $$ = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const storedCorrections = () => b.storage.get("corrections") as Corrections;

function openPage() {
  document.body.innerHTML = '<div id="app"></div>';
  render(h(NotesPage, {}), document.getElementById("app") as HTMLElement);
}

async function choose(name: string, text: string) {
  const input = $("import") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

beforeEach(() => {
  b = fakeBrowser();
  fake.current = b.browser;
  notes = [NOTE];
  blobs = [];
  importReply = { added: 1, skippedDuplicates: 0, rejected: [] };
  b.storage.set("corrections", structuredClone(CORRECTIONS));
  serveFiles({ "data/articles.json": [] });
  b.state.runtimeReply = (m) => {
    const op = (m as { op?: PageOp & { format?: string; split?: string } }).op;
    if (op?.op === "all") return { ok: true, value: notes };
    const page = notesPage(notes, op);
    if (page) return page;
    if (op?.op === "trash") return { ok: true, value: [] };
    if (op?.op === "export" && op.format === "markdown")
      return {
        ok: true,
        value: notes.length ? [{ name: `${A}.md`, text: `# ${A}\n\nThe note.\n` }] : [],
      };
    if (op?.op === "export")
      return { ok: true, value: JSON.stringify(exportCollection(notes, { articles: {} }), null, 2) };
    if (op?.op === "import") return { ok: true, value: importReply };
    return undefined;
  };
  vi.stubGlobal(
    "URL",
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return "blob:x";
      },
      revokeObjectURL: () => undefined,
    }),
  );
});
afterEach(() => {
  render(null, document.getElementById("app") as HTMLElement);
  vi.unstubAllGlobals();
});

describe("the notes page's corrections", () => {
  test("listed page by page, with what the reader said; Undo removes one", async () => {
    openPage();
    await vi.waitFor(() => expect($$("correction")).toHaveLength(3));
    expect($("corrections")?.querySelector("h2")?.textContent).toBe("Your corrections (3)");
    const pages = $$("corrections-page");
    expect(pages[0]?.querySelector("a")?.getAttribute("href")).toBe(URL_A);
    expect(pages[1]?.querySelector("h3")?.textContent).toContain(`before its address was kept (${OLD})`);
    expect($$("correction").map((li) => li.textContent)).toEqual([
      // <q> adds the quotation marks on screen.
      "The leader is not going anywhere — hidden Undo",
      "indirect talks had begun — said by Mahmoud Shammam Undo",
      "an old passage — hidden Undo",
    ]);
    const undo = $$("correction-undo")[0] as HTMLButtonElement;
    expect(undo.getAttribute("aria-label")).toBe("Undo the correction of “The leader is not going anywhere”");
    undo.click();
    await vi.waitFor(() => expect($("corrections-message")?.textContent).toMatch(/^Correction of .* undone/));
    expect(Object.keys(storedCorrections()[A] ?? {})).toEqual(["indirect talks had begun"]);
    // The browser says storage changed: the list is read again.
    await b.fire("storage.onChanged", { corrections: { newValue: storedCorrections() } }, "local");
    await vi.waitFor(() => expect($$("correction")).toHaveLength(2));
  });

  test("no corrections: no section", async () => {
    b.storage.delete("corrections");
    openPage();
    await vi.waitFor(() => expect($$("note")).toHaveLength(1));
    expect($("corrections")).toBeNull();
  });

  test("W3C export: the corrections with the notes; those without an address counted, not exported", async () => {
    openPage();
    await vi.waitFor(() => expect(($("export-all") as HTMLButtonElement).disabled).toBe(false));
    await vi.waitFor(() => expect($$("correction")).toHaveLength(3));
    $("export-all")?.click();
    await vi.waitFor(() =>
      expect($("report-text")?.textContent).toMatch(
        /^Exported 1 note and 2 corrections to source-annotator-notes-\d{4}-\d{2}-\d{2}\.jsonld\. 1 correction could not be exported: .*open the page once, then export again\)\.$/,
      ),
    );
    const file = JSON.parse(await (blobs[0] as Blob).text());
    expect(file.total).toBe(3);
    expect(file.first.items.map((a: { motivation: string }) => a.motivation)).toEqual([
      "commenting",
      "moderating",
      "editing",
    ]);
  });

  test("corrections alone can be exported (no notes)", async () => {
    notes = [];
    openPage();
    await vi.waitFor(() => expect(($("export-all") as HTMLButtonElement).disabled).toBe(false));
    $("export-all")?.click();
    await vi.waitFor(() =>
      expect($("report-text")?.textContent).toMatch(/^Exported 0 notes and 2 corrections/),
    );
  });

  test("Markdown export: a Corrections section for each page", async () => {
    openPage();
    await vi.waitFor(() => expect($$("correction")).toHaveLength(3));
    $("export-markdown-articles")?.click();
    await vi.waitFor(() =>
      expect($("report-text")?.textContent).toBe(`Exported Markdown: 2 files (${A}.md, ${OLD}.md).`),
    );
    const [mine, old] = await Promise.all(blobs.map((x) => x.text()));
    expect(mine).toContain("## Corrections");
    expect(mine).toContain("— wrong speaker: said by Mahmoud Shammam (2026-12-01)");
    expect(old).toContain("- Address: unknown");
  });

  test("import: merged, counted, a bad entry named, a newer local one kept and said so", async () => {
    const file = withCorrections(
      exportCollection([NOTE], { articles: {} }),
      listCorrections({
        [A]: {
          "The leader is not going anywhere": { hide: true, url: URL_A, at: "2026-12-01T10:00:00.000Z" },
          // Older than the reader's own correction of the same passage.
          "indirect talks had begun": { hide: true, url: URL_A, at: "2026-11-01T10:00:00.000Z" },
          "a third passage": { speaker: "Ali Tarhouni", url: URL_A, at: "2026-11-01T10:00:00.000Z" },
        },
      }),
    ).collection;
    const items = file.first?.items ?? [];
    items.push({ ...(items[1] as object), "sa:correction": "rename" } as never);
    openPage();
    await vi.waitFor(() => expect($("import")).not.toBeNull());
    await choose("notes.jsonld", JSON.stringify(file));
    await vi.waitFor(() =>
      expect($("report-text")?.textContent).toBe(
        "Imported 1 note, skipped 0 duplicates, rejected 0. Corrections: restored 1, already here 1, kept yours 1, rejected 1.",
      ),
    );
    expect($$("rejected")[0]?.querySelectorAll("li")).toHaveLength(2);
    const listed = [...($("rejected")?.querySelectorAll("li") ?? [])].map((li) => li.textContent);
    expect(listed[0]).toMatch(
      /^Item 4: your correction of “indirect talks had begun” was kept, as it is newer than the file's: said by Mahmoud Shammam; the file's \(hidden\) was not imported\.$/,
    );
    expect(listed[1]).toMatch(
      /^Item 5: the correction of “.*” on https:\/\/news\.example\/.*: it is not a correction/,
    );
    expect(storedCorrections()[A]?.["a third passage"]).toEqual({
      speaker: "Ali Tarhouni",
      url: URL_A,
      at: "2026-11-01T10:00:00.000Z",
    });
    expect(storedCorrections()[A]?.["indirect talks had begun"]?.speaker).toBe("Mahmoud Shammam");
    expect(storedCorrections()[OLD]).toEqual(CORRECTIONS[OLD]); // nothing else lost
  });

  test("a Hypothesis file: corrections are not looked for", async () => {
    importReply = { added: 0, skippedDuplicates: 0, rejected: [], format: "hypothesis" };
    openPage();
    await vi.waitFor(() => expect($("import")).not.toBeNull());
    await choose("h.json", JSON.stringify({ total: 0, rows: [] }));
    await vi.waitFor(() =>
      expect($("report-text")?.textContent).toMatch(/^Imported 0 notes from Hypothesis/),
    );
    expect(storedCorrections()).toEqual(CORRECTIONS);
  });
});
