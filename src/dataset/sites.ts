// Where the content scripts run, and what the browser hands content.js with them: computed by build.mjs from the
// dataset. On a publisher's site, content.js runs only at the addresses where one of the articles could be (its
// known URLs, URL patterns and textCheckPatterns, as WebExtension match patterns; registered by the background) and
// status.js elsewhere. With content.js the browser injects the site's data file: the URL rules and text probes of
// the articles that could be on that site, and their payloads (each quote prepared for matching, not in its own
// words: content.js matches only the prepared form), so that a page is recognised and painted without a message to
// the background (one costs 15–25 ms at document_idle, measured in the benchmark). The browser injects content.js
// and the data file together, and the two must stay within the injected-script budget (60 KB, issue 19) at any
// dataset size: a site whose data is too large is split by its match patterns (per month for a site whose
// articles' textCheckPatterns are per month), as few files as fit, each with only the articles that could be at its
// addresses; a pattern whose articles do not fit one file gets none: those pages ask the background, as archive
// copies do.

import { prepareQuote } from "../anchoring/prepare-quote";
import type { Article } from "../model/dataset";
import { type ArticlePayload, HIGHLIGHT_KINDS } from "../model/protocol";
import {
  type ContentScriptEntry,
  onSite,
  type SiteData,
  type SitePayload,
  type SiteTarget,
  UNVISITED_ID,
} from "../model/recognition";
import { buildUrlRules, DEFAULT_OPTIONS, parseUrlPattern } from "../recognition/index";
import { articleProbes } from "../recognition/probes";

export interface SiteScripts {
  /** The canonical host of the site ("nytimes.com"). */
  host: string;
  /** The data file's name without ".js": the host, or, for a site split by pattern, the host and the part's number. */
  file: string;
  /** Where on the site content.js runs (and the data file with it). */
  matches: string[];
  /** The data file's content, or null when it would exceed the size limit. */
  data: SiteData | null;
}

/** The largest data file a site gets (bytes of the file): it is parsed on each of the site's candidate pages.
 *  build.mjs passes the injected-script budget less content.js's size. */
export const MAX_SITE_DATA = 64 * 1024;
/** The largest set of scripts injected into one page: content.js and a site's data file (issue 19's budget).
 *  @public read by build.mjs through tsImport, which knip does not follow */
export const INJECTED_BUDGET = 60 * 1024;

type SiteArticle = Pick<Article, "id" | "urls" | "urlPatterns" | "text" | "textCheckPatterns">;

/**
 * A WebExtension match pattern matching at least what one of our URL patterns or URLs matches: the host and any
 * subdomain (www., m. …), the path up to its first "*" or "?" (without a trailing "/"), then anything.
 */
export function toMatchPattern(pattern: string): string {
  const p = parseUrlPattern(pattern);
  return `*://*.${p.host}${(p.path.split(/[*?]/)[0] as string).replace(/\/+$/, "")}*`;
}

/** The patterns without those another one covers (a pattern extending the prefix of another). */
function shortest(patterns: string[]): string[] {
  const kept: string[] = [];
  // Sorted, a pattern comes right after any pattern whose prefix it extends.
  for (const p of [...new Set(patterns)].sort())
    if (!kept.some((q) => p.startsWith(q.slice(0, -1)))) kept.push(p);
  return kept;
}

/**
 * One entry per site that some article's textCheckPatterns name: the match patterns of every address on that site
 * where an article could be, and the site's data. Articles with no textCheckPatterns are left to archives and the
 * background (their sites are not narrowed).
 */
export function siteScripts(
  articles: readonly SiteArticle[],
  payloads: ReadonlyMap<string, ArticlePayload>,
  maxBytes = MAX_SITE_DATA,
): SiteScripts[] {
  const sites = [
    ...new Set(articles.flatMap((a) => (a.textCheckPatterns ?? []).map((p) => parseUrlPattern(p).host))),
  ].sort();
  const utf8 = new TextEncoder();
  const bytes = (data: SiteData) => utf8.encode(siteDataScript(data)).length;
  /** Each article's probes, computed once: a file's data is tried with each pattern it might take. */
  const probes = new Map<string, string[]>();
  const probesOf = (a: SiteArticle) => {
    const p = probes.get(a.id) ?? articleProbes(a.text, DEFAULT_OPTIONS, SITE_PROBES);
    probes.set(a.id, p);
    return p;
  };
  /** The data of these articles, or null if it does not fit. */
  const dataFor = (here: SiteArticle[]): SiteData | null => {
    const data: SiteData = {
      index: buildUrlRules(here),
      probes: here.map(probesOf),
      threshold: DEFAULT_OPTIONS.threshold,
      payloads: Object.fromEntries(
        here.map((a) => [a.id, sitePayload(payloads.get(a.id) as ArticlePayload)]),
      ),
    };
    return bytes(data) <= maxBytes ? data : null;
  };
  return sites.flatMap((site) => {
    // Each article's addresses on this site (as match patterns); the articles that have some.
    const onThisSite = articles
      .map((a) => ({
        article: a,
        patterns: [...a.urls, ...a.urlPatterns, ...(a.textCheckPatterns ?? [])]
          .filter((p) => onSite(parseUrlPattern(p).host, site))
          .map(toMatchPattern),
      }))
      .filter((x) => x.patterns.length > 0);
    /** The articles with an address under one of these match patterns. An article under two is in both files. */
    const under = (matches: string[]) =>
      onThisSite
        .filter((x) => x.patterns.some((p) => matches.some((m) => p.startsWith(m.slice(0, -1)))))
        .map((x) => x.article);
    // The site's match patterns in order (a month's next to the next month's), as few files as fit the limit: each
    // file takes the patterns that follow while its data fits (the patterns are disjoint, so a page gets at most
    // one file). A pattern whose articles do not fit alone gets no data.
    const files: { matches: string[]; data: SiteData | null }[] = [];
    for (const m of shortest(onThisSite.flatMap((x) => x.patterns))) {
      const last = files.at(-1);
      const joined = last?.data ? dataFor(under([...last.matches, m])) : null;
      if (last && joined) Object.assign(last, { matches: [...last.matches, m], data: joined });
      else files.push({ matches: [m], data: dataFor(under([m])) });
    }
    return files.map((f, i) => ({
      host: site,
      file: files.length === 1 ? site : `${site}.${i + 1}`,
      ...f,
    }));
  });
}

/** The most probes an article has in a site's data file (articleProbes' least hashes of its sample): every
 *  candidate page compares each of them, and the data files' size sets how many content-script entries there are
 *  (decision 0021). */
export const SITE_PROBES = 32;

/** A payload as a site's data file holds it (SitePayload): its targets prepared, without their words. */
export function sitePayload(p: ArticlePayload): SitePayload {
  return {
    ...p,
    targets: p.targets.map(({ id, kind, target, prepared = prepareQuote(target, true) }): SiteTarget => {
      const { quote, prefix, suffix, paragraphs } = prepared;
      const short = id.startsWith(`${p.article.id}/`) ? id.slice(p.article.id.length) : id;
      const k = HIGHLIGHT_KINDS.indexOf(kind);
      return paragraphs.length === 1 && paragraphs[0] === quote
        ? [short, k, target.start, quote, prefix, suffix]
        : [short, k, target.start, quote, prefix, suffix, paragraphs];
    }),
  };
}

/** A site's data file: a classic script the browser runs before content.js, in the same isolated world. */
export function siteDataScript(data: SiteData): string {
  // A JSON string parses faster than the same object as a literal; in single quotes, its double quotes need no
  // escape (a tenth of the file).
  const json = JSON.stringify(data).replace(/[\\'\n\r\u2028\u2029]/g, (c) =>
    c === "\\" ? "\\\\" : c === "'" ? "\\'" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `(globalThis.__sourceAnnotatorSites ??= []).push(JSON.parse('${json}'));\n`;
}

/** A site's data file, in the extension. */
export const siteFile = (site: Pick<SiteScripts, "file">) => `data/sites/${site.file}.js`;

/** Our highlights' colours (model/kinds.ts highlightSheet), injected with each site's data before the page is
 *  parsed (decision 0039). */
export const HIGHLIGHT_SHEET_FILE = "highlights.css";

/**
 * The archive's copies of the addresses under these match patterns ("*://*.host/path*"):
 * "*://web.archive.org/web/*\/http*://*host/path*" — the copied address is in the archive's path, where a "*" spans
 * anything, so one pattern takes the host and its subdomains.
 */
const archivedOf = (matches: readonly string[]) =>
  [...new Set(matches)].map((m) => {
    const { host } = parseUrlPattern(m);
    return `*://web.archive.org/web/*/http*://*${host}${m.slice(`*://*.${host}`.length)}`;
  });

/**
 * The archive's copies of the candidate addresses carry the site's data while they are at most this many
 * patterns: each registered pattern costs every page load of every publisher's site (decision 0021).
 */
export const ARCHIVE_COPIES_MAX = 500;

/**
 * Past this many data files, each site's entries are registered on the reader's first visit to the site, not at
 * install; until then one entry runs content.js on every page of the sites not visited yet, at document_idle, and
 * it asks the background (which registers the site's entries then). The renderer looks at every registered entry
 * on each page of every publisher's site: at 10,000 articles, 2,171 entries registered at install cost a
 * publisher's page 19–37% more main-thread time than three articles' entries; registered on visits, +7% / +8% in
 * the benchmark's run (decision 0033).
 */
export const EAGER_ENTRIES_MAX = 64;

/**
 * The publishers' addresses where status.js need not run, for the manifest's `exclude_matches`: while every entry
 * is registered at install (at most EAGER_ENTRIES_MAX data files), content.js runs from document_start on every
 * site's candidate addresses and answers there itself. status.js did nothing on those pages but was still compiled
 * and run on each load of a known article (0.5–1.1 ms of its main thread, traced). Past the threshold, none: the
 * sites not visited yet have no such entry, and every site's patterns on status.js would be read on each page of
 * every publisher's site.
 */
export function statusExcludes(sites: readonly SiteScripts[]): string[] {
  if (sites.filter((s) => s.data).length > EAGER_ENTRIES_MAX) return [];
  return [...new Set(sites.flatMap((s) => s.matches))];
}

/**
 * Where content.js and the site data files run, as the background registers them (data/content-scripts.json;
 * the manifest declares only status.js, decision 0018). On a site's candidate addresses, the site's data file and
 * content.js in one entry (a page gets at most one data file, before content.js), at document_start: content.js
 * waits there for the end of parsing and paints a known article before the page's first frame (decision 0017).
 * With them our highlights' style sheet, which the browser adds before the page is parsed, so that painting adds
 * none (decision 0039). The archive's copies of those addresses the same, while they are few (ARCHIVE_COPIES_MAX).
 * The candidate addresses of the sites without a data file, content.js alone. With `archive`, every archive copy of the
 * publishers' pages, content.js at document_idle (anyone can archive a page of their own: those are analysed only
 * when the reader asks; the background checks the same, worthTextCheck). content.js marks the page as its own, so
 * status.js, or content.js again, later, does nothing there: the archive entry excludes nothing. Past
 * EAGER_ENTRIES_MAX data files, every site's entries (its content.js-alone addresses as one entry of its own) are
 * named by the site, for its first visit, and UNVISITED_ID covers the sites' pages until then.
 */
export function contentScriptEntries(sites: readonly SiteScripts[], archive: boolean): ContentScriptEntry[] {
  const copies = archive && new Set(sites.flatMap((s) => s.matches)).size <= ARCHIVE_COPIES_MAX;
  const where = (matches: string[]) => [...matches, ...(copies ? archivedOf(matches) : [])];
  const hosts = [...new Set(sites.map((s) => s.host))];
  const onVisit = sites.filter((s) => s.data).length > EAGER_ENTRIES_MAX;
  const entries: ContentScriptEntry[] = sites
    .filter((s) => s.data)
    .map((s) => ({
      id: `content-${s.file}`,
      matches: where(s.matches),
      js: [siteFile(s), "content.js"],
      css: [HIGHLIGHT_SHEET_FILE],
      runAt: "document_start",
      ...(onVisit ? { site: s.host } : {}),
    }));
  const without = (from: readonly SiteScripts[]) => [
    ...new Set(from.filter((s) => !s.data).flatMap((s) => s.matches)),
  ];
  if (onVisit) {
    for (const host of hosts) {
      const matches = without(sites.filter((s) => s.host === host));
      if (matches.length)
        entries.push({
          id: `content-${host}.ask`,
          matches: where(matches),
          js: ["content.js"],
          runAt: "document_start",
          site: host,
        });
    }
    entries.push({
      id: UNVISITED_ID,
      matches: hosts.map((h) => `*://*.${h}/*`),
      js: ["content.js"],
      runAt: "document_idle",
    });
  } else {
    const matches = without(sites);
    if (matches.length)
      entries.push({ id: "content", matches: where(matches), js: ["content.js"], runAt: "document_start" });
  }
  if (archive)
    entries.push({
      id: "content-archive",
      matches: hosts.flatMap((h) => [
        `*://web.archive.org/web/*/http*://*.${h}/*`,
        `*://web.archive.org/web/*/http*://${h}/*`,
      ]),
      js: ["content.js"],
      runAt: "document_idle",
    });
  return entries;
}
