// Export: every exported annotation passes every "must" assertion of the W3C Web Annotation test suite, and
// export → import into an empty database gives back the same notes.
import { beforeAll, describe, expect, test } from "vitest";
import type { Note } from "../../src/model/notes";
import { type ArticleInfo, exportCollection, parseImport } from "../../src/notes/index";
import { clock, freshStore, newNote, PAGE, passage } from "./helpers";
import { type Assertion, collectionFailures, failures, loadAssertions } from "./w3c-validator";

const ARTICLES: Record<string, ArticleInfo> = {
  "nyt-libya-2011-07": {
    headline: "Rebel Commander in Libya Is Killed",
    publisher: "The New York Times",
    urls: [PAGE],
  },
  "csm-libya-2011-08": { publisher: "The Christian Science Monitor", urls: ["https://www.csmonitor.com/x"] },
};

/** Notes of every awkward kind, written through the store. */
async function writeSamples() {
  const { store } = await freshStore(clock());
  await store.add(newNote({ body: "Plain note." }));
  await store.add(
    newNote({
      body: "First line.\nSecond line.\n\n  Indented third.\r\nWindows line.",
      attachedTo: "nyt-libya-2011-07-a3",
    }),
  );
  await store.add(
    newNote({
      body: "Ünïcödé: Ελληνικά, العربية, 中文, emoji 🇱🇾👍🏽, combining e\u0301, zero-width\u200bjoiner.",
      target: passage("Benghazi — “the rebels’ capital”", 2040, "in ", " on"),
    }),
  );
  await store.add(
    newNote({
      body: `He said "no comment" and 'maybe'; JSON-ish: {"a": [1, 2]} \\ backslash </script><script>alert(1)</script>`,
      target: passage(`"We will fight," he said`, 300, `the council. `, ` on Sunday`),
    }),
  );
  await store.add(
    newNote({ body: "At the very start.", target: passage("TRIPOLI, Libya", 0, "", " — The") }),
  );
  await store.add(
    newNote({
      articleId: "csm-libya-2011-08",
      url: "https://web.archive.org/web/2011/https://www.csmonitor.com/x?print=true#top",
      body: "On an archived copy, at the very end.",
      target: passage("end of the article.", 5000, "the ", ""),
    }),
  );
  await store.importMany([
    {
      id: "https://example.org/annotations/42",
      articleId: "csm-libya-2011-08",
      url: "https://www.csmonitor.com/x",
      target: passage("kept its own id", 70, "", ""),
      body: "Imported from another tool.",
      created: "2015-01-28T12:00:00.000Z",
      modified: "2015-01-29T12:00:00.000Z",
    },
  ]);
  return { store, notes: await store.listAll() };
}

let musts: Assertion[];
beforeAll(() => {
  musts = loadAssertions();
});

describe("W3C Web Annotation test suite", () => {
  test("annotationMusts.test lists 54 must assertions, all loaded", () => {
    expect(musts).toHaveLength(54);
  });

  test("every exported annotation passes every must assertion", async () => {
    const { notes } = await writeSamples();
    expect(notes).toHaveLength(7);
    const collection = JSON.parse(JSON.stringify(exportCollection(notes, { articles: ARTICLES })));
    const items: unknown[] = collection.first.items;
    expect(items).toHaveLength(7);
    let checked = 0;
    for (const annotation of items) {
      expect(failures(musts, annotation)).toEqual([]);
      checked += musts.length;
    }
    expect(checked).toBe(7 * 54);
  });

  test("the validator is not vacuous: broken annotations fail the assertions they break", async () => {
    const { notes } = await writeSamples();
    const [good] = exportCollection(notes.slice(0, 1), { articles: ARTICLES }).first?.items ?? [];
    const failed = (change: (a: Record<string, unknown>) => void) => {
      const a = structuredClone(good) as unknown as Record<string, unknown>;
      change(a);
      return failures(musts, a).map((f) => f.file.replace(/^.*\//, ""));
    };
    expect(failed(() => undefined)).toEqual([]);
    expect(failed((a) => delete a["@context"])).toContain("3.1-annotationContextValidated.json");
    expect(failed((a) => (a["@context"] = "http://example.org/context"))).toContain(
      "3.1-annotationContextValidated.json",
    );
    expect(failed((a) => (a.id = "not a uri"))).toContain("3.1-annotationIdValidated.json");
    expect(failed((a) => (a.type = "Foo"))).toContain("3.1-annotationTypeValidated.json");
    expect(failed((a) => delete a.target)).toContain("3.1-targetKeyFound.json");
    expect(failed((a) => (a.created = "yesterday"))).toContain("3.3.1-annotationCreatedValidated.json");
    expect(failed((a) => (a.bodyValue = "also"))).toContain("3.2.5-notBodyBodyValue.json");
    const target = (a: Record<string, unknown>) => a.target as { selector: Record<string, unknown>[] };
    expect(
      failed((a) => (target(a).selector[1] = { type: "TextPositionSelector", start: -1, end: 3 })),
    ).toContain("4.2-TextDataPositionSelectorValid.json");
    expect(
      failed((a) => (target(a).selector[0] = { type: "TextQuoteSelector", prefix: "no exact" })),
    ).toContain("4.2.4-textQuoteSelectorValid.json");
  });

  test("the collection and its page meet the suite's collection definitions", async () => {
    const { notes } = await writeSamples();
    const collection = exportCollection(notes, { articles: ARTICLES, id: "https://example.org/my-notes" });
    expect(collectionFailures(JSON.parse(JSON.stringify(collection)))).toEqual([]);
    expect(collectionFailures(exportCollection([], { articles: ARTICLES }))).toEqual([]);
    expect(collectionFailures({ ...collection, type: "Collection", total: -1 })).toEqual([
      "annotationCollectionTypeValueFound",
      "totalDefinition",
    ]);
    const { first, ...withoutPage } = collection;
    expect(collectionFailures(withoutPage)).toEqual(["firstRequiredIfTotalMoreThanZero"]);
    expect(collectionFailures({ ...collection, first: { ...first, items: [{ type: "Foo" }] } })).toEqual([
      "first: itemsFound",
    ]);
  });
});

describe("exportCollection", () => {
  test("one annotation per note, in the shape the model describes", async () => {
    const { notes } = await writeSamples();
    const note = notes.find((n) => n.attachedTo) as Note;
    const collection = exportCollection([note], {
      articles: ARTICLES,
      id: "https://example.org/c",
      label: "Mine",
    });
    expect(collection).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://example.org/c",
      type: "AnnotationCollection",
      label: "Mine",
      total: 1,
      first: {
        id: expect.stringMatching(/^urn:uuid:/),
        type: "AnnotationPage",
        startIndex: 0,
        items: [expect.any(Object)],
      },
    });
    expect(collection.first?.items[0]).toEqual({
      "@context": ["http://www.w3.org/ns/anno.jsonld", { sa: "https://source-annotator.invalid/ns#" }],
      id: `urn:uuid:${note.id}`,
      type: "Annotation",
      motivation: "commenting",
      created: note.created,
      modified: note.modified,
      body: { type: "TextualBody", value: note.body, format: "text/plain", purpose: "commenting" },
      target: {
        source: PAGE,
        selector: [
          {
            type: "TextQuoteSelector",
            exact: note.target.exact,
            prefix: note.target.prefix,
            suffix: note.target.suffix,
          },
          { type: "TextPositionSelector", start: note.target.start, end: note.target.end },
        ],
      },
      "sa:articleId": "nyt-libya-2011-07",
      "sa:attachedTo": "nyt-libya-2011-07-a3",
    });
  });

  test("a note on another copy names the article's first URL as scope; empty context is left out", async () => {
    const { notes } = await writeSamples();
    const archived = notes.find((n) => n.url.startsWith("https://web.archive.org/")) as Note;
    const [annotation] = exportCollection([archived], { articles: ARTICLES }).first?.items ?? [];
    expect(annotation?.target.scope).toBe("https://www.csmonitor.com/x");
    expect(annotation?.target.selector[0]).toEqual({
      type: "TextQuoteSelector",
      exact: "end of the article.",
      prefix: "the ",
    });
    expect(annotation?.id).toBe(`urn:uuid:${archived.id}`);
    const foreign = notes.find((n) => n.id.startsWith("https:")) as Note;
    expect(exportCollection([foreign], { articles: {} }).first?.items[0]?.id).toBe(
      "https://example.org/annotations/42",
    );
  });

  test("default labels: the headline for one article, a count otherwise; no page when there are no notes", async () => {
    const { notes } = await writeSamples();
    const nyt = notes.filter((n) => n.articleId === "nyt-libya-2011-07");
    expect(exportCollection(nyt, { articles: ARTICLES }).label).toBe(
      "Notes on “Rebel Commander in Libya Is Killed” (The New York Times)",
    );
    expect(exportCollection(notes, { articles: ARTICLES }).label).toBe(
      "Source Annotator notes: 7 on 2 articles",
    );
    const empty = exportCollection([], { articles: ARTICLES });
    expect(empty).toMatchObject({ total: 0, label: "Source Annotator notes: 0 on 0 articles" });
    expect(empty).not.toHaveProperty("first");
  });
});

describe("export → import", () => {
  test("is lossless: an empty database gets exactly the same notes", async () => {
    const { notes } = await writeSamples();
    const file = JSON.stringify(exportCollection(notes, { articles: ARTICLES }), null, 2);
    const parsed = parseImport(file);
    expect(parsed.rejected).toEqual([]);
    const { store: empty } = await freshStore();
    expect(await empty.importMany(parsed.notes)).toEqual({ added: 7, skippedDuplicates: 0 });
    expect(await empty.listAll()).toEqual(notes);
    for (const note of notes) expect(await empty.get(note.id)).toEqual(note);
  });

  test("importing the same export again adds nothing", async () => {
    const { store, notes } = await writeSamples();
    const parsed = parseImport(JSON.stringify(exportCollection(notes, { articles: ARTICLES })));
    expect(await store.importMany(parsed.notes)).toEqual({ added: 0, skippedDuplicates: 7 });
    expect(await store.listAll()).toEqual(notes);
  });
});

describe("tags and colours", () => {
  async function tagged() {
    const { store } = await freshStore(clock());
    await store.add(
      newNote({
        body: "Tagged and coloured.",
        tags: ["council", "Rebels, leaders".replace(",", "")],
        colour: "violet",
      }),
    );
    await store.add(
      newNote({
        body: "Only a colour.",
        colour: "green",
        target: passage("TRIPOLI, Libya", 0, "", " — The"),
      }),
    );
    await store.add(
      newNote({ body: "Only tags: ünïcödé, #hash and spaces.", tags: ["ünïcödé", "#hash", "two words"] }),
    );
    await store.add(newNote({ body: "Neither." }));
    return { store, notes: await store.listAll() };
  }

  test("tags are tagging bodies, a colour is a styleClass defined in the annotation's stylesheet; all pass the suite", async () => {
    const { notes } = await tagged();
    const items = JSON.parse(JSON.stringify(exportCollection(notes, { articles: ARTICLES }))).first.items;
    for (const a of items) expect(failures(musts, a)).toEqual([]);
    const first = items.find(
      (a: { body: unknown }) => Array.isArray(a.body) && JSON.stringify(a.body).includes("council"),
    );
    expect(first.body).toEqual([
      { type: "TextualBody", value: "Tagged and coloured.", format: "text/plain", purpose: "commenting" },
      { type: "TextualBody", value: "council", format: "text/plain", purpose: "tagging" },
      { type: "TextualBody", value: "Rebels leaders", format: "text/plain", purpose: "tagging" },
    ]);
    expect(first.target.styleClass).toBe("sa-note-violet");
    expect(first.stylesheet).toEqual({
      type: "CssStylesheet",
      value: expect.stringContaining(".sa-note-violet {"),
    });
    const neither = items.find((a: { body: { value?: string } }) => a.body.value === "Neither.");
    expect(neither).not.toHaveProperty("stylesheet");
    expect(neither.target).not.toHaveProperty("styleClass");
  });

  test("export → import keeps tags and colours exactly", async () => {
    const { notes } = await tagged();
    const parsed = parseImport(JSON.stringify(exportCollection(notes, { articles: ARTICLES })));
    expect(parsed.rejected).toEqual([]);
    const { store: empty } = await freshStore();
    expect(await empty.importMany(parsed.notes)).toEqual({ added: 4, skippedDuplicates: 0 });
    expect(await empty.listAll()).toEqual(notes);
    expect(await empty.listTags()).toEqual([
      { tag: "#hash", count: 1 },
      { tag: "council", count: 1 },
      { tag: "Rebels leaders", count: 1 },
      { tag: "two words", count: 1 },
      { tag: "ünïcödé", count: 1 },
    ]);
  });

  test("another tool's style class is ignored; a tag that is not text rejects the annotation", async () => {
    const { notes } = await tagged();
    const [a] = exportCollection(notes.slice(0, 1), { articles: ARTICLES }).first?.items ?? [];
    const other = {
      ...structuredClone(a),
      target: { ...structuredClone(a)?.target, styleClass: "yellow-pen" },
    };
    expect(parseImport(JSON.stringify(other)).notes[0]).not.toHaveProperty("colour");
    const badTag = {
      ...structuredClone(a),
      body: [
        { type: "TextualBody", value: "x" },
        { type: "TextualBody", value: 3, purpose: "tagging" },
      ],
    };
    expect(parseImport(JSON.stringify(badTag)).rejected[0]?.reason).toMatch(/a tag must be text/);
  });
});
