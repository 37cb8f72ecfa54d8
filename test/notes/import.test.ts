// Import of W3C Web Annotation files: malformed and hostile files are refused item by item with a reason, and
// change nothing in the store; valid items of a mixed file are imported.
import { describe, expect, test } from "vitest";
import type { Note } from "../../src/model/notes";
import { importAnnotations, parseImport } from "../../src/notes/index";
import { noteProblem } from "../../src/notes/validate";
import { dump, freshStore, newNote } from "./helpers";

const ANNO = "http://www.w3.org/ns/anno.jsonld";
type Json = Record<string, unknown>;

/** A valid annotation as this extension exports it; `n` varies the id. */
function annotation(n = 1, over: Json = {}): Json {
  return {
    "@context": [ANNO, { sa: "https://source-annotator.invalid/ns#" }],
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    type: "Annotation",
    motivation: "commenting",
    created: "2024-01-02T03:04:05.000Z",
    modified: "2024-01-02T03:04:05.000Z",
    body: { type: "TextualBody", value: `Note ${n}`, format: "text/plain", purpose: "commenting" },
    target: {
      source: "https://www.nytimes.com/2011/07/29/world/africa/29libya.html",
      selector: [
        { type: "TextQuoteSelector", exact: "rebel officials", prefix: "two ", suffix: " said" },
        { type: "TextPositionSelector", start: 100, end: 115 },
      ],
    },
    "sa:articleId": "nyt-libya-2011-07",
    ...over,
  };
}

const collection = (items: unknown[], over: Json = {}) =>
  JSON.stringify({
    "@context": ANNO,
    id: "https://example.org/collection",
    type: "AnnotationCollection",
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
    ...over,
  });

/** One annotation whose target is `target`. */
const withTarget = (target: unknown) => JSON.stringify(annotation(1, { target }));
const source = "https://www.nytimes.com/2011/07/29/world/africa/29libya.html";
const withSelectors = (...selector: unknown[]) => withTarget({ source, selector });
const quote = { type: "TextQuoteSelector", exact: "rebel officials" };
const position = (start: unknown, end: unknown) => ({ type: "TextPositionSelector", start, end });
const withBody = (body: unknown) => JSON.stringify(annotation(1, { body }));
const textBody = (value: unknown, over: Json = {}) => ({ type: "TextualBody", value, ...over });

const MALFORMED: [string, string, RegExp][] = [
  ["not JSON", "this is not json", /^not JSON: /],
  ["truncated JSON", collection([annotation()]).slice(0, 180), /^not JSON: /],
  ["an empty file", "", /^not JSON: /],
  ["NaN in JSON", '{"type": "Annotation", "start": NaN}', /^not JSON: /],
  ["a number", "42", /got a number/],
  ["null", "null", /got null/],
  ["a string", '"Annotation"', /got "Annotation"/],
  ["body value as number", withBody(textBody(42)), /body value must be text \(got a number\)/],
  [
    "selector as a string",
    withTarget({ source, selector: "TextQuoteSelector" }),
    /found: "TextQuoteSelector"/,
  ],
  ["missing target", JSON.stringify(annotation(1, { target: undefined })), /it has no target/],
  [
    "target without selectors",
    withTarget({ source }),
    /needs a TextQuoteSelector and a TextPositionSelector \(found: none\)/,
  ],
  [
    "a selector of an unknown type only",
    withSelectors({ type: "CssSelector", value: "#p3" }),
    /found: "CssSelector"/,
  ],
  ["quote selector without position", withSelectors(quote), /found: "TextQuoteSelector"\)/],
  ["target without source", withTarget({ selector: [quote, position(1, 5)] }), /no source/],
  ["target as a bare URL", withTarget(source), /must be a passage of a page \(got "https:/],
  ["two targets", withTarget([{ source, selector: [quote, position(1, 5)] }, source]), /2 targets/],
  ["negative position", withSelectors(quote, position(-5, 10)), /whole numbers from 0 \(start -5, end 10\)/],
  [
    "NaN position (as a string)",
    withSelectors(quote, position("NaN", 10)),
    /whole numbers from 0 \(start NaN/,
  ],
  ["fractional position", withSelectors(quote, position(1.5, 10)), /whole numbers/],
  ["start after end", withSelectors(quote, position(50, 10)), /start \(50\) must come before its end \(10\)/],
  [
    "huge body (200,000 characters)",
    withBody(textBody("x".repeat(200_000))),
    /too long: 200,000 characters \(at most 100,000\)/,
  ],
  [
    "huge exact",
    withSelectors({ ...quote, exact: "y".repeat(10_001) }, position(0, 10_001)),
    /selected text is too long/,
  ],
  [
    "prefix as number",
    withSelectors({ ...quote, prefix: 7 }, position(1, 5)),
    /prefix must be text \(got a number\)/,
  ],
  [
    "60,000 items",
    JSON.stringify(Array.from({ length: 60_000 }, () => ({}))),
    /too many annotations: 60,000 \(at most 50,000\)/,
  ],
  [
    // LIMITS.importBytes is 64 MB (a file of 50,000 notes travels to the background in parts).
    "a file over 64 MB",
    JSON.stringify([annotation(1, { pad: "é".repeat(34_000_000) })]),
    /too large: 64\.\d MB \(at most 64\.0 MB\)/,
  ],
  [
    "a javascript: source with <script>",
    withTarget({ source: "javascript:alert('<script>')", selector: [quote, position(1, 5)] }),
    /page address/,
  ],
  [
    "__proto__ key (prototype pollution)",
    `{"__proto__": {"polluted": "yes"}, ${collection([annotation()]).slice(1)}`,
    /key "__proto__"/,
  ],
  [
    "__proto__ inside an item",
    JSON.stringify([annotation()]).replace(
      '"type":"Annotation"',
      '"type":"Annotation","__proto__":{"polluted":"yes"}',
    ),
    /key "__proto__"/,
  ],
  [
    "constructor.prototype inside a selector",
    withSelectors({ ...quote, constructor: { prototype: { polluted: "yes" } } }, position(1, 5)),
    /key "constructor"/,
  ],
  ["control characters", withBody(textBody("bell \u0007 escape \u001b[31m")), /control characters/],
  [
    "a NUL in the passage",
    withSelectors({ ...quote, exact: "nul\u0000byte" }, position(1, 9)),
    /control characters/,
  ],
  ["a lone surrogate", withBody(textBody("broken \ud83d text")), /lone surrogate/],
  [
    "wrong @context",
    JSON.stringify(annotation(1, { "@context": "http://schema.org/" })),
    /@context must be \(or include\) "http:\/\/www\.w3\.org\/ns\/anno\.jsonld" \(got "http:\/\/schema\.org\/"\)/,
  ],
  [
    "no @context on a lone annotation",
    JSON.stringify([annotation(1, { "@context": undefined })]),
    /@context/,
  ],
  [
    "collection with a wrong @context",
    collection([annotation()], { "@context": ["http://example.org/ctx"] }),
    /the collection is refused: .*@context/,
  ],
  [
    'wrong type "Foo"',
    JSON.stringify(annotation(1, { type: "Foo" })),
    /type "Foo" is not Annotation, AnnotationPage or AnnotationCollection/,
  ],
  [
    'item of type "Foo"',
    collection([annotation(1, { type: "Foo" })]),
    /its type must be "Annotation" \(got "Foo"\)/,
  ],
  [
    "bookmarking without body",
    JSON.stringify(annotation(1, { motivation: "bookmarking", body: undefined })),
    /motivation "bookmarking" is not a note/,
  ],
  [
    "highlighting",
    JSON.stringify(annotation(1, { motivation: "highlighting" })),
    /motivation "highlighting" is not a note/,
  ],
  ["no body", JSON.stringify(annotation(1, { body: undefined })), /no text body/],
  ["only a tag body", withBody([textBody("libya", { purpose: "tagging" })]), /no text body/],
  [
    "an HTML body",
    withBody(textBody("<p>hi</p>", { format: "text/html" })),
    /format "text\/html" is not supported/,
  ],
  ["two text bodies", withBody([textBody("one"), textBody("two")]), /2 text bodies/],
  ["body and bodyValue", JSON.stringify(annotation(1, { bodyValue: "also" })), /both body and bodyValue/],
  ["no id", JSON.stringify(annotation(1, { id: undefined })), /no id/],
  ["an id that is not a URI", JSON.stringify(annotation(1, { id: "note 1" })), /UUID or an absolute URI/],
  ["no article id", JSON.stringify(annotation(1, { "sa:articleId": undefined })), /no "sa:articleId"/],
  [
    "a bad article id",
    JSON.stringify(annotation(1, { "sa:articleId": "../../etc/passwd" })),
    /article id is not valid/,
  ],
  [
    "created not a date",
    JSON.stringify(annotation(1, { created: "yesterday" })),
    /creation time is not an ISO 8601 date-time \(got "yesterday"\)/,
  ],
  [
    "first page only by reference",
    collection([], { first: "https://example.org/page/1" }),
    /first page is not in the file/,
  ],
  [
    "a page without items",
    JSON.stringify({ "@context": ANNO, type: "AnnotationPage" }),
    /AnnotationPage with a list of items/,
  ],
  [
    "nesting 40 levels deep",
    withBody({ ...textBody("deep"), x: JSON.parse(`${"[".repeat(40)}${"]".repeat(40)}`) }),
    /nested more than 16 levels/,
  ],
];

describe("malformed files", () => {
  test(`there are at least twenty (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(20);
    expect(new Set(MALFORMED.map(([name]) => name)).size).toBe(MALFORMED.length);
  });

  test.each(MALFORMED)("%s: refused with a clear reason, store unchanged", async (_name, text, reason) => {
    const parsed = parseImport(text);
    expect(parsed.notes).toEqual([]);
    expect(parsed.rejected.length).toBeGreaterThan(0);
    expect(parsed.rejected[0]?.reason).toMatch(reason);
    const { store, factory, name } = await freshStore();
    const kept = await store.add(newNote());
    await store.remove((await store.add(newNote({ body: "removed" }))).id);
    const before = await dump(factory, name);
    const report = await importAnnotations(store, text);
    expect(report).toEqual({ added: 0, skippedDuplicates: 0, rejected: parsed.rejected });
    expect(await dump(factory, name)).toEqual(before);
    expect(await store.listAll()).toEqual([kept]);
  });

  test("no attempt pollutes Object.prototype", () => {
    for (const [, text] of MALFORMED) parseImport(text);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  test("an array of garbage gets one rejection per item, with its index", () => {
    const { notes, rejected } = parseImport(JSON.stringify([1, "x", null, [], {}]));
    expect(notes).toEqual([]);
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(rejected[0]?.reason).toBe("it is not an annotation (got a number).");
    expect(rejected[4]?.reason).toMatch(/@context/);
  });
});

describe("accepted files", () => {
  test("a mixed file imports only its valid items, in one write", async () => {
    const items = [
      annotation(1),
      annotation(2, { type: "Foo" }),
      annotation(3, { body: textBody("") }),
      annotation(4),
      annotation(1, { body: textBody("same id again") }),
    ];
    const { store } = await freshStore();
    const report = await importAnnotations(store, collection(items));
    expect(report.added).toBe(2);
    expect(report.skippedDuplicates).toBe(0);
    expect(report.rejected).toEqual([
      { index: 1, reason: 'its type must be "Annotation" (got "Foo").' },
      { index: 2, reason: "The note is empty." },
      { index: 4, reason: "it has the same id as item 0." },
    ]);
    expect((await store.listAll()).map((n) => n.body).sort()).toEqual(["Note 1", "Note 4"]);
    // Again: both are already there.
    expect(await importAnnotations(store, collection(items))).toMatchObject({
      added: 0,
      skippedDuplicates: 2,
    });
  });

  test("a byte order mark at the start is accepted", () => {
    const { notes, rejected } = parseImport(`\ufeff${collection([annotation()])}`);
    expect(rejected).toEqual([]);
    expect(notes).toHaveLength(1);
  });

  test("a collection, a page, one annotation and an array all read the same", () => {
    const page = JSON.stringify({ "@context": ANNO, type: "AnnotationPage", items: [annotation()] });
    const forms = [
      collection([annotation()]),
      page,
      JSON.stringify(annotation()),
      JSON.stringify([annotation()]),
    ];
    const results = forms.map((f) => parseImport(f));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]?.notes).toEqual([
      {
        id: "00000000-0000-4000-8000-000000000001",
        articleId: "nyt-libya-2011-07",
        url: "https://www.nytimes.com/2011/07/29/world/africa/29libya.html",
        target: { exact: "rebel officials", prefix: "two ", suffix: " said", start: 100, end: 115 },
        body: "Note 1",
        created: "2024-01-02T03:04:05.000Z",
        modified: "2024-01-02T03:04:05.000Z",
      },
    ]);
  });

  test("markup in a body is plain text: kept verbatim, never interpreted", async () => {
    const body = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const { store } = await freshStore();
    const report = await importAnnotations(store, JSON.stringify(annotation(1, { body: textBody(body) })));
    expect(report.rejected).toEqual([]);
    expect((await store.listAll())[0]?.body).toBe(body);
  });

  test("another tool's annotation: tags, extra selectors, source object, no dates, other id", () => {
    const now = new Date("2025-05-05T05:05:05.000Z");
    const foreign = {
      "@context": "https://www.w3.org/ns/anno.jsonld",
      id: "https://hypothes.is/a/abc123",
      type: "Annotation",
      motivation: ["commenting", "tagging"],
      body: [textBody("libya", { purpose: "tagging" }), { value: "A comment." }],
      target: {
        source: { id: "https://www.nytimes.com/2011/07/29/world/africa/29libya.html", type: "Text" },
        selector: [
          { type: "RangeSelector", startSelector: { type: "XPathSelector", value: "/p[2]" } },
          { type: "TextPositionSelector", start: 10, end: 20 },
          { type: "TextQuoteSelector", exact: "Benghazi 2" },
        ],
      },
      "sa:articleId": "nyt-libya-2011-07",
    };
    const { notes, rejected } = parseImport(JSON.stringify(foreign), { now });
    expect(rejected).toEqual([]);
    expect(notes).toEqual([
      {
        id: "https://hypothes.is/a/abc123",
        articleId: "nyt-libya-2011-07",
        url: "https://www.nytimes.com/2011/07/29/world/africa/29libya.html",
        target: { exact: "Benghazi 2", prefix: "", suffix: "", start: 10, end: 20 },
        body: "A comment.",
        created: "2025-05-05T05:05:05.000Z",
        modified: "2025-05-05T05:05:05.000Z",
        tags: ["libya"],
      },
    ]);
  });

  test("motivations: commenting, describing, questioning or none are notes; dates are normalised to UTC", () => {
    const items = [
      annotation(1, { motivation: "questioning", created: "2024-01-02T04:04:05+01:00" }),
      annotation(2, { motivation: "describing" }),
      annotation(3, { motivation: undefined, body: undefined, bodyValue: "Shorthand body." }),
    ];
    const { notes, rejected } = parseImport(collection(items));
    expect(rejected).toEqual([]);
    expect(notes.map((n) => n.body)).toEqual(["Note 1", "Note 2", "Shorthand body."]);
    expect(notes[0]?.created).toBe("2024-01-02T03:04:05.000Z");
  });

  test("a collection with more pages imports the first and says the rest is missing", () => {
    const text = collection([annotation()], { total: 2 }).replace(
      '"startIndex":0,',
      '"startIndex":0,"next":"https://example.org/page/2",',
    );
    const { notes, rejected } = parseImport(text);
    expect(notes).toHaveLength(1);
    expect(rejected).toEqual([{ index: null, reason: expect.stringMatching(/more pages, not in the file/) }]);
  });
});

describe("never throws", () => {
  /** Every path to a value inside `v`. */
  function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
    if (typeof v !== "object" || v === null) return [at];
    return [
      at,
      ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, Array.isArray(v) ? Number(k) : k])),
    ];
  }
  function replaced(root: Json, path: (string | number)[], value: unknown): unknown {
    if (path.length === 0) return value;
    const copy = structuredClone(root);
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1] as string | number] = value;
    return copy;
  }
  const VALUES = [
    null,
    0,
    -1,
    1e308,
    "",
    "x",
    [],
    {},
    true,
    "\u0000",
    "\ud800",
    [null],
    { type: "Annotation" },
  ];

  test("any value anywhere in an annotation: a note that passes validation, or a rejection", () => {
    const base = annotation();
    let files = 0;
    for (const path of paths(base))
      for (const value of [...VALUES, undefined]) {
        const file = replaced(base, path, value);
        const { notes, rejected } = parseImport(JSON.stringify(file) ?? "");
        const emptyList = Array.isArray(file) && file.length === 0; // nothing to import, nothing wrong
        expect(notes.length + rejected.length > 0).toBe(!emptyList);
        for (const note of notes) expect(noteProblem(note as Note)).toBeNull();
        files++;
      }
    expect(files).toBeGreaterThan(300);
  });

  test("every truncation of a file", () => {
    const text = collection([annotation(1), annotation(2)]);
    for (let n = 0; n < text.length; n++) {
      const { notes, rejected } = parseImport(text.slice(0, n));
      expect(notes).toEqual([]);
      expect(rejected).toHaveLength(1);
    }
  });
});
