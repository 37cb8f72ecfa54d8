// Values too large for one extension message travel in parts (Chromium refuses a message over 64 MiB): an import's
// text is uploaded in parts and imported whole, all or nothing as before; an export (or the `all` list) past
// LIMITS.messagePart characters is kept by the background and fetched part by part — shared/messaging.ts's
// notesOp does both, so its callers get the same value as from one message. Also: the notes a page at a time
// (`page`), newest first, and text split without cutting a surrogate pair.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { LIMITS } from "../../src/model/limits";
import type { Note, NotesPage } from "../../src/model/notes";
import type { NotesResult } from "../../src/model/replies";
import { fakeBrowser, serveFiles } from "../fakes/browser";

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("webextension-polyfill", () => ({
  default: new Proxy({}, { get: (_t, k) => (fake.current as Record<string | symbol, unknown>)[k] }),
}));

let b: ReturnType<typeof fakeBrowser>;
const notesPage = { id: "ext-id", tab: { id: 9 }, frameId: 0, url: "chrome-extension://ext-id/notes.html" };
const ask = (message: unknown) => b.fire("runtime.onMessage", message, notesPage);

const annotation = (i: number, body: string) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  type: "Annotation",
  motivation: "commenting",
  created: "2026-01-01T00:00:00.000Z",
  modified: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  body: { type: "TextualBody", value: body, format: "text/plain" },
  target: {
    source: "https://news.example/story",
    selector: [
      { type: "TextQuoteSelector", exact: "two officials" },
      { type: "TextPositionSelector", start: 10, end: 23 },
    ],
  },
  "sa:articleId": "a1",
});
const file = (items: unknown[]) =>
  JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationCollection",
    first: { type: "AnnotationPage", items },
  });

beforeEach(async () => {
  vi.resetModules();
  b = fakeBrowser();
  fake.current = b.browser;
  vi.stubGlobal("__E2E__", false);
  if (typeof navigator === "undefined") vi.stubGlobal("navigator", {});
  serveFiles({
    "data/articles.json": [{ id: "a1", publisher: "Example", urls: ["https://news.example/story"] }],
  });
  indexedDB.deleteDatabase("source-annotator-notes");
  await import("../../src/background/index");
  // The page's messages reach the background as the notes page's.
  b.state.runtimeReply = (m) => ask(m);
});
afterEach(() => vi.unstubAllGlobals());

describe("large values in parts", () => {
  test("an import larger than one message: uploaded in parts, imported whole; the export comes back in parts", async () => {
    const { notesOp } = await import("../../src/shared/messaging");
    // 90 notes of 100,000 characters (LIMITS.body) with an emoji at every 1,000th: over 9 M characters.
    const body = `${"x".repeat(999)}😀`.repeat(99).slice(0, LIMITS.body);
    const text = file(Array.from({ length: 90 }, (_, i) => annotation(i, body)));
    expect(text.length).toBeGreaterThan(LIMITS.messagePart);
    const imported = await notesOp({ op: "import", text });
    expect(imported).toMatchObject({ ok: true, value: { added: 90, skippedDuplicates: 0, rejected: [] } });
    const sent = b.runtimeMessages as { op?: { op: string; text?: string } }[];
    const uploads = sent.filter((m) => m.op?.op === "upload");
    expect(uploads.length).toBe(2);
    expect(uploads.every((m) => (m.op?.text?.length ?? 0) <= LIMITS.messagePart)).toBe(true);
    expect(sent.some((m) => m.op?.op === "import" && (m.op.text?.length ?? 0) > 0)).toBe(false);

    const exported = await notesOp({ op: "export" });
    if (!exported.ok) throw new Error(exported.message);
    const collection = JSON.parse(exported.value);
    expect(collection.total).toBe(90);
    expect(collection.first.items[0].body.value).toBe(body); // no surrogate pair cut between parts
    expect(sent.filter((m) => m.op?.op === "part").length).toBeGreaterThan(1);

    const all = await notesOp({ op: "all" });
    if (!all.ok) throw new Error(all.message);
    expect(all.value.map((n: Note) => n.body === body)).toEqual(Array(90).fill(true));
    // Each part is handed out once: asked again, it is gone, said plainly.
    const again = (await ask({ type: "notes", op: { op: "part", id: "no-such-id", index: 0 } })) as {
      ok: boolean;
      message: string;
    };
    expect(again).toMatchObject({ ok: false, code: "failed" });
    expect(again.message).toMatch(/try again/);
  });

  test("the notes a page at a time, newest first, removed ones left out, with the total", async () => {
    const { notesOp } = await import("../../src/shared/messaging");
    await notesOp({
      op: "import",
      text: file(Array.from({ length: 25 }, (_, i) => annotation(i, `note ${i}`))),
    });
    const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
    await notesOp({ op: "remove", id: id(23) });
    const bodies: string[] = [];
    let offset: number | null = 0;
    const totals: number[] = [];
    while (offset !== null) {
      const r: NotesResult<NotesPage> = await notesOp({ op: "page", offset, limit: 10 });
      if (!r.ok) throw new Error(r.message);
      bodies.push(...r.value.notes.map((n) => n.body));
      totals.push(r.value.total);
      offset = r.value.next as number | null;
    }
    // Note 23 was removed last: it is newest in the "modified" index, counted in the pages, never returned.
    expect(bodies).toEqual(
      Array.from({ length: 25 }, (_, i) => `note ${24 - i}`).filter((b) => b !== "note 23"),
    );
    expect(totals).toEqual([24, 24, 24]);
    // By id, pages of 10: every note but the removed one, once, in id order.
    const byId: string[] = [];
    let after: string | null = "";
    while (after !== null) {
      const r: NotesResult<NotesPage> = await notesOp({ op: "page", after, limit: 10 });
      if (!r.ok) throw new Error(r.message);
      byId.push(...r.value.notes.map((n) => n.id));
      after = r.value.next as string | null;
    }
    expect(byId).toEqual(Array.from({ length: 25 }, (_, i) => id(i)).filter((x) => x !== id(23)));
    expect(await ask({ type: "notes", op: { op: "page", offset: 0, limit: LIMITS.notesPage + 1 } })).toBe(
      undefined,
    );
  });

  test("splitParts: pieces of at most the size, a surrogate pair never cut", async () => {
    const { splitParts } = await import("../../src/shared/messaging");
    expect(splitParts("abcdefg", 3)).toEqual(["abc", "def", "g"]);
    expect(splitParts("ab😀cd", 3)).toEqual(["ab", "😀c", "d"]);
    expect(splitParts("", 3)).toEqual([]);
    for (const p of splitParts("😀".repeat(100), 7)) expect(p.length).toBeLessThanOrEqual(7);
    expect(splitParts("😀".repeat(100), 7).join("")).toBe("😀".repeat(100));
  });
});
