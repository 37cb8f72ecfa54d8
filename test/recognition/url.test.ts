import { describe, expect, it } from "vitest";
import {
  buildRecognitionIndex,
  canonicalUrl,
  globMatch,
  matchUrlPattern,
  parseUrlPattern,
  recogniseUrl,
  unwrapArchiveUrl,
} from "../../src/recognition/index";

const CSM =
  "http://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand";
const CSM_PATTERN = "*://*.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire*";
// Made-up URLs in the shape of the sites' URLs of 2011 (the real ones are not known).
const WT = "https://www.washingtontimes.com/news/2011/apr/4/test-slug/?page=3";
const NYT = "https://www.nytimes.com/2011/07/05/world/africa/05test.html";

const index = buildRecognitionIndex([
  { id: "csm", urls: [CSM], urlPatterns: [CSM_PATTERN], text: "" },
  { id: "wt", urls: [WT], urlPatterns: [], text: "" },
  {
    id: "nyt",
    urls: [NYT],
    urlPatterns: ["https://nytimes.com/2011/07/05/world/africa/05test.html?pagewanted=*"],
    text: "",
  },
]);

describe("unwrapArchiveUrl", () => {
  it.each([
    [
      "https://web.archive.org/web/20110401120000/http://www.csmonitor.com/a/b",
      "http://www.csmonitor.com/a/b",
    ],
    [
      "https://web.archive.org/web/20110401120000id_/http://www.csmonitor.com/a/b",
      "http://www.csmonitor.com/a/b",
    ],
    [
      "http://web.archive.org/web/20110401120000if_/https://www.csmonitor.com/a?page=3",
      "https://www.csmonitor.com/a?page=3",
    ],
    ["https://web.archive.org/web/2011/www.csmonitor.com/a/b", "http://www.csmonitor.com/a/b"],
    ["https://web.archive.org/web/20110401120000/http:/www.csmonitor.com/a", "http://www.csmonitor.com/a"],
    [
      "https://web.archive.org/web/20110401120000/http%3A%2F%2Fwww.csmonitor.com%2Fa",
      "http://www.csmonitor.com/a",
    ],
    [
      "https://web.archive.org/web/2020/https://web.archive.org/web/2011id_/http://www.csmonitor.com/a",
      "http://www.csmonitor.com/a",
    ],
    ["https://archive.ph/20110401120000/http://www.csmonitor.com/a", "http://www.csmonitor.com/a"],
    ["https://www.csmonitor.com/a", "https://www.csmonitor.com/a"],
    [
      "https://web.archive.org/web/*/www.csmonitor.com/a*",
      "https://web.archive.org/web/*/www.csmonitor.com/a*",
    ],
    [
      "https://example.com/web/20110401/http://www.csmonitor.com/a",
      "https://example.com/web/20110401/http://www.csmonitor.com/a",
    ],
  ])("%s → %s", (url, expected) => {
    expect(unwrapArchiveUrl(url)).toBe(expected);
  });
});

describe("canonicalUrl", () => {
  it.each([
    ["https://www.example.com/a/b/", "example.com/a/b"],
    ["http://m.example.com/a/b#comments", "example.com/a/b"],
    ["https://mobile.example.com/a/b?utm_source=tw&utm_medium=social&fbclid=x", "example.com/a/b"],
    ["https://EXAMPLE.com/a/b?page=3&utm_campaign=x", "example.com/a/b?page=3"],
    ["https://example.com/a/b?z=1&page=3", "example.com/a/b?page=3&z=1"],
    ["https://example.com:8080/a", "example.com:8080/a"],
    ["https://example.com/", "example.com"],
    ["ftp://example.com/a", null],
    ["chrome://extensions", null],
    ["not a url", null],
    ["", null],
  ])("%s → %s", (url, expected) => {
    expect(canonicalUrl(url)).toBe(expected);
  });

  it("reads a parsed address (a page's location) as it reads the same address as a string", () => {
    const urls = [
      "https://www.example.com/a/b/",
      "http://m.example.com/a/b#comments",
      "https://EXAMPLE.com/a/b?z=1&page=3&utm_campaign=x&fbclid=y",
      "https://example.com:8080/a?q=a+b%20c&q=%E2%80%94",
      "https://example.com/?",
      "https://xn--bcher-kva.example/%7Euser/caf%C3%A9",
      `https://web.archive.org/web/20110401000000id_/${CSM}?page=2`,
      "https://archive.ph/20110401/https://www.nytimes.com/2011/07/05/world/africa/05test.html",
      "https://notes.archive.example.com/a",
    ];
    // Each list in turn, so that parseUrl's memory of the last address never answers for the other form.
    const fromStrings = urls.map((url) => [canonicalUrl(url), recogniseUrl(url, index)]);
    const fromParts = urls.map((url) => [canonicalUrl(new URL(url)), recogniseUrl(new URL(url), index)]);
    expect(fromStrings.every(([key]) => key !== null)).toBe(true);
    expect(fromStrings.some(([, id]) => id !== null)).toBe(true);
    expect(fromParts).toEqual(fromStrings);
  });
});

describe("URL patterns", () => {
  it.each([
    [CSM_PATTERN, CSM, true],
    [CSM_PATTERN, `${CSM}/(page)/2`, true],
    [CSM_PATTERN, "https://csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire", true],
    [
      CSM_PATTERN,
      "https://m.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire?utm_source=x",
      true,
    ],
    [
      CSM_PATTERN,
      "https://images.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire",
      true,
    ],
    [
      CSM_PATTERN,
      "https://www.csmonitor.com/World/Middle-East/2011/0402/Libyan-rebels-offer-cease-fire",
      false,
    ],
    [CSM_PATTERN, "https://www.csmonitor.com/World/Middle-East/2011/0401/Libya-rebels-lose-ground", false],
    [
      CSM_PATTERN,
      "https://www.csmonitor.com/world/middle-east/2011/0401/libyan-rebels-offer-cease-fire",
      false,
    ],
    [
      CSM_PATTERN,
      "https://notcsmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire",
      false,
    ],
    [
      CSM_PATTERN,
      "https://csmonitor.com.evil.example/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire",
      false,
    ],
    ["http://example.com/a", "https://example.com/a", false],
    ["https://www.example.com/a/", "https://m.example.com/a", true],
    ["https://example.com/a/", "https://sub.example.com/a", false],
    ["*://example.com/*/story", "https://example.com/2011/04/story", true],
    ["*://example.com/a?page=*", "https://example.com/a?page=3&utm_source=x", true],
    ["*://example.com/a?page=*", "https://example.com/a", false],
  ])("%s ~ %s: %s", (pattern, url, expected) => {
    expect(matchUrlPattern(pattern, url)).toBe(expected);
  });

  it.each(["csmonitor.com/*", "*://*/*", "*://exa*mple.com/a", "file:///a", "*://example.com", "regex://.*"])(
    "rejects the malformed pattern %s",
    (pattern) => {
      expect(() => parseUrlPattern(pattern)).toThrow();
    },
  );

  it("globs without catastrophic backtracking", () => {
    const start = performance.now();
    expect(globMatch("*a*a*a*a*a*a*a*a*a*a*b", "a".repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("recogniseUrl", () => {
  it.each([
    // the known URL in its variants
    [CSM, "csm"],
    [CSM.replace("http:", "https:"), "csm"],
    [CSM.replace("www.", "m."), "csm"],
    [CSM.replace("www.", "mobile."), "csm"],
    [CSM.replace("www.", ""), "csm"],
    [`${CSM}/`, "csm"],
    [`${CSM}#comments`, "csm"],
    [`${CSM}?utm_source=feedburner&utm_medium=feed`, "csm"],
    // pattern: print view / page 2 of the same article
    [`${CSM}/(page)/2`, "csm"],
    // a meaningful query is kept: page 3 only
    [WT, "wt"],
    ["http://washingtontimes.com/news/2011/apr/4/test-slug?page=3", "wt"],
    ["https://m.washingtontimes.com/news/2011/apr/4/test-slug/?utm_source=x&page=3#top", "wt"],
    ["https://www.washingtontimes.com/news/2011/apr/4/test-slug/?page=2", null],
    ["https://www.washingtontimes.com/news/2011/apr/4/test-slug/", null],
    ["https://www.washingtontimes.com/news/2011/apr/4/test-slug/?page=3&comments=all", null],
    [NYT, "nyt"],
    [`${NYT}?_r=1&hp`, "nyt"],
    [`${NYT}?pagewanted=all`, "nyt"],
    // archive copies
    [`https://web.archive.org/web/20110401183412/${CSM}`, "csm"],
    [`https://web.archive.org/web/20110401183412id_/${CSM}`, "csm"],
    [`https://web.archive.org/web/20110401183412if_/${CSM}/(page)/2`, "csm"],
    [`https://web.archive.org/web/20110405000000/${WT}`, "wt"],
    [
      "https://web.archive.org/web/20110405000000/www.washingtontimes.com/news/2011/apr/4/test-slug/?page=3",
      "wt",
    ],
    [
      "https://web.archive.org/web/20110405000000/www.washingtontimes.com/news/2011/apr/4/test-slug/?page=1",
      null,
    ],
    // siblings on the same sites
    ["https://www.csmonitor.com/World/Middle-East/2011/0401/Libya-rebels-lose-ground", null],
    ["https://www.csmonitor.com/World/Middle-East", null],
    ["https://www.csmonitor.com/", null],
    ["https://www.washingtontimes.com/news/2011/apr/4/other-slug/?page=3", null],
    ["https://www.nytimes.com/2011/07/05/world/africa/05other.html", null],
    ["https://www.nytimes.com/2011/07/05/world/africa/05test.html/extra", null],
    // not URLs of known articles at all
    ["https://example.com/constructor", null],
    ["http://constructor/", null],
    ["http://__proto__/", null],
    ["about:blank", null],
    ["", null],
  ])("%s → %s", (url, expected) => {
    expect(recogniseUrl(url, index)).toBe(expected);
  });

  it("works on the index after a JSON round trip", () => {
    const loaded = JSON.parse(JSON.stringify(index));
    expect(recogniseUrl(`https://web.archive.org/web/2011id_/${CSM}/(page)/2`, loaded)).toBe("csm");
  });

  it("refuses a URL claimed by two articles", () => {
    expect(() =>
      buildRecognitionIndex([
        { id: "a", urls: [CSM], urlPatterns: [], text: "" },
        { id: "b", urls: [CSM.replace("http:", "https:")], urlPatterns: [], text: "" },
      ]),
    ).toThrow(/both a and b/);
  });
});
