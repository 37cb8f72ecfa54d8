// Archive copies: compared by text only where they copy a publisher's own pages, or when the reader asked.
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles } from "../../src/dataset/load";
import { buildUrlRules, isArchiveUrl, worthTextCheck } from "../../src/recognition/index";

const rules = buildUrlRules(buildDataset(loadArticles("assets/articles")).dataset.articles);

describe("archive copies", () => {
  it.each([
    [
      "https://web.archive.org/web/20110705000000/http://www.nytimes.com/2011/07/04/world/africa/04libya.html",
      true,
    ],
    [
      "https://web.archive.org/web/20110402000000/http://www.csmonitor.com/World/Middle-East/2011/0401/x",
      true,
    ],
    // An archive of the publisher's site outside the article's place: not compared, as on the site itself.
    ["https://web.archive.org/web/20110705000000/http://www.nytimes.com/pages/world/index.html", false],
    // Anyone's own page, archived: not compared unless the reader asks.
    ["https://web.archive.org/web/20240101000000/https://attacker.example/copy-of-the-article", false],
    ["https://archive.ph/20240101000000/https://attacker.example/copy", false],
  ])("%s → compared: %s", (url, expected) => {
    expect(isArchiveUrl(url)).toBe(true);
    expect(worthTextCheck(url, rules)).toBe(expected);
  });

  it("compares an archive of any site when the reader asked", () => {
    expect(
      worthTextCheck("https://web.archive.org/web/2024/https://attacker.example/copy", rules, true),
    ).toBe(true);
  });

  it("still compares a page of another site (a mirror the reader analyses)", () => {
    expect(isArchiveUrl("https://mirror.example/libya.html")).toBe(false);
    expect(worthTextCheck("https://mirror.example/libya.html", rules)).toBe(true);
  });
});
