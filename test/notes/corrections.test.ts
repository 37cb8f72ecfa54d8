// The reader's corrections of attributions found on this device, exported with the notes and read back
// (decision 0009): the annotations' shape, the W3C suite's "must" assertions, the round trip, the migration of
// entries stored without an address, the merge rule and bad entries (each named, the rest kept).
import { beforeAll, describe, expect, test } from "vitest";
import {
  type Corrections,
  isCorrection,
  listCorrections,
  mergeCorrections,
  type PageCorrection,
  passageKey,
  storedCorrections,
  withAddress,
  withoutCorrection,
} from "../../src/analysis/corrections";
import { analysedId } from "../../src/analysis/types";
import { withCorrectionsMarkdown } from "../../src/notes/markdown";
import { exportCollection, parseImport } from "../../src/notes/w3c";
import {
  correctionAnnotation,
  parseCorrectionItems,
  parseCorrections,
  withCorrections,
} from "../../src/notes/w3c-corrections";
import { clock, freshStore, newNote } from "./helpers";
import { type Assertion, collectionFailures, failures, loadAssertions } from "./w3c-validator";

const URL_A = "https://news.example/2024/03/talks.html";
const URL_B = "https://other.example/story?id=7";
const A = analysedId(URL_A);
const B = analysedId(URL_B);
const HIDDEN = "The leader is not going anywhere";
const RENAMED = "indirect talks with the government had begun";

const stored: Corrections = {
  [A]: {
    [HIDDEN]: { hide: true, url: URL_A, at: "2026-12-01T10:00:00.000Z" },
    [RENAMED]: { speaker: "Mahmoud Shammam", url: URL_A, at: "2026-12-01T10:01:00.000Z" },
  },
  [B]: { "a passage with “quotes” & <tags>, ünïcödé": { hide: true, url: URL_B } },
};

let assertions: Assertion[];
beforeAll(() => {
  assertions = loadAssertions();
});

describe("export", () => {
  test("one annotation per correction: editing with the speaker named, moderating for hide", () => {
    const [hide, speaker] = listCorrections(stored).filter((c) => c.pageId === A);
    expect(correctionAnnotation(hide as PageCorrection, "urn:uuid:1")).toEqual({
      "@context": ["http://www.w3.org/ns/anno.jsonld", { sa: "https://source-annotator.invalid/ns#" }],
      id: "urn:uuid:1",
      type: "Annotation",
      motivation: "moderating",
      created: "2026-12-01T10:00:00.000Z",
      modified: "2026-12-01T10:00:00.000Z",
      target: { source: URL_A, selector: { type: "TextQuoteSelector", exact: HIDDEN } },
      "sa:correction": "hide",
      "sa:pageId": A,
    });
    expect(correctionAnnotation(speaker as PageCorrection, "urn:uuid:2")).toMatchObject({
      motivation: "editing",
      body: { type: "TextualBody", value: "Mahmoud Shammam", format: "text/plain", purpose: "editing" },
      target: { source: URL_A, selector: { type: "TextQuoteSelector", exact: RENAMED } },
      "sa:correction": "speaker",
    });
  });

  test("every correction passes every W3C 'must' assertion, and so does the collection with notes", async () => {
    const { store } = await freshStore(clock());
    await store.add(newNote({ body: "A note beside the corrections." }));
    const { collection, withoutAddress } = withCorrections(
      exportCollection(await store.listAll(), { articles: {} }),
      listCorrections(stored),
    );
    expect(withoutAddress).toEqual([]);
    expect(collection.total).toBe(4);
    expect(collection.first?.items).toHaveLength(4);
    for (const a of collection.first?.items ?? []) expect(failures(assertions, a)).toEqual([]);
    expect(collectionFailures(collection)).toEqual([]);
    // Corrections alone (no notes) make a valid collection too.
    const alone = withCorrections(exportCollection([], { articles: {} }), listCorrections(stored)).collection;
    expect(alone.total).toBe(3);
    expect(collectionFailures(alone)).toEqual([]);
  });

  test("a correction whose page's address is not known is left out and returned", () => {
    const old = { [A]: { [HIDDEN]: { hide: true as const } }, [B]: stored[B] ?? {} };
    const { collection, withoutAddress } = withCorrections(
      exportCollection([], { articles: {} }),
      listCorrections(old),
    );
    expect(collection.total).toBe(1);
    expect(withoutAddress).toEqual([{ pageId: A, passage: HIDDEN, correction: { hide: true } }]);
  });
});

describe("round trip", () => {
  test("export → file → import gives back the same corrections, and the notes import ignores them", async () => {
    const { store } = await freshStore(clock());
    await store.add(newNote({ body: "A note." }));
    const notes = await store.listAll();
    const text = JSON.stringify(
      withCorrections(exportCollection(notes, { articles: {} }), listCorrections(stored)).collection,
    );
    const back = parseCorrections(text);
    expect(back.rejected).toEqual([]);
    expect(back.corrections.map(({ index: _, ...c }) => c)).toEqual(listCorrections(stored));
    const merged = mergeCorrections({}, back.corrections).merged;
    expect(merged).toEqual(stored);
    // The notes' import reads the notes and passes over the corrections: nothing rejected.
    const parsed = parseImport(text);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.notes).toEqual(notes);
  });

  test("a passage longer than a key: the key's words, which the analysis matches", () => {
    const long = `${"word ".repeat(80)}end`;
    const key = passageKey(long);
    const list = listCorrections({ [A]: { [key]: { hide: true, url: URL_A } } });
    const text = JSON.stringify(withCorrections(exportCollection([], { articles: {} }), list).collection);
    expect(parseCorrections(text).corrections[0]?.passage).toBe(key);
  });
});

describe("migration of the stored shape", () => {
  test("older entries (no address, no time) still read, and get the address at the next analysis", () => {
    const old: Corrections = { [A]: { [HIDDEN]: { hide: true }, [RENAMED]: { speaker: "Mahmoud Shammam" } } };
    expect(listCorrections(old)).toHaveLength(2);
    expect(isCorrection({ hide: true })).toBe(true);
    const stamped = withAddress(old, A, `${URL_A}#section-2`);
    expect(stamped?.[A]).toEqual({
      [HIDDEN]: { hide: true, url: URL_A },
      [RENAMED]: { speaker: "Mahmoud Shammam", url: URL_A },
    });
    // Once stamped, nothing to do; another page's entries are left alone.
    expect(withAddress(stamped as Corrections, A, URL_A)).toBeNull();
    expect(withAddress(old, B, URL_B)).toBeNull();
  });

  test("a malformed stored value or entry is passed over, never thrown on", () => {
    for (const v of [null, "x", 3, [1, 2]]) expect(storedCorrections(v)).toEqual({});
    const odd = {
      [A]: { [HIDDEN]: { hide: true, url: "javascript:alert(1)" }, ok: { hide: true } },
      [B]: "not a page",
    } as unknown as Corrections;
    expect(listCorrections(odd)).toEqual([{ pageId: A, passage: "ok", correction: { hide: true } }]);
    expect(isCorrection({ hide: true, at: "yesterday" })).toBe(false);
  });

  test("undo removes one correction, and a page left without any", () => {
    const one = withoutCorrection(stored, A, HIDDEN);
    expect(Object.keys(one[A] ?? {})).toEqual([RENAMED]);
    expect(withoutCorrection(one, A, RENAMED)[A]).toBeUndefined();
    expect(stored[A]?.[HIDDEN]).toBeDefined(); // not changed in place
  });
});

describe("merge on import", () => {
  const item = (passage: string, correction: PageCorrection["correction"]): PageCorrection => ({
    pageId: A,
    passage,
    correction: { url: URL_A, ...correction },
  });

  test("new ones added, the same kept once, a newer import replaces, a newer or undated local one is kept", () => {
    const local: Corrections = {
      [A]: {
        same: { hide: true },
        older: { speaker: "Old Name", at: "2026-01-01T00:00:00.000Z" },
        newer: { speaker: "Mine", at: "2026-12-02T00:00:00.000Z" },
        undated: { speaker: "Undated" },
      },
    };
    const r = mergeCorrections(local, [
      item("new", { hide: true }),
      item("same", { hide: true, at: "2026-06-01T00:00:00.000Z" }),
      item("older", { speaker: "New Name", at: "2026-06-01T00:00:00.000Z" }),
      item("newer", { hide: true, at: "2026-06-01T00:00:00.000Z" }),
      item("undated", { hide: true, at: "2026-06-01T00:00:00.000Z" }),
    ]);
    expect(r.added.map((c) => c.passage)).toEqual(["new"]);
    expect(r.same.map((c) => c.passage)).toEqual(["same"]);
    expect(r.replaced.map((c) => c.passage)).toEqual(["older"]);
    expect(r.keptLocal.map((k) => k.imported.passage)).toEqual(["newer", "undated"]);
    expect(r.merged[A]).toEqual({
      new: { hide: true, url: URL_A },
      same: { hide: true, url: URL_A, at: "2026-06-01T00:00:00.000Z" },
      older: { speaker: "New Name", url: URL_A, at: "2026-06-01T00:00:00.000Z" },
      newer: { speaker: "Mine", at: "2026-12-02T00:00:00.000Z" },
      undated: { speaker: "Undated" },
    });
    expect(local[A]?.older?.speaker).toBe("Old Name"); // not changed in place
  });
});

describe("bad entries", () => {
  const good = () =>
    correctionAnnotation(listCorrections(stored)[0] as PageCorrection, "urn:uuid:g") as unknown as Record<
      string,
      unknown
    >;
  test("each is rejected with its item number and named by its passage and page; the good ones are kept", () => {
    const g = good();
    const target = g.target as { source: string; selector: { exact: string } };
    const items = [
      g,
      { ...g, "sa:correction": "rename" },
      { ...g, target: { ...target, source: "ftp://x.example/a" } },
      { ...g, "sa:pageId": "page-00000000" },
      { ...g, "sa:correction": "speaker", motivation: "editing" },
      { ...g, motivation: "editing" },
      { ...g, modified: "last Tuesday" },
      { ...g, target: { source: URL_A, selector: { type: "TextQuoteSelector", exact: "  " } } },
      {
        ...g,
        target: {
          ...target,
          selector: { ...target.selector, exact: target.selector.exact.replace(" ", "\n  ") },
        },
      },
      { type: "Annotation", motivation: "moderating" },
      {
        ...g,
        "sa:correction": "speaker",
        motivation: "editing",
        body: { purpose: "editing", value: "x".repeat(201) },
      },
      { type: "Annotation", motivation: "commenting" }, // a note: not this parser's
    ];
    const r = parseCorrectionItems(items);
    expect(r.corrections.map((c) => c.index)).toEqual([0]);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const name = `the correction of “${target.selector.exact}” on ${URL_A}`;
    expect(r.rejected[0]?.reason).toBe(
      `${name}: it is not a correction this extension made ("sa:correction" must be "hide" or "speaker", got "rename").`,
    );
    expect(r.rejected[2]?.reason).toContain("does not belong to its page's address");
    expect(r.rejected[3]?.reason).toContain("names no speaker");
    expect(r.rejected[4]?.reason).toContain('motivation must be "moderating"');
    expect(r.rejected[5]?.reason).toContain("not a date-time");
    expect(r.rejected[7]?.reason).toContain("the same passage twice");
    expect(r.rejected[8]?.reason).toMatch(/^the correction of a passage: /);
    expect(r.rejected[9]?.reason).toContain("longer than 200 characters");
  });

  test("a file that is not JSON, or not annotations, has no corrections (the notes' import says why)", () => {
    expect(parseCorrections("{not json")).toEqual({ corrections: [], rejected: [] });
    expect(parseCorrections('{"type":"Person"}')).toEqual({ corrections: [], rejected: [] });
    expect(parseCorrections('{"type":"Person","motivation":"editing"}')).toEqual({
      corrections: [],
      rejected: [],
    });
  });

  test("an annotation motivated both as a note and as an edit is a note, as before", () => {
    const r = parseCorrectionItems([{ type: "Annotation", motivation: ["commenting", "editing"] }]);
    expect(r).toEqual({ corrections: [], rejected: [] });
  });

  test("a bad correction is not counted among the notes' rejections", () => {
    const text = JSON.stringify([{ ...good(), "sa:correction": "rename" }]);
    expect(parseImport(text)).toEqual({ notes: [], rejected: [] });
    expect(parseCorrections(text).rejected).toHaveLength(1);
  });
});

describe("Markdown", () => {
  const list = listCorrections(stored);
  test("one file: a Corrections section per page, after the articles", () => {
    const [file] = withCorrectionsMarkdown([{ name: "all.md", text: "# Source Annotator notes\n" }], list, {
      articles: {},
      split: "all",
    });
    expect(file?.name).toBe("all.md");
    expect(file?.text).toBe(
      [
        "# Source Annotator notes",
        "",
        `## ${URL_A}`,
        "",
        "### Corrections",
        "",
        "Your corrections of the attributions found on this device:",
        "",
        `- “${HIDDEN}” — hidden (not an attribution) (2026-12-01)`,
        `- “${RENAMED}” — wrong speaker: said by Mahmoud Shammam (2026-12-01)`,
        "",
        `## ${URL_B}`,
        "",
        "### Corrections",
        "",
        "Your corrections of the attributions found on this device:",
        "",
        "- “a passage with “quotes” \\& \\<tags\\>, ünïcödé” — hidden (not an attribution)",
        "",
      ].join("\n"),
    );
  });

  test("a file per article: appended to the page's file, or a file of its own", () => {
    const files = withCorrectionsMarkdown([{ name: `${A}.md`, text: `# ${A}\n\nnotes\n` }], list, {
      articles: {},
      split: "article",
    });
    expect(files.map((f) => f.name)).toEqual([`${A}.md`, `${B}.md`]);
    expect(files[0]?.text).toMatch(new RegExp(`^# ${A}\n\nnotes\n\n## Corrections\n`));
    expect(files[1]?.text).toContain(`## Corrections\n\n- Address: <${URL_B}>\n`);
  });
});
