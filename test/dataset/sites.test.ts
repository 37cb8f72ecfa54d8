// Where content.js runs and the site data files the browser injects with it (src/dataset/sites.ts).
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { prepareQuote } from "../../src/anchoring/prepare-quote";
import { buildArticleViews } from "../../src/dataset/article-views";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import {
  ARCHIVE_COPIES_MAX,
  contentScriptEntries,
  EAGER_ENTRIES_MAX,
  SITE_PROBES,
  siteDataScript,
  sitePayload,
  siteScripts,
  statusExcludes,
  toMatchPattern,
} from "../../src/dataset/sites";
import type { TextTarget } from "../../src/model/dataset";
import type { ArticlePayload } from "../../src/model/protocol";
import { pagePayload, type SiteData, UNVISITED_ID } from "../../src/model/recognition";
import { fmix32, fnv1a } from "../../src/recognition/fingerprint";
import { recogniseUrl, worthTextCheck } from "../../src/recognition/index";
import { articleProbes, pageProbeText, probeScore } from "../../src/recognition/probes";

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
      // The sample's SITE_PROBES with the least hashes (articleProbes keeps at least 64).
      data.index.articles.forEach((id, i) => {
        const all = articleProbes(dataset.articles.find((a) => a.id === id)?.text ?? "");
        const least = all
          .map((p) => fmix32(fnv1a(p)))
          .sort((a, b) => a - b)
          .slice(0, SITE_PROBES);
        expect(all.length).toBeGreaterThanOrEqual(64);
        expect(data.probes[i]?.map((p) => fmix32(fnv1a(p))).sort((a, b) => a - b)).toEqual(least);
      });
    }
    const csm = sites[0]?.data as SiteData;
    const url =
      "https://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand";
    expect(recogniseUrl(url, csm.index)).toBe("csm-libya-2011-04-01");
    expect(worthTextCheck("https://www.csmonitor.com/World/Middle-East/2011/0402/other", csm.index)).toBe(
      true,
    );
  });

  it("a data file holds each target prepared, where it starts and its id without the article's; not its words", () => {
    for (const s of sites) {
      const data = s.data as SiteData;
      for (const [id, short] of Object.entries(data.payloads)) {
        const whole = payloads.get(id) as ArticlePayload;
        // Attributions ("<article>/a01") shortened; cross-references ("x001#0") kept.
        expect(short.targets.map((t) => t[0])).toEqual(
          whole.targets.map((t) => (t.id.startsWith(`${id}/`) ? t.id.slice(id.length) : t.id)),
        );
        expect(short.targets.filter((t) => t[0].startsWith("/")).length).toBeGreaterThanOrEqual(10);
        // Not the quote's words: its kind, start and prepared forms follow the id, nothing else.
        expect(short.targets.every((t) => t.length === (t[6] ? 7 : 6) && typeof t[2] === "number")).toBe(
          true,
        );
        // content.js gets back what anchoring needs of each: its whole id, kind, start and prepared quote.
        expect(pagePayload(short)).toEqual({
          ...whole,
          targets: whole.targets.map((t) => ({
            id: t.id,
            kind: t.kind,
            target: { start: t.target.start },
            prepared: prepareQuote(t.target, true),
          })),
        });
      }
    }
    // Paragraphs are kept only where the quote has several; an id not beginning with its article's id is kept.
    const first = payloads.values().next().value as ArticlePayload;
    const t0 = first.targets[0] as ArticlePayload["targets"][number];
    const odd = {
      ...first,
      targets: [
        { ...t0, id: "other/a1" },
        { ...t0, target: { ...t0.target, exact: "First one.\nSecond one." }, prepared: undefined },
      ],
    };
    const short = sitePayload(odd);
    expect(short.targets.map((t) => [t[0], t[6]])).toEqual([
      ["other/a1", undefined],
      [t0.id.slice(first.article.id.length), ["first one.", "second one."]],
    ]);
    expect(pagePayload(short).targets[1]?.prepared).toEqual(
      prepareQuote(odd.targets[1]?.target as TextTarget, true),
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
    expect(siteScripts(dataset.articles, payloads, 1000).every((s) => s.data === null)).toBe(true);
  });

  it("a site too large for one file is split by match pattern, as few files as fit, each with the articles under its patterns", () => {
    const twin = (a: (typeof dataset.articles)[number], id: string, month: string) => ({
      ...a,
      id,
      urls: [],
      urlPatterns: [],
      textCheckPatterns: [`*://*.nytimes.com/2011/${month}/*`],
    });
    const nyt = dataset.articles.find(
      (a) => a.id === "nyt-libya-2011-07",
    ) as (typeof dataset.articles)[number];
    const more = [
      twin(nyt, "nyt-a", "06"),
      twin(nyt, "nyt-b", "07"),
      twin(nyt, "nyt-c", "08"),
      twin(nyt, "nyt-d", "08"),
    ];
    const p = new Map([
      ...payloads,
      ...more.map((a) => [a.id, { ...payloads.get(nyt.id) } as ArticlePayload] as const),
    ]);
    const whole = siteScripts(more, p);
    expect(whole.map((s) => s.file)).toEqual(["nytimes.com"]);
    const bytes = (data: SiteData | null | undefined) =>
      new TextEncoder().encode(siteDataScript(data as SiteData)).length;
    const ONE_ARTICLE = bytes(siteScripts(more.slice(0, 1), p)[0]?.data);
    // Room for two articles, not three: June and July share a file, August's two articles have one.
    const split = siteScripts(more, p, Math.floor(2.5 * ONE_ARTICLE));
    expect(split.map((s) => [s.file, s.matches, s.data?.index.articles])).toEqual([
      ["nytimes.com.1", ["*://*.nytimes.com/2011/06*", "*://*.nytimes.com/2011/07*"], ["nyt-a", "nyt-b"]],
      ["nytimes.com.2", ["*://*.nytimes.com/2011/08*"], ["nyt-c", "nyt-d"]],
    ]);
    // Past the limit, one article alone: no file.
    expect(siteScripts(more.slice(0, 1), p, ONE_ARTICLE - 1)[0]?.data).toBeNull();
  });

  it("the data file gives content.js the data, in the isolated world's global", () => {
    const data = { ...(sites[1]?.data as SiteData), threshold: 0.5 };
    (data.probes[0] as string[]).push("it's a \\ back\u2028slash\n");
    const world: { __sourceAnnotatorSites?: SiteData[] } = {};
    runInNewContext(siteDataScript(data), world);
    runInNewContext(siteDataScript(data), world);
    expect(JSON.parse(JSON.stringify(world.__sourceAnnotatorSites))).toEqual([data, data]);
  });

  it("registered: each data file with content.js on its candidate addresses and their archive copies; the archive entry excludes nothing", () => {
    const entries = contentScriptEntries(sites, true);
    const nyt = entries.find((e) => e.id === "content-nytimes.com");
    expect(nyt).toEqual({
      id: "content-nytimes.com",
      matches: ["*://*.nytimes.com/2011/07*", "*://web.archive.org/web/*/http*://*nytimes.com/2011/07*"],
      js: ["data/sites/nytimes.com.js", "content.js"],
      css: ["highlights.css"],
      runAt: "document_start",
    });
    const archive = entries.find((e) => e.id === "content-archive");
    expect(archive?.runAt).toBe("document_idle");
    expect(archive?.matches).toContain("*://web.archive.org/web/*/http*://*.nytimes.com/*");
    expect(Object.keys(archive ?? {}).sort()).toEqual(["id", "js", "matches", "runAt"]);
    // A site with no data file: content.js alone there; no archive declared, no archive patterns.
    const bare = contentScriptEntries([{ ...(sites[1] as (typeof sites)[number]), data: null }], false);
    expect(bare).toEqual([
      { id: "content", matches: ["*://*.nytimes.com/2011/07*"], js: ["content.js"], runAt: "document_start" },
    ]);
  });

  it("registered at scale: past ARCHIVE_COPIES_MAX candidate patterns, the archive copies ask the background", () => {
    const nyt = sites[1] as (typeof sites)[number];
    const many = Array.from({ length: ARCHIVE_COPIES_MAX + 1 }, (_, i) => ({
      ...nyt,
      file: `nytimes.com.${i + 1}`,
      matches: [`*://*.nytimes.com/${1000 + i}/07*`],
    }));
    const entries = contentScriptEntries(many, true);
    const patterns = entries.flatMap((e) => e.matches);
    expect(entries).toHaveLength(many.length + 2); // and the unvisited sites' entry
    expect(patterns.filter((m) => m.includes("web.archive.org"))).toEqual([
      "*://web.archive.org/web/*/http*://*.nytimes.com/*",
      "*://web.archive.org/web/*/http*://nytimes.com/*",
    ]);
    expect(contentScriptEntries(many.slice(1), true).flatMap((e) => e.matches)).toHaveLength(
      2 * ARCHIVE_COPIES_MAX + 3,
    );
  });

  it("registered at scale: past EAGER_ENTRIES_MAX data files, each site's entries wait for its first visit, and one entry at document_idle runs content.js on the sites' pages until then", () => {
    const nyt = sites[1] as (typeof sites)[number];
    const file = (host: string, i: number) => ({
      ...nyt,
      host,
      file: `${host}.${i + 1}`,
      matches: [`*://*.${host}/${2000 + i}/07*`],
    });
    const few = Array.from({ length: EAGER_ENTRIES_MAX }, (_, i) =>
      file(i % 2 ? "a.example" : "b.example", i),
    );
    expect(contentScriptEntries(few, false).some((e) => e.site || e.id === UNVISITED_ID)).toBe(false);
    const bare = { ...file("a.example", 999), data: null };
    const entries = contentScriptEntries([...few, file("b.example", 64), bare], false);
    const data = entries.filter((e) => e.js.length === 2);
    expect(data).toHaveLength(EAGER_ENTRIES_MAX + 1);
    expect(data.every((e) => e.site === (e.id.startsWith("content-a.") ? "a.example" : "b.example"))).toBe(
      true,
    );
    // The addresses without a data file: content.js alone, one entry per site, waiting for the site too.
    expect(entries.find((e) => e.id === "content-a.example.ask")).toEqual({
      id: "content-a.example.ask",
      matches: ["*://*.a.example/2999/07*"],
      js: ["content.js"],
      runAt: "document_start",
      site: "a.example",
    });
    expect(entries.find((e) => e.id === "content")).toBeUndefined();
    expect(entries.find((e) => e.id === UNVISITED_ID)).toEqual({
      id: UNVISITED_ID,
      matches: ["*://*.b.example/*", "*://*.a.example/*"],
      js: ["content.js"],
      runAt: "document_idle",
    });
  });

  it("status.js leaves out every candidate address while all entries are registered at install, and none past EAGER_ENTRIES_MAX", () => {
    const entries = contentScriptEntries(sites, true);
    const atStart = entries
      .filter((e) => e.runAt === "document_start" && !e.site)
      .flatMap((e) => e.matches)
      .filter((m) => !m.includes("web.archive.org"));
    expect(statusExcludes(sites).sort()).toEqual([...new Set(atStart)].sort());
    expect(statusExcludes(sites)).toContain("*://*.nytimes.com/2011/07*");
    // A site without a data file: its candidate addresses run content.js alone, from document_start, too.
    const bare = [{ ...(sites[1] as (typeof sites)[number]), data: null }];
    expect(statusExcludes(bare)).toEqual(["*://*.nytimes.com/2011/07*"]);
    const many = Array.from({ length: EAGER_ENTRIES_MAX + 1 }, (_, i) => ({
      ...(sites[1] as (typeof sites)[number]),
      file: `nytimes.com.${i + 1}`,
      matches: [`*://*.nytimes.com/${3000 + i}/07*`],
    }));
    expect(statusExcludes(many.slice(1))).toHaveLength(EAGER_ENTRIES_MAX);
    expect(statusExcludes(many)).toEqual([]);
  });
});
