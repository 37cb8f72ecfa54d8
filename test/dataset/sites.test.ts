// Where content.js runs and the site data files the browser injects with it (src/dataset/sites.ts).
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { prepareQuote } from "../../src/anchoring/prepare-quote";
import { buildArticleViews } from "../../src/dataset/article-views";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import { siteDataScript, siteScripts, toMatchPattern } from "../../src/dataset/sites";
import type { ArticlePayload } from "../../src/model/protocol";
import type { SiteData } from "../../src/model/recognition";
import { recogniseUrl, worthTextCheck } from "../../src/recognition/index";
import { pageProbeText, probeScore } from "../../src/recognition/probes";

const dataset = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json")).dataset;
const payloads = new Map<string, ArticlePayload>(
  dataset.articles.map((a) => [a.id, buildArticleViews(dataset, a.id).payload]),
);
const sites = siteScripts(dataset.articles, payloads);

describe("site scripts", () => {
  it("one per site the textCheckPatterns name, matching only where an article could be", () => {
    expect(sites.map((s) => [s.host, s.matches])).toEqual([
      [
        "csmonitor.com",
        ["*://*.csmonitor.com/World/Middle-East/2011/04*", "*://*.csmonitor.com/layout/set/print*"],
      ],
      ["nytimes.com", ["*://*.nytimes.com/2011/07*"]],
      ["washingtontimes.com", ["*://*.washingtontimes.com/news/2011/apr*"]],
    ]);
  });

  it("match patterns: host and subdomains, the path up to its first wildcard", () => {
    expect(toMatchPattern("https://www.example.com/a/b/?page=3")).toBe("*://*.example.com/a/b*");
    expect(toMatchPattern("*://*.example.com/2011/07/*")).toBe("*://*.example.com/2011/07*");
  });

  it("each site's data holds its articles' URL rules, probes and payloads", () => {
    for (const s of sites) {
      const data = s.data as SiteData;
      expect(data.index.articles.length).toBeGreaterThan(0);
      expect(Object.keys(data.payloads).sort()).toEqual([...data.index.articles].sort());
      expect(data.probes).toHaveLength(data.index.articles.length);
      for (const probes of data.probes) expect(probes.length).toBeGreaterThanOrEqual(64);
    }
    const csm = sites[0]?.data as SiteData;
    const url =
      "https://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand";
    expect(recogniseUrl(url, csm.index)).toBe("csm-libya-2011-04-01");
    expect(worthTextCheck("https://www.csmonitor.com/World/Middle-East/2011/0402/other", csm.index)).toBe(
      true,
    );
  });

  it("the article's own text scores 1 on its site's probes; another article's text, nothing", () => {
    for (const s of sites) {
      const data = s.data as SiteData;
      for (const a of dataset.articles) {
        const i = data.index.articles.indexOf(a.id);
        const page = pageProbeText(`Home | World\n${a.text}\nRead comments`);
        for (const [j, probes] of data.probes.entries())
          expect(probeScore(page, probes)).toBe(j === i ? 1 : 0);
      }
    }
  });

  it("payload targets carry their quotes prepared exactly as anchoring would prepare them", () => {
    for (const p of payloads.values())
      for (const t of p.targets) expect(t.prepared).toEqual(prepareQuote(t.target, true));
  });

  it("a site whose data would be too large gets no data file (its pages ask the background)", () => {
    expect(siteScripts(dataset.articles, payloads, 1000).map((s) => s.data)).toEqual([null, null, null]);
  });

  it("the data file gives content.js the data, in the isolated world's global", () => {
    const data = sites[1]?.data as SiteData;
    const world: { __sourceAnnotatorSites?: SiteData[] } = {};
    runInNewContext(siteDataScript(data), world);
    runInNewContext(siteDataScript(data), world);
    expect(JSON.parse(JSON.stringify(world.__sourceAnnotatorSites))).toEqual([data, data]);
  });
});
