// Where the content scripts run, and what the browser hands content.js with them: computed by build.mjs from the
// dataset. On a publisher's site, content.js runs only at the addresses where one of the articles could be (its
// known URLs, URL patterns and textCheckPatterns, as WebExtension match patterns) and status.js everywhere else.
// With content.js the browser injects the site's data file: the URL rules and text probes of the articles that
// could be on that site, and their payloads, so that a page is recognised and painted without a message to the
// background (a message at document_idle costs more than anchoring a whole article; docs/benchmarks.md). A site
// whose data would be too large to load on each of its candidate pages gets no data file: its pages ask the background, as archive copies do.

import type { Article } from "../model/dataset";
import type { ArticlePayload } from "../model/protocol";
import type { SiteData } from "../model/recognition";
import { buildUrlRules, DEFAULT_OPTIONS, parseUrlPattern } from "../recognition/index";
import { articleProbes } from "../recognition/probes";

export interface SiteScripts {
  /** The canonical host of the site ("nytimes.com"). */
  host: string;
  /** Where on the site content.js runs (and the data file with it). */
  matches: string[];
  /** The data file's content, or null when it would exceed the size limit. */
  data: SiteData | null;
}

/** The largest data file a site gets (JSON characters): it is parsed on each of the site's candidate pages. */
export const MAX_SITE_DATA = 64 * 1024;

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
  const onSite = (host: string, site: string) => host === site || host.endsWith(`.${site}`);
  return sites.map((site) => {
    // Each article's addresses on this site; the articles that have some.
    const onThisSite = articles
      .map((a) => ({
        article: a,
        patterns: [...a.urls, ...a.urlPatterns, ...(a.textCheckPatterns ?? [])].filter((p) =>
          onSite(parseUrlPattern(p).host, site),
        ),
      }))
      .filter((x) => x.patterns.length > 0);
    const here = onThisSite.map((x) => x.article);
    const data: SiteData = {
      index: buildUrlRules(here),
      probes: here.map((a) => articleProbes(a.text)),
      threshold: DEFAULT_OPTIONS.threshold,
      payloads: Object.fromEntries(here.map((a) => [a.id, payloads.get(a.id) as ArticlePayload])),
    };
    return {
      host: site,
      matches: shortest(onThisSite.flatMap((x) => x.patterns).map(toMatchPattern)),
      data: JSON.stringify(data).length <= maxBytes ? data : null,
    };
  });
}

/** A site's data file: a classic script the browser runs before content.js, in the same isolated world. */
export function siteDataScript(data: SiteData): string {
  // A JSON string parses faster than the same object as a literal.
  return `(globalThis.__sourceAnnotatorSites ??= []).push(JSON.parse(${JSON.stringify(JSON.stringify(data))}));\n`;
}
