// Articles built from the seed captures, and helpers to render them as publisher pages.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeHTML } from "entities";
import { normaliseWithMap } from "../../src/anchoring/normalise";
import type { TextTarget } from "../../src/model/dataset";

const here = dirname(fileURLToPath(import.meta.url));
/** The captures, verbatim, as the project keeps them. */
const ARTICLES = resolve(here, "../../assets/articles");

export interface Article {
  paragraphs: string[];
  /** Cleaned text as the dataset has it: paragraphs joined by "\n\n". */
  text: string;
}

function lines(file: string): string[] {
  return readFileSync(resolve(ARTICLES, file), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function article(paragraphs: string[]): Article {
  return { paragraphs, text: paragraphs.join("\n\n") };
}

/** The New York Times capture (entities decoded). Paragraph 2-3 hold the multi-paragraph statement. */
export const nyt: Article = article(lines("nyt-libya-2011-07.txt").map((l) => decodeHTML(l)));

const CSM_CHROME =
  /^(Skip to|Read Comments|View reader comments|By Staff writer|Ben Curtis\/AP|Mustafa Abdul-Jalil \(center|Tripoli, Libya$|Libyan rebels offer)/;
/** The Christian Science Monitor capture without page chrome: [0] is the deck, then the body ([6] a subheading). */
export const csm: Article = article(lines("csm-libya-2011-04-01.txt").filter((l) => !CSM_CHROME.test(l)));

/** A TextTarget for the n-th occurrence of `exact` in `text`, with 32 characters of context. */
export function targetOf(text: string, exact: string, n = 0): TextTarget {
  let start = -1;
  for (let k = 0; k <= n; k++) {
    start = text.indexOf(exact, start + 1);
    if (start === -1) throw new Error(`not in text (occurrence ${n}): ${exact}`);
  }
  const end = start + exact.length;
  return {
    exact,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
    end,
  };
}

/** The text from the start of `from` to the end of `to` (inclusive) in the article text. */
export function span(text: string, from: string, to: string): string {
  const s = text.indexOf(from);
  const e = text.indexOf(to, s);
  if (s === -1 || e === -1) throw new Error(`span not found: ${from} … ${to}`);
  return text.slice(s, e + to.length);
}

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Replace the first occurrence of `find` in `s` (throws when absent, so a fixture cannot silently not change). */
export function edit(s: string, find: string, replace: string): string {
  const i = s.indexOf(find);
  if (i === -1) throw new Error(`edit: not found: ${find}`);
  return s.slice(0, i) + replace + s.slice(i + find.length);
}

/** Curly quotes and apostrophes → straight. */
export const straight = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
/** Straight double quotes → curly pairs, apostrophes → ’. */
export const curly = (s: string) => s.replace(/"([^"]*)"/g, "“$1”").replace(/'/g, "’");
/** Typographic characters as named entities, the way the NYT capture has them. */
export const entities = (s: string) =>
  s.replace(/“/g, "&ldquo;").replace(/”/g, "&rdquo;").replace(/’/g, "&rsquo;").replace(/—/g, "&mdash;");

export const AD =
  '<div class="ad-slot" id="div-gpt-ad-2"><span>Advertisement</span><a href="https://ads.example/c?id=9">Save 50% on your first year</a></div>';
export const AD_TEXT = "Advertisement Save 50% on your first year";
export const RELATED =
  '<aside class="related-links"><h4>Related</h4><ul><li><a href="/libya-rebels">Libyan rebels seize oil town</a></li>' +
  '<li><a href="/nato">NATO widens air campaign</a></li></ul></aside>';
export const RELATED_TEXT = "Related Libyan rebels seize oil town NATO widens air campaign";

export interface PageOptions {
  headline?: string;
  /** Markup placed in the body before the paragraph of this index (ads, pull quotes, figures). */
  before?: Record<number, string>;
  /** Article text to put in a JSON-LD script (it must not be anchored into). */
  jsonLd?: string;
  /** Markup before the article (e.g. a pull quote in the header). */
  top?: string;
}

/**
 * A publisher page: header with navigation and an ad, the article (paragraphs given as HTML, one <p id="pN"> each
 * unless the HTML already is a block), a "related" sidebar, a footer, scripts and our own UI ([data-sa-ignore]).
 */
export function page(paragraphsHtml: string[], opts: PageOptions = {}): string {
  const body = paragraphsHtml
    .map(
      (p, i) =>
        (opts.before?.[i] ?? "") + (/^<(h\d|p|div|blockquote)\b/.test(p) ? p : `<p id="p${i}">${p}</p>`),
    )
    .join("\n      ");
  const ld = JSON.stringify({ "@type": "NewsArticle", articleBody: opts.jsonLd ?? "" });
  return `
  <header class="masthead">
    <a class="skip" href="#content">Skip to content</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/world/africa">Africa</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
    <div class="ad-slot ad-top">Advertisement</div>
  </header>
  <main id="content">
    ${opts.top ?? ""}
    <article>
      <h1>${esc(opts.headline ?? "Libya")}</h1>
      <div class="byline">By <a href="/by/staff">Staff</a> <time>2011</time></div>
      ${body}
    </article>
    ${RELATED.replace("related-links", "related-sidebar")}
  </main>
  <footer><p>&copy; 2011 The Publisher Company</p><a href="/privacy">Privacy</a></footer>
  <script type="application/ld+json">${ld}</script>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({section: "world"});</script>
  <noscript><img src="/pixel.gif" alt="">Please enable JavaScript</noscript>
  <div id="sa-root" data-sa-ignore><div class="sa-card">Note on “The N.T.C. has at all times”</div></div>`;
}

/** Paragraphs as escaped HTML. */
export const html = (a: Article) => a.paragraphs.map(esc);

/** Whitespace-insensitive comparable form (the same normalisation as anchoring, all spaces removed). */
export const comparable = (s: string) => normaliseWithMap(s, { lowercase: true }).text.replace(/ /g, "");
