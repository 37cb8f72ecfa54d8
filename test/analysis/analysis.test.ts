// Any-article analysis (issue 18), in Node: names linked to the dataset's entities across transliterations and
// never to a relative; metadata from JSON-LD and og:; the cheap article test; and the link precision on the
// fixture pages (test/fixtures/pages/analysis/), each page's expected links written out by hand.
import { readFileSync } from "node:fs";
import { Window } from "happy-dom";
import { beforeAll, describe, expect, it } from "vitest";
import { isCorrection } from "../../src/analysis/corrections";
import { EntityLinker, nameKey } from "../../src/analysis/link";
import { pageMeta } from "../../src/analysis/page";
import { analyseHtml } from "../../src/analysis/run";
import { ANALYSE_PART, isAnalysisRequest, MAX_ANALYSE_HTML } from "../../src/analysis/types";
import { looksLikeArticle } from "../../src/content/cheap";
import { buildDataset } from "../../src/dataset/build";
import { knownEntities, knownStatements } from "../../src/dataset/known";
import { loadArticles, loadCuration } from "../../src/dataset/load";

// The analysis parses with the browser's DOMParser (the offscreen document's, the event page's); here happy-dom's.
globalThis.DOMParser ??= new Window().DOMParser as unknown as typeof DOMParser;

const PAGES = "test/fixtures/pages";
const read = (f: string) => readFileSync(`${PAGES}/${f}`, "utf8");

let known: ReturnType<typeof knownEntities>;
let statements: ReturnType<typeof knownStatements>;
let linker: EntityLinker;
beforeAll(() => {
  const d = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;
  statements = knownStatements(d);
  known = knownEntities(
    buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset,
  );
  linker = new EntityLinker(known);
});

const link = (name: string, kind = "person", others: string[] = []) =>
  linker.link(name, kind, others)?.id ?? null;

describe("linking names to the dataset's entities", () => {
  it.each([
    ["Mustafa Abdel Jalil", "person:mustafa-abdul-jalil"],
    ["Mustafa Abdul-Jalil", "person:mustafa-abdul-jalil"],
    ["Mustafa Abd al-Jalil", "person:mustafa-abdul-jalil"],
    ["Mr. Abdel-Jalil", "person:mustafa-abdul-jalil"],
    ["Moammar Gadhafi", "person:muammar-qaddafi"],
    ["Muammar al-Gaddafi", "person:muammar-qaddafi"],
    ["Col. Muammar el-Qaddafi", "person:muammar-qaddafi"],
    ["Colonel Kadafi", "person:muammar-qaddafi"],
    ["Saif al-Islam Qaddafi", "person:saif-al-islam"],
    ["Saif al-Islam el-Gadhafi", "person:saif-al-islam"],
    ["Moussa Koussa", "person:moussa-koussa"],
    ["Mussa Kusa", "person:moussa-koussa"],
  ])("%s → %s", (name, id) => {
    expect(link(name)).toBe(id);
  });

  it.each([
    ["Khamis Qaddafi", []],
    ["Khamis el-Gadhafi", []],
    ["Mutassim Qaddafi", []],
    ["Omar Qaddafi", []],
    // A family name alone, on a page where a relative is named: ambiguous, not linked.
    ["Mr. Qaddafi", ["Khamis Qaddafi"]],
    ["Gadhafi", ["Saif al-Islam Gadhafi", "Khamis Gadhafi"]],
    ["Mustafa Ibrahim", []],
    ["Moussa Ibrahim", []],
    ["Ahmed Jalil", []],
  ] as [string, string[]][])("never links %s (page also names %j)", (name, others) => {
    const id = link(name, "person", others);
    expect(
      id === "person:muammar-qaddafi" || id === "person:mustafa-abdul-jalil" || id === "person:moussa-koussa"
        ? id
        : null,
    ).toBeNull();
    if (name.includes("Khamis") || name.includes("Mutassim") || name.includes("Omar")) expect(id).toBeNull();
  });

  it("a family name alone links when the page names no relative", () => {
    expect(link("Mr. Qaddafi", "person", ["Muammar Qaddafi"])).toBe("person:muammar-qaddafi");
    expect(link("Gadhafi", "person", [])).toBe("person:muammar-qaddafi");
  });

  it("transliterations share a key", () => {
    expect(nameKey("Abdel Jalil")).toEqual(nameKey("Abdul-Jalil"));
    expect(nameKey("Gadhafi")).toEqual(nameKey("Qaddafi"));
    expect(nameKey("Omar")).not.toEqual(nameKey("Muammar"));
  });
});

describe("the page's metadata and the cheap article test", () => {
  const doc = (html: string) => {
    const w = new Window({ url: "https://x.example/" });
    w.document.write(html);
    return w.document as unknown as Document;
  };
  it("reads a NewsArticle in a JSON-LD graph, and og: tags", () => {
    expect(pageMeta(doc(read("analysis/qaddafi-sons.html")))).toMatchObject({
      headline: "Qaddafi's sons split over talks",
      published: "2011-05-03",
      author: "R. Amari",
      publisher: "Northern Ledger",
    });
    expect(pageMeta(doc(read("analysis/libya-transition.html")))).toMatchObject({
      headline: "Rebel council sets out terms for transition",
      published: "2011-08-22",
      publisher: "Desert Dispatch",
      type: "article",
    });
  });
  it.each([
    ["analysis/harbour-strike.html", true],
    ["analysis/libya-transition.html", true],
    ["analysis/qaddafi-sons.html", true],
    ["analysis/nyt-2024.html", true],
    ["analysis/section-front.html", false],
    ["nyt/section-africa.html", false],
    ["csm/section-middle-east.html", false],
  ])("%s is an article: %s", (file, yes) => {
    expect(looksLikeArticle(doc(read(file)))).toBe(yes);
  });
  const paragraphs =
    `<p>${"Running text of the story, a sentence a reader reads to its end. ".repeat(3)}</p>`.repeat(5);
  it.each([
    ["og:type", `<head><meta property="og:type" content="article"></head><body>${paragraphs}</body>`, true],
    [
      "JSON-LD",
      `<head><script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body>${paragraphs}</body>`,
      true,
    ],
    ["an <article>", `<body><article>${paragraphs}</article></body>`, true],
    ["articleBody", `<body><div itemprop="articleBody">${paragraphs}</div></body>`, true],
    ["no sign", `<body><div>${paragraphs}</div></body>`, false],
    [
      "a sign that is not an article's",
      `<head><meta property="og:type" content="website"></head><body>${paragraphs}</body>`,
      false,
    ],
  ])("each sign alone is enough with running text: %s", (_, html, yes) => {
    expect(looksLikeArticle(doc(`<!doctype html><html>${html}</html>`))).toBe(yes);
  });
});

/** Each page's correct links (name on the page → dataset entity); anything else linked is a false link. */
const EXPECTED: Record<string, string[]> = {
  "analysis/harbour-strike.html": [],
  "analysis/libya-transition.html": [
    "person:mustafa-abdul-jalil",
    "person:muammar-qaddafi",
    "outlet:the-associated-press",
    "org:interim-national-transitional-council",
    "place:benghazi",
    "place:tripoli",
    "person:salah-ibrahim-eissa",
  ],
  "analysis/qaddafi-sons.html": ["person:saif-al-islam", "place:benghazi", "place:tripoli"],
  "analysis/nyt-2024.html": [
    "person:mustafa-abdul-jalil",
    "person:muammar-qaddafi",
    "place:benghazi",
    "place:brega",
    "place:libya",
    "place:tripoli",
  ],
};

describe("link precision on the fixture pages", () => {
  it("every link is right, and the must-never-link speakers are not linked", () => {
    let linked = 0;
    let right = 0;
    let expected = 0;
    const rows: string[] = [];
    for (const [file, want] of Object.entries(EXPECTED)) {
      const { reply } = analyseHtml(read(file), `https://x.example/${file}`, known);
      if (!reply.ok) throw new Error(`${file}: ${reply.reason}`);
      const got = reply.analysis.entitiesLinked;
      linked += got.length;
      right += got.filter((g) => want.includes(g)).length;
      expected += want.length;
      rows.push(
        `${file}: ${got.length} linked, ${got.filter((g) => !want.includes(g)).join(", ") || "none"} wrong`,
      );
      for (const a of reply.analysis.attributions)
        if (a.speaker && /Khamis/.test(a.speaker)) expect(a.linked).toBeUndefined();
    }
    const precision = right / linked;
    console.log(
      `link precision ${right}/${linked} = ${precision.toFixed(2)}, recall ${right}/${expected}\n  ${rows.join("\n  ")}`,
    );
    expect(precision).toBe(1);
  });
});

describe("a statement that says the same as a known passage", () => {
  it("links Eissa's repeated demand to the known article's passage, and nothing else on the fixture pages", () => {
    const links: string[] = [];
    for (const file of Object.keys(EXPECTED)) {
      const { views } = analyseHtml(read(file), `https://x.example/${file}`, known, {}, statements);
      for (const card of Object.values(views?.cards ?? {}))
        for (const l of card.links)
          for (const o of l.others) links.push(`${card.passage.text} → ${o.targetId}`);
    }
    expect(links).toEqual(["Either he leaves the country, or he goes to prison → nyt-libya-2011-07/a08"]);
  });
});

describe("stored corrections", () => {
  it("are read only in their own shape", () => {
    expect(isCorrection({ hide: true })).toBe(true);
    expect(isCorrection({ speaker: "Mustafa Abdul-Jalil" })).toBe(true);
    expect(isCorrection({})).toBe(true);
    for (const bad of [
      null,
      "hide",
      { hide: false },
      { speaker: "" },
      { speaker: 3 },
      { speaker: "x".repeat(201) },
    ])
      expect(isCorrection(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe("the analysis's messages from a content script", () => {
  it("a big page's HTML in parts: each part within ANALYSE_PART, the page within MAX_ANALYSE_HTML", () => {
    const part = (html: string, key: unknown = "k1") => ({ type: "analyse-part", key, html });
    expect(isAnalysisRequest(part("x".repeat(ANALYSE_PART)))).toBe(true);
    expect(isAnalysisRequest(part("x".repeat(ANALYSE_PART + 1)))).toBe(false);
    expect(isAnalysisRequest(part("x", 7))).toBe(false);
    expect(isAnalysisRequest(part("x", "k".repeat(64)))).toBe(false);
    const page = { type: "analyse-page", url: "https://example.com/", html: "<p>x</p>" };
    expect(isAnalysisRequest(page)).toBe(true);
    expect(isAnalysisRequest({ ...page, key: "k1" })).toBe(true);
    expect(isAnalysisRequest({ ...page, key: 1 })).toBe(false);
    expect(isAnalysisRequest({ ...page, html: "x".repeat(MAX_ANALYSE_HTML + 1) })).toBe(false);
  });
});
