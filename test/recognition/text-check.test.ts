// Which pages are worth comparing by text: on a publisher's own site only the shapes of URL where the article
// could be; on any other site (a mirror, an archive) every page.
import { describe, expect, it } from "vitest";
import { buildRecognitionIndex, worthTextCheck } from "../../src/recognition/index";

const index = buildRecognitionIndex([
  {
    id: "nyt",
    urls: [],
    urlPatterns: [],
    text: "one two three four five six seven",
    textCheckPatterns: ["*://*.nytimes.com/2011/07/*"],
  },
  {
    id: "csm",
    urls: [],
    urlPatterns: [],
    text: "eight nine ten eleven twelve thirteen",
    textCheckPatterns: ["*://*.csmonitor.com/layout/set/print/*"],
  },
]);

describe("worthTextCheck", () => {
  it.each([
    ["https://www.nytimes.com/2011/07/04/world/africa/04libya.html", true],
    ["https://mobile.nytimes.com/2011/07/06/world/africa/06libya.html?pagewanted=print", true],
    ["https://www.nytimes.com/pages/world/africa/index.html", false],
    ["https://www.nytimes.com/2012/01/01/world/other.html", false],
    ["https://www.csmonitor.com/layout/set/print/content/view/print/1", true],
    ["https://www.csmonitor.com/World/Middle-East", false],
    ["https://web.archive.org/web/2011/http://www.nytimes.com/2011/07/04/world/africa/04libya.html", true],
    ["https://web.archive.org/web/2011/http://www.nytimes.com/pages/world/index.html", false],
    ["https://www.example-news.test/2011/07/05/anything/", true],
    ["not a url", true],
  ])("%s → %s", (url, expected) => {
    expect(worthTextCheck(url, index)).toBe(expected);
  });
});
