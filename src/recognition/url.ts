// URL rules: canonical URLs, archive unwrapping, URL patterns. Pure; no DOM.
//
// URL PATTERN SYNTAX (Article.urlPatterns) — like a WebExtension match pattern, with `*` as the only
// wildcard; no regular expressions are ever built from a pattern:
//
//   <scheme>://<host><path>
//   scheme  "*" (http or https), "http" or "https"
//   host    "example.com" (that host) or "*.example.com" (that host and any subdomain of it);
//           "www.", "m.", "mobile." and "amp." are dropped from pattern and URL alike, so
//           "www.example.com" also matches m.example.com.
//   path    starts with "/"; "*" matches any run of characters, "/" and "?" included; all else is literal.
//           It is matched against the whole of the URL's canonical path and query: fragment dropped,
//           trailing "/" of the path dropped (in the pattern too), tracking parameters removed and the
//           others sorted by name.
//
//   "*://*.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire*"
//   "https://www.washingtontimes.com/news/2011/apr/4/some-slug/?page=3"   (one page of a paged article)
//
// Archive copies (web.archive.org, archive.today) are unwrapped first; every rule applies to the original.
import type { UrlPattern } from "../model/recognition";

/** Query parameters that never change which document a URL shows: tracking, referrers, share ids. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "msclkid",
  "yclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "cmpid",
  "ocid",
  "smid",
  "smtyp",
  "ref",
  "ref_src",
  "referrer",
  "src",
  "share",
  "partner",
  "hp",
  "_r",
  "rss",
]);
const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_"];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** A host without its "www." / "m." / "mobile." / "amp." prefix or trailing dot, lowercased. */
export function canonicalHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^(?:www\d?|m|mobile|amp)\./, "");
}

const WAYBACK = /^(?:https?:\/\/)?(?:web\.|wayback\.)?archive\.org\/web\/\d{1,14}(?:[a-z]{2}_)?\/(.+)$/i;
const ARCHIVE_TODAY = /^(?:https?:\/\/)?archive\.(?:today|ph|is|li|vn|fo|md)\/\d{4,14}\/(.+)$/i;

/** Whether the address is an archive's copy of another page (web.archive.org, archive.today). */
export const isArchiveUrl = (url: string): boolean =>
  WAYBACK.test(url.trim()) || ARCHIVE_TODAY.test(url.trim());

/**
 * The original URL inside an archive URL, e.g.
 * https://web.archive.org/web/20110401000000id_/http://www.csmonitor.com/… → http://www.csmonitor.com/…
 * (any 2-letter modifier such as id_, if_, js_; an original without a scheme gets http://).
 * Any other URL comes back unchanged.
 */
export function unwrapArchiveUrl(url: string): string {
  let out = url.trim();
  for (let depth = 0; depth < 3; depth++) {
    const m = WAYBACK.exec(out) ?? ARCHIVE_TODAY.exec(out);
    if (!m) break;
    let inner = m[1] as string;
    if (/^https?%3a/i.test(inner)) {
      try {
        inner = decodeURIComponent(inner);
      } catch {
        break;
      }
    }
    const scheme = /^(https?):\/*/i.exec(inner);
    out = scheme
      ? `${(scheme[1] as string).toLowerCase()}://${inner.slice(scheme[0].length)}`
      : `http://${inner}`;
  }
  return out;
}

export interface ParsedUrl {
  scheme: "http" | "https";
  /** Canonical host (see canonicalHost), with ":port" when not the default. */
  host: string;
  /** Path without trailing "/", then "?" and the sorted non-tracking parameters if any. No fragment. */
  pathQuery: string;
}

/** A parsed address as the browser gives it: a URL, or a page's `location` (whose parts the browser has already
 *  parsed — using them spares a content script the cost of setting up URL's bindings on a page's first use). */
export type UrlParts = Pick<URL, "href" | "protocol" | "hostname" | "port" | "pathname" | "search">;

/** The last URL parsed and its parts: a page's address is asked about several times in a row. */
let last: { url: string; parsed: ParsedUrl | null } | null = null;

/** Parse an http(s) URL, archive wrappers unwrapped, into its canonical parts; null for anything else. */
export function parseUrl(input: string | UrlParts): ParsedUrl | null {
  const url = typeof input === "string" ? input : input.href;
  if (last?.url !== url) last = { url, parsed: parseUrlOnce(input) };
  return last.parsed && { ...last.parsed };
}

function parseUrlOnce(input: string | UrlParts): ParsedUrl | null {
  let u: UrlParts;
  // Parts already parsed serve as they are unless they are an archive's (see unwrapArchiveUrl's hosts).
  if (typeof input !== "string" && !input.hostname.includes("archive.")) u = input;
  else {
    try {
      u = new URL(unwrapArchiveUrl(typeof input === "string" ? input : input.href));
    } catch {
      return null;
    }
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  let query = "";
  if (u.search.length > 1) {
    const params = [...new URLSearchParams(u.search)].filter(([k]) => !isTrackingParam(k));
    params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
    query = new URLSearchParams(params).toString();
  }
  return {
    scheme: u.protocol === "http:" ? "http" : "https",
    host: canonicalHost(u.hostname) + (u.port ? `:${u.port}` : ""),
    pathQuery: u.pathname.replace(/\/+$/, "") + (query ? `?${query}` : ""),
  };
}

/**
 * The key under which URLs are compared: canonical host + path + query, no scheme. Two URLs are the same
 * article URL when their keys are equal. Null for what is not an http(s) URL.
 */
export function canonicalUrl(url: string | UrlParts): string | null {
  const p = parseUrl(url);
  return p && p.host + p.pathQuery;
}

const PATTERN = /^(\*|https?):\/\/(\*\.)?([^/*?#:]+(?::\d+)?)(\/.*)$/i;

/** Parse a URL pattern (syntax at the top of this file); throws on a malformed one. */
export function parseUrlPattern(pattern: string): UrlPattern {
  const m = PATTERN.exec(pattern.trim());
  if (!m) throw new Error(`bad URL pattern: ${pattern}`);
  const path = m[4] as string;
  const q = path.indexOf("?");
  const [p, query] = q < 0 ? [path, ""] : [path.slice(0, q), path.slice(q)];
  return {
    scheme: (m[1] as string).toLowerCase() as UrlPattern["scheme"],
    host: canonicalHost(m[3] as string),
    subdomains: m[2] !== undefined,
    path: (p.length > 1 ? p.replace(/\/+$/, "") : p) + query,
  };
}

/** Glob match with `*` as the only wildcard; linear backtracking to the last star, no regex. */
export function globMatch(glob: string, s: string): boolean {
  let g = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (glob[g] === "*") {
      star = g++;
      mark = i;
    } else if (g < glob.length && glob[g] === s[i]) {
      g++;
      i++;
    } else if (star >= 0) {
      g = star + 1;
      i = ++mark;
    } else return false;
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}

/** Whether a parsed URL matches a parsed pattern (the host is compared by the caller or here). */
export function patternMatches(p: UrlPattern, url: ParsedUrl): boolean {
  if (p.scheme !== "*" && p.scheme !== url.scheme) return false;
  const hostOk = url.host === p.host || (p.subdomains && url.host.endsWith(`.${p.host}`));
  return hostOk && globMatch(p.path, url.pathQuery);
}

/** Whether `url` (archive wrappers unwrapped) matches the pattern string. */
export function matchUrlPattern(pattern: string, url: string): boolean {
  const u = parseUrl(url);
  return u !== null && patternMatches(parseUrlPattern(pattern), u);
}

/** The host and each parent domain: "a.b.example.com" → a.b.example.com, b.example.com, example.com, com. */
export function hostAndParents(host: string): string[] {
  const out = [host];
  for (let i = host.indexOf("."); i >= 0; i = host.indexOf(".", i + 1)) out.push(host.slice(i + 1));
  return out;
}
