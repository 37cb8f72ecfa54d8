// Recognising a known article on a page: URL rules first, then text fingerprints. Pure; no DOM.
//
// The index is a plain JSON-serialisable object in two parts, built at build time and loaded at run
// time (it is data, never bundled into the content script):
//  (a) `url`: canonical URL keys and URL patterns (syntax in ./url.ts), bucketed by host.
//  (b) `text`: a sampled inverted index of 5-word shingle hashes. An article keeps only the shingles
//      whose hash % mod === 0 (mod = `sampleMod`, halved for short articles until they keep at least
//      `minSamples`). The page keeps its shingles passing the finest mod in use, looks each one up in
//      the sorted `keys`, and counts hits per article: containment ≈ hits / sampled size. Because the
//      rule depends on the hash alone, the page and the article sample the same shingles.
//      pageSample (page side, needs only two parameters) and scoreSample (index side) can run in
//      different contexts; recogniseText does both.

import { finish, type Steps } from "../anchoring/steps";
import type { Article } from "../model/dataset";
import type { PatternRule, RecognitionIndex, UrlPattern, UrlRules } from "../model/recognition";
import { boundedText, fingerprint, SHINGLE_SIZE, shingleHashesSteps } from "./fingerprint";
import {
  hostAndParents,
  isArchiveUrl,
  parseUrl,
  parseUrlPattern,
  patternMatches,
  type UrlParts,
} from "./url";

export * from "./fingerprint";
export * from "./url";

export interface RecognitionOptions {
  /** Words per shingle. Default 5. */
  shingleSize?: number;
  /** Keep shingles whose hash % sampleMod === 0: about 1 in sampleMod. A power of two. Default 8. */
  sampleMod?: number;
  /** A shorter article is sampled more densely (mod halved) until it keeps this many. Default 64. */
  minSamples?: number;
  /** Least containment for a text match. Default 0.5. */
  threshold?: number;
}

/**
 * Defaults, as measured by test/recognition: the real articles score 1.0 inside page chrome and
 * 0.67–0.87 with one word in 25 replaced and paragraphs shuffled; related coverage scores 0 and a page
 * quoting one or two sentences 0.05–0.14. A threshold of 0.5 sits between them with room for the
 * sampling error (σ ≈ 0.05 at 64+ samples per article; at most 0.11 from exact in the tests).
 * sampleMod 8 with minSamples 64 keeps ~90 hashes per 300–900-word article: ~0.9 M postings for
 * 10 000 articles.
 */
export const DEFAULT_OPTIONS: Required<RecognitionOptions> = {
  shingleSize: SHINGLE_SIZE,
  sampleMod: 8,
  minSamples: 64,
  threshold: 0.5,
};

/**
 * The sampling rule of articles: the shingles whose hash is 0 modulo sampleMod, the modulus halved until at least
 * minSamples are kept (a short article is sampled more densely). `items[i]` has the hash `hashes[i]`.
 */
export function sampleShingles<T>(
  items: readonly T[],
  hashes: readonly number[],
  opts: Pick<Required<RecognitionOptions>, "sampleMod" | "minSamples">,
): { sample: T[]; mod: number } {
  const keep = (mod: number) => items.filter((_, i) => (hashes[i] as number) % mod === 0);
  let mod = opts.sampleMod;
  let sample = keep(mod);
  while (mod > 1 && sample.length < opts.minSamples) {
    mod /= 2;
    sample = keep(mod);
  }
  return { sample, mod };
}

type IndexedArticle = Pick<Article, "id" | "urls" | "urlPatterns" | "text"> &
  Partial<Pick<Article, "textCheckPatterns">>;

const own = <T>(rec: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(rec, key) ? rec[key] : undefined;

/** The address side of an index for these articles: known URLs, URL patterns and textCheckPatterns. */
export function buildUrlRules(articles: readonly IndexedArticle[]): UrlRules {
  const exact: Record<string, number> = {};
  const patterns: Record<string, PatternRule[]> = {};
  const textCheck: Record<string, UrlPattern[]> = {};
  articles.forEach((a, i) => {
    for (const url of a.urls) {
      const p = parseUrl(url);
      if (!p) throw new Error(`article ${a.id}: not an http(s) URL: ${url}`);
      const key = p.host + p.pathQuery;
      const other = own(exact, key);
      if (other !== undefined && other !== i) {
        throw new Error(`URL ${url} belongs to both ${articles[other]?.id} and ${a.id}`);
      }
      exact[key] = i;
    }
    for (const pattern of a.textCheckPatterns ?? []) {
      const rule = parseUrlPattern(pattern);
      textCheck[rule.host] = [...(own(textCheck, rule.host) ?? []), rule];
    }
    for (const pattern of a.urlPatterns) {
      const rule = parseUrlPattern(pattern);
      const rules = own(patterns, rule.host) ?? [];
      rules.push({ ...rule, article: i });
      patterns[rule.host] = rules;
    }
  });
  return { articles: articles.map((a) => a.id), url: { exact, patterns, textCheck } };
}

export function buildRecognitionIndex(
  articles: readonly IndexedArticle[],
  opts: RecognitionOptions = {},
): RecognitionIndex {
  const { shingleSize, sampleMod, minSamples, threshold } = { ...DEFAULT_OPTIONS, ...opts };
  if (!Number.isInteger(Math.log2(sampleMod)))
    throw new Error(`sampleMod must be a power of two: ${sampleMod}`);
  const postings = new Map<number, number[]>();
  const sizes: number[] = [];
  let pageMod = sampleMod;

  articles.forEach((a, i) => {
    const all = [...fingerprint(a.text, shingleSize)];
    const { sample, mod } = sampleShingles(all, all, { sampleMod, minSamples });
    if (sample.length > 0) pageMod = Math.min(pageMod, mod);
    sizes.push(sample.length);
    for (const h of sample) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  });

  const keys: number[] = [];
  const owners: number[] = [];
  for (const h of Uint32Array.from(postings.keys()).sort()) {
    for (const i of postings.get(h) as number[]) {
      keys.push(h);
      owners.push(i);
    }
  }
  return {
    version: 1,
    ...buildUrlRules(articles),
    text: { shingleSize, threshold, pageMod, sizes, keys, owners },
  };
}

/**
 * The index as the extension ships it: JSON without the postings, and the postings in one binary file — the keys
 * as little-endian Uint32, then the owners as Uint16 (Uint32 past 65,535 articles). At 10,000 articles the postings
 * are most of the index: as JSON numbers they cost ~11 bytes each and a JSON.parse into a heap array on the
 * background's first recognition; as typed arrays over the fetched buffer, 6 bytes and no parse.
 */
export function packIndex(index: RecognitionIndex): { json: string; bin: Uint8Array } {
  const { keys, owners, ...text } = index.text;
  const n = keys.length;
  const wide = index.articles.length > 0xffff;
  const bin = new Uint8Array(n * (wide ? 8 : 6));
  new Uint32Array(bin.buffer, 0, n).set(Array.from(keys));
  (wide ? new Uint32Array(bin.buffer, n * 4, n) : new Uint16Array(bin.buffer, n * 4, n)).set(
    Array.from(owners),
  );
  return { json: JSON.stringify({ ...index, text: { ...text, postings: n } }), bin };
}

/** packIndex's two parts back into an index (typed arrays over `bin`, no copy). */
export function unpackIndex(json: string | object, bin: ArrayBuffer): RecognitionIndex {
  const meta = (typeof json === "string" ? JSON.parse(json) : json) as Omit<RecognitionIndex, "text"> & {
    text: Omit<RecognitionIndex["text"], "keys" | "owners"> & { postings: number };
  };
  const { postings: n, ...text } = meta.text;
  const wide = meta.articles.length > 0xffff;
  if (bin.byteLength !== n * (wide ? 8 : 6))
    throw new Error("recognition index: postings file of the wrong size");
  return {
    ...meta,
    text: {
      ...text,
      keys: new Uint32Array(bin, 0, n),
      owners: wide ? new Uint32Array(bin, n * 4, n) : new Uint16Array(bin, n * 4, n),
    },
  };
}

/** Whether a page that no URL rule recognised is worth comparing by its text (see RecognitionIndex.url.textCheck). */
export function worthTextCheck(url: string | UrlParts, index: UrlRules, asked = false): boolean {
  const u = parseUrl(url);
  if (!u || !index.url.textCheck) return true;
  for (const host of hostAndParents(u.host)) {
    const rules = own(index.url.textCheck, host);
    if (rules) return rules.some((r) => patternMatches(r, u));
  }
  // An archive copy of any other site (anyone can archive a page of their own) is compared only when the reader
  // asked: "Analyse this page", or the opt-in to analyse every site.
  if (isArchiveUrl(typeof url === "string" ? url : url.href)) return asked;
  return true;
}

/** The article whose known URL or URL pattern matches `url` (archive copies unwrapped), else null. */
export function recogniseUrl(url: string | UrlParts, index: UrlRules): string | null {
  const u = parseUrl(url);
  if (!u) return null;
  let article = own(index.url.exact, u.host + u.pathQuery);
  if (article === undefined) {
    for (const host of hostAndParents(u.host)) {
      const rule = own(index.url.patterns, host)?.find((r) => patternMatches(r, u));
      if (rule) {
        article = rule.article;
        break;
      }
    }
  }
  return article === undefined ? null : (index.articles[article] ?? null);
}

/** First position in the ascending `keys` holding a value ≥ h. */
function lowerBound(keys: ArrayLike<number>, h: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface TextRecognition {
  /** The best article when its score reaches the index's threshold, else null. */
  articleId: string | null;
  /** The best article's score (estimated containment), 0 when no article shares a sampled shingle. */
  score: number;
  /** The best candidate, matched or not. */
  best?: { articleId: string; score: number };
}

/**
 * The page's side of text recognition: the distinct hashes of the page's shingles that pass the index's
 * sampling rule, from the first MAX_PAGE_CHARS characters of its text. Needs only the index's two
 * parameters, so a content script can compute it without loading per-article data and hand it (a few
 * thousand numbers) to wherever the index lives.
 */
export function pageSample(
  pageText: string,
  params: Pick<RecognitionIndex["text"], "shingleSize" | "pageMod">,
): number[] {
  return finish(pageSampleSteps(pageText, params));
}

/** pageSample in steps (see wordHashesSteps): a content script samples a long page in slices. */
export function* pageSampleSteps(
  pageText: string,
  params: Pick<RecognitionIndex["text"], "shingleSize" | "pageMod">,
): Steps<number[]> {
  const sample = new Set<number>();
  for (const h of yield* shingleHashesSteps(boundedText(pageText), params.shingleSize)) {
    if (h % params.pageMod === 0) sample.add(h);
  }
  return [...sample];
}

/** The index's side: look each sampled page shingle up, count hits per article, score = hits / sampled size. */
export function scoreSample(sample: readonly number[], index: RecognitionIndex): TextRecognition {
  const { threshold, sizes, keys, owners } = index.text;
  const hits = new Map<number, number>();
  for (const h of sample) {
    for (let k = lowerBound(keys, h); k < keys.length && keys[k] === h; k++) {
      const a = owners[k] as number;
      hits.set(a, (hits.get(a) ?? 0) + 1);
    }
  }
  let best: { articleId: string; score: number } | undefined;
  for (const [a, n] of hits) {
    const score = n / (sizes[a] as number);
    if (!best || score > best.score) best = { articleId: index.articles[a] as string, score };
  }
  if (!best) return { articleId: null, score: 0 };
  return { articleId: best.score >= threshold ? best.articleId : null, score: best.score, best };
}

/**
 * Recognise an article by its text in the page's text (the first MAX_PAGE_CHARS characters of it):
 * the page's sampled shingles are hashed once, and each is looked up in the index.
 */
export function recogniseText(pageText: string, index: RecognitionIndex): TextRecognition {
  return scoreSample(pageSample(pageText, index.text), index);
}

export interface Recognition {
  articleId: string | null;
  matchedBy: "url" | "fingerprint" | null;
  /** 1 for a URL match; otherwise the best text score (also when below the threshold). */
  score: number;
}

/** URL rules first; the page text is read (the thunk called) only when the URL says nothing. */
export function recognise(input: { url: string; text: () => string }, index: RecognitionIndex): Recognition {
  const byUrl = recogniseUrl(input.url, index);
  if (byUrl) return { articleId: byUrl, matchedBy: "url", score: 1 };
  const byText = recogniseText(input.text(), index);
  return {
    articleId: byText.articleId,
    matchedBy: byText.articleId ? "fingerprint" : null,
    score: byText.score,
  };
}
