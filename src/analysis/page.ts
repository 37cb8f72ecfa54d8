// The article in a page's HTML, outside the page: parsed with the browser's own DOMParser (an inert document: no
// script runs, nothing loads) in the analysis bundle's context — Chrome's offscreen document, Firefox's event page
// (engine.ts, docs/decisions/0008) —, the story found by Mozilla's Readability (Firefox Reader View's engine;
// chosen over Defuddle in docs/decisions/0008), and the page's own metadata read from schema.org JSON-LD and og:
// tags. The text comes out as paragraphs separated by blank lines, as the attribution
// library expects.
import { Readability } from "@mozilla/readability";
import type { PageMeta } from "./types";

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|OpinionNewsArticle)$/;

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v.trim() || undefined : Array.isArray(v) ? str(v[0]) : undefined;
const nameOf = (v: unknown): string | undefined =>
  Array.isArray(v)
    ? v.map(nameOf).filter(Boolean).join(", ") || undefined
    : typeof v === "object" && v !== null
      ? str((v as Json).name)
      : str(v);

/** The first schema.org article object in the page's JSON-LD (graphs and arrays included). */
function jsonLdArticle(doc: Document): Json | null {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? "");
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const o = queue.shift();
      if (Array.isArray(o)) queue.push(...o);
      else if (o && typeof o === "object") {
        const j = o as Json;
        const types = ([] as unknown[]).concat(j["@type"] ?? []);
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) return j;
        if (j["@graph"]) queue.push(j["@graph"]);
      }
    }
  }
  return null;
}

const meta = (doc: Document, name: string): string | undefined =>
  str(doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content"));

export function pageMeta(doc: Document): PageMeta {
  const ld = jsonLdArticle(doc);
  const out: PageMeta = {
    headline: str(ld?.headline) ?? meta(doc, "og:title"),
    published: str(ld?.datePublished) ?? meta(doc, "article:published_time"),
    author: nameOf(ld?.author) ?? meta(doc, "author") ?? meta(doc, "article:author"),
    publisher: nameOf(ld?.publisher) ?? meta(doc, "og:site_name"),
    type: str(ld?.["@type"]) ?? meta(doc, "og:type"),
  };
  for (const k of Object.keys(out) as (keyof PageMeta)[]) if (out[k] === undefined) delete out[k];
  return out;
}

const BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption";

/** An element's text as a reader sees it in one paragraph: runs of whitespace are one space. */
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/** The text of the blocks of an HTML fragment (no block nested in another counted twice), one per paragraph. */
export function paragraphsOf(root: Element): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.parentElement?.closest(BLOCKS)) continue;
    const t = flat(el.textContent ?? "");
    if (t) out.push(t);
  }
  return out;
}

export interface ExtractedPage {
  meta: PageMeta;
  headline?: string;
  /** The story's paragraphs, separated by blank lines. */
  text: string;
}

/** The article of a page's HTML (null when Readability finds none). */
export function articleOf(html: string, url: string): ExtractedPage | null {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const metaFound = pageMeta(doc);
  // Readability changes the document it reads; the metadata was read first.
  const parsed = new Readability(doc, { charThreshold: 300 }).parse();
  if (!parsed?.content) return null;
  const content = new DOMParser().parseFromString(`<html><body>${parsed.content}</body></html>`, "text/html");
  const paragraphs = paragraphsOf(content.body);
  if (!paragraphs.length) return null;
  void url;
  return {
    meta: { ...metaFound, ...(metaFound.headline || !parsed.title ? {} : { headline: parsed.title }) },
    headline: metaFound.headline ?? parsed.title ?? undefined,
    text: paragraphs.join("\n\n"),
  };
}
