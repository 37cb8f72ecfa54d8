// Import from Hypothesis: the client's export and an API search result (test/fixtures/hypothesis/), placed on the
// known articles by address; page notes, replies, bare highlights and other pages reported with the reason.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { articleFinder, type KnownArticle } from "../../src/notes/hypothesis";
import { importAnnotations, parseImport } from "../../src/notes/w3c";
import { freshStore } from "./helpers";

const CSM = "csm-libya-2011-04-01";
const CSM_URL =
  "https://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand";
const ARTICLES: KnownArticle[] = [
  { id: CSM, urls: [CSM_URL.replace("https:", "http:"), CSM_URL] },
  { id: "nyt-libya-2011-07", urls: [] },
];
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/hypothesis/${name}`, import.meta.url), "utf8");
const EXPORT = fixture("client-export.json");
const SEARCH = fixture("api-search.json");

describe("the client's export", () => {
  test("two notes placed on the article; the page note, the reply, the highlight and the other site skipped, each with its reason", () => {
    const { notes, rejected, format } = parseImport(EXPORT, { articles: ARTICLES });
    expect(format).toBe("hypothesis");
    expect(notes).toEqual([
      {
        id: "https://hypothes.is/a/Kq3vZNgfEe6x0z8wz8vNbA",
        articleId: CSM,
        url: CSM_URL,
        target: {
          exact:
            "rebel forces would agree to a cease-fire if the Libyan leader pulled his loyalists out of cities and allowed peaceful protests.",
          prefix: "position leader said today that ",
          suffix: "\n\nThe condition for the cease-fi",
          start: 593 + 431,
          end: 720 + 431,
        },
        body: "The rebels' terms, as the paper reports them. Compare with the July offer.",
        created: "2024-02-10T09:12:33.123Z",
        modified: "2024-02-11T10:00:00.000Z",
        tags: ["ceasefire", "NTC"],
      },
      expect.objectContaining({
        id: "https://hypothes.is/a/Lr4wZNgfEe6x0z8wz8vNbB",
        articleId: CSM,
        url: `${CSM_URL.replace("https://", "http://")}?utm_source=feed#comments`,
        target: expect.objectContaining({ exact: "crumbling" }),
        body: "Whose word is “crumbling”? Unnamed officials.",
        tags: ["anonymous sources"],
      }),
    ]);
    expect(rejected).toEqual([
      { index: 2, reason: "it is a page note: it is on the whole page, with no passage selected." },
      { index: 3, reason: "it is a reply to another annotation (replies are not notes on a passage)." },
      { index: 4, reason: "it is a highlight without a note (no text)." },
      {
        index: 5,
        reason:
          'it is on "https://example.org/blog/2011/libya-roundup", which is not an article Source Annotator knows.',
      },
    ]);
  });
});

describe("an API search result", () => {
  test("a note with only a quote is placed by it; a PDF is not a known article", () => {
    const { notes, rejected } = parseImport(SEARCH, { articles: ARTICLES });
    expect(notes.map((n) => n.id)).toEqual([
      "https://hypothes.is/a/Qw91ZNgfEe6x0z8wz8vNbG",
      "https://hypothes.is/a/Kq3vZNgfEe6x0z8wz8vNbA",
    ]);
    const [sons] = notes;
    // No TextPositionSelector: the quote places it; the position is only a hint.
    expect(sons?.target).toMatchObject({ start: 0, end: sons?.target.exact.length });
    expect(sons).toMatchObject({
      body: "Second-hand: the Guardian's diplomatic source.\nCheck the original report.",
      tags: ["secondhand", "Guardian"],
      created: "2024-02-12T08:00:00.000Z",
    });
    expect(rejected).toEqual([
      {
        index: 1,
        reason:
          'it is on "urn:x-pdf:6a3a1f0c9b2d4e5f8a7b6c5d4e3f2a1b", which is not an article Source Annotator knows.',
      },
    ]);
  });
});

describe("into the store", () => {
  test("both files: every note once, with its tags; the same file again adds nothing", async () => {
    const { store } = await freshStore();
    const first = await importAnnotations(store, EXPORT, { articles: ARTICLES });
    expect(first).toMatchObject({ added: 2, skippedDuplicates: 0, format: "hypothesis" });
    expect(first.rejected).toHaveLength(4);
    const second = await importAnnotations(store, SEARCH, { articles: ARTICLES });
    expect(second).toMatchObject({ added: 1, skippedDuplicates: 1 });
    expect(await importAnnotations(store, EXPORT, { articles: ARTICLES })).toMatchObject({
      added: 0,
      skippedDuplicates: 2,
    });
    expect((await store.listByArticle(CSM)).map((n) => n.target.exact.slice(0, 20))).toEqual([
      // Reading order by the position: the search result's note has none, so it comes first.
      "There has been incre",
      "crumbling",
      "rebel forces would a",
    ]);
    expect((await store.listTags()).map((t) => t.tag).sort()).toEqual(
      ["anonymous sources", "ceasefire", "Guardian", "NTC", "secondhand"].sort(),
    );
  });

  test("the same validation: a note over the limits is reported, and a store failure writes nothing", async () => {
    const doc = JSON.parse(EXPORT);
    doc.annotations[0].text = "x".repeat(100_001);
    doc.annotations[1].tags = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const { notes, rejected } = parseImport(JSON.stringify(doc), { articles: ARTICLES });
    expect(notes).toEqual([]);
    expect(rejected.slice(0, 2)).toEqual([
      { index: 0, reason: "The note is too long: 100,001 characters (at most 100,000)." },
      { index: 1, reason: "A note has at most 32 tags (this one has 40)." },
    ]);
    // All or nothing: the per-article limit refuses the whole file.
    const many = {
      rows: Array.from({ length: 2001 }, (_, i) => ({
        ...JSON.parse(EXPORT).annotations[0],
        id: `id${i}`,
        links: undefined,
      })),
    };
    const { store } = await freshStore();
    await expect(
      importAnnotations(store, JSON.stringify(many), { articles: ARTICLES }),
    ).rejects.toMatchObject({
      code: "limit",
    });
    expect(await store.listAll()).toEqual([]);
  });

  test("addresses compare without scheme, www, fragment or trailing slash; the query only when it must", () => {
    const find = articleFinder(ARTICLES);
    expect(find(`${CSM_URL}/`)).toBe(CSM);
    expect(find(CSM_URL.replace("https://www.", "http://"))).toBe(CSM);
    expect(find(`${CSM_URL}?page=2#x`)).toBe(CSM);
    expect(find("https://www.csmonitor.com/World")).toBeUndefined();
    expect(find("not a url")).toBeUndefined();
  });

  test("a W3C file is still read as one", () => {
    expect(parseImport(JSON.stringify({ rows: [] }), { articles: ARTICLES })).toEqual({
      notes: [],
      rejected: [],
      format: "hypothesis",
    });
    expect(
      parseImport(
        JSON.stringify({ type: "AnnotationPage", "@context": "http://www.w3.org/ns/anno.jsonld", items: [] }),
      ).format,
    ).toBeUndefined();
  });
});

test("an annotation whose uri is not the article's but whose target source is, is placed on the source's page", () => {
  const doc = JSON.parse(EXPORT);
  const [a] = doc.annotations;
  a.uri = "urn:x-dc:example/libya";
  const { notes } = parseImport(JSON.stringify({ ...doc, annotations: [a] }), { articles: ARTICLES });
  expect(notes[0]).toMatchObject({ articleId: CSM, url: CSM_URL });
});
