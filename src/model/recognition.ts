// The recognition data the build writes and the runtime reads: the index (background) and a site's data file
// (content script). The functions that build and query them are in src/recognition.
import { type ArticlePayload, HIGHLIGHT_KINDS, type HighlightKind, type PagePayload } from "./protocol";

/** A URL pattern, parsed (syntax in src/recognition/url.ts). */
export interface UrlPattern {
  scheme: "*" | "http" | "https";
  /** Canonical host, without the "*." */
  host: string;
  /** True for "*.host": the host and any subdomain. */
  subdomains: boolean;
  /** The path glob, trailing "/" of its path part dropped. */
  path: string;
}

/** The address side of an index: enough for recogniseUrl and worthTextCheck (a site's data file carries it). */
export type UrlRules = Pick<RecognitionIndex, "articles" | "url">;

export interface PatternRule extends UrlPattern {
  article: number;
}

export interface RecognitionIndex {
  version: 1;
  /** Article ids; everything below names an article by its position here. */
  articles: string[];
  url: {
    /**
     * Pages of a publisher's own site worth comparing by text (textCheckPatterns, bucketed by host). On such a
     * host, a page matching none of them is not read at all; on any other host (mirrors, archives) every page is.
     */
    textCheck?: Record<string, UrlPattern[]>;
    /** canonicalUrl(known URL) → article. */
    exact: Record<string, number>;
    /** Canonical pattern host → rules on that host (and, for "*." rules, its subdomains). */
    patterns: Record<string, PatternRule[]>;
  };
  text: {
    shingleSize: number;
    threshold: number;
    /** The page keeps shingles whose hash % pageMod === 0: the finest mod any article was sampled at. */
    pageMod: number;
    /** Per article: its number of sampled shingles, the containment denominator (0: no fingerprint). */
    sizes: number[];
    /** Sampled shingle hashes, ascending; a hash is repeated once per article that has it. */
    keys: ArrayLike<number>;
    /** owners[i] is the article that has keys[i]. */
    owners: ArrayLike<number>;
  };
}

/**
 * A payload as a site's data file holds it (sitePayload in src/dataset/sites.ts; pagePayload gives it back): each
 * target prepared, with where it starts and not its words (see PreparedTarget), as an array — its id without the
 * article's id that begins it ("nyt-libya-2011-07/a01" is "/a01" there), its kind's place in HIGHLIGHT_KINDS, its
 * start, its prepared quote, prefix and suffix, and its prepared paragraphs only when they are not the quote alone.
 * Named fields would be a third of the file.
 */
export type SitePayload = Omit<ArticlePayload, "targets"> & { targets: SiteTarget[] };
export type SiteTarget = [
  id: string,
  kind: number,
  start: number,
  quote: string,
  prefix: string,
  suffix: string,
  paragraphs?: string[],
];

/** A site's payload as content.js anchors it. */
export const pagePayload = (p: SitePayload): PagePayload => ({
  ...p,
  targets: p.targets.map(([id, kind, start, quote, prefix, suffix, paragraphs]) => ({
    id: id.startsWith("/") ? p.article.id + id : id,
    kind: HIGHLIGHT_KINDS[kind] as HighlightKind,
    target: { start },
    prepared: { quote, prefix, suffix, paragraphs: paragraphs ?? [quote] },
  })),
});

/** What a site's data file gives content.js. */
export interface SiteData {
  /** The URL rules of the site's articles (as in the recognition index). */
  index: UrlRules;
  /** Per article of index.articles, its probes (src/recognition/probes.ts), and the least share of them found in
   *  a page that makes the page that article. */
  probes: string[][];
  threshold: number;
  payloads: Record<string, SitePayload>;
}

/** Whether `host` is the site `site` ("nytimes.com") or one of its subdomains. */
export const onSite = (host: string, site: string): boolean => host === site || host.endsWith(`.${site}`);

/** The publishers' sites of a manifest: the hosts of its declared content scripts' patterns ("*://*.host/…"), the
 *  archive left out. */
export const declaredSites = (manifest: { content_scripts?: { matches?: string[] }[] }): string[] =>
  (manifest.content_scripts ?? [])
    .flatMap((c) => c.matches ?? [])
    .map((m) => /^(?:\*|https?):\/\/(?:\*\.)?([^/]+)\//.exec(m)?.[1] ?? "")
    .filter((h) => h && h !== "web.archive.org");

/** Whether `host` is one of `sites` or on one of them. */
export const onAnySite = (host: string, sites: readonly string[]): boolean =>
  sites.some((s) => onSite(host, s));

/** The entry that runs content.js on every page of the publishers' sites not visited yet, when their entries wait
 *  for visits (src/dataset/sites.ts, EAGER_ENTRIES_MAX). */
export const UNVISITED_ID = "content-unvisited";

/** A registration of content.js (with a site's data file, or alone), as build.mjs writes them to
 *  data/content-scripts.json and the background registers them (scripting.registerContentScripts). */
export interface ContentScriptEntry {
  id: string;
  matches: string[];
  js: string[];
  /** Style sheets the browser injects before the page is parsed: our highlights' colours, with a site's data. */
  css?: string[];
  runAt: "document_start" | "document_idle";
  /** Registered on the reader's first visit to this site (its host), not at install: at scale, where every
   *  registered entry costs each page of every publisher's site (src/background/content-scripts.ts). */
  site?: string;
}
