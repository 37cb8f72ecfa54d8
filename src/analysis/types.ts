// Any-article analysis (issue 18): the contract the `status` reply carries on an analysed page, and the messages
// between the content script and the background that run it. Kept here, apart from src/model/protocol.ts: an analysed
// page reuses the article part's payload, cards and sidebar unchanged.
import type { ArticlePayload } from "../model/protocol";
import type { CardView, SidebarView } from "../model/views";
import type { Correction } from "./corrections";

/** One attribution found on this device, as the `status` reply reports it (offsets in the extracted text). */
export interface AnalysedAttribution {
  exact: string;
  start: number;
  end: number;
  kind: "named" | "anonymous" | "secondhand";
  /** The speaker's entity name as the library resolved it; null where the speaker is unclear. */
  speaker: string | null;
  /** The speaker as written at the cue ("she", "a senior official"), or null. */
  speakerText: string | null;
  anonymous: boolean;
  /** The outlet the statement came through ("Reuters"), or null when first-hand. */
  via: string | null;
  /** The words that mark it as said: "said", "told Reuters", "according to". */
  cue: string | null;
  confidence: number;
  /** The dataset entity the speaker is, when it is one (transliteration-aware). */
  linked?: string;
  /** The reader named the speaker ("wrong speaker"). */
  corrected?: boolean;
}

export interface Analysis {
  attributions: AnalysedAttribution[];
  /** Dataset entity ids that a speaker or a mention on this page was linked to. */
  entitiesLinked: string[];
}

/** What was found about the page itself (JSON-LD NewsArticle, og: metadata, else Readability's guesses). */
export interface PageMeta {
  headline?: string;
  published?: string;
  author?: string;
  publisher?: string;
  type?: string;
}

/** Content script → background: analyse this page's HTML (`key`: the parts sent before it come first). */
export interface AnalyseRequest {
  type: "analyse-page";
  url: string;
  html: string;
  key?: string;
}
/** Content script → background: one part of a big page's HTML, sent ahead of its `analyse-page` (a message of
 *  megabytes is serialised in one task of the page's main thread; parts of ANALYSE_PART are not: decision 0011). */
export interface AnalysePartRequest {
  type: "analyse-part";
  key: string;
  html: string;
}
/** status.js → background: this publisher's page looks like an article; inject content.js to analyse it. */
export interface AnalyseInjectRequest {
  type: "analyse-inject";
}

export type AnalyseReply =
  | {
      ok: true;
      payload: ArticlePayload;
      analysis: Analysis;
      meta: PageMeta;
      ms: { parse: number; extract: number };
    }
  | { ok: false; reason: string };

/** Largest page HTML sent for analysis (a page larger than this is cut: the article is nearly always early). */
export const MAX_ANALYSE_HTML = 4_000_000;
/** The HTML of a bigger page goes in parts of this size. */
export const ANALYSE_PART = 500_000;

export function isAnalysisRequest(
  m: unknown,
): m is AnalyseRequest | AnalysePartRequest | AnalyseInjectRequest {
  if (typeof m !== "object" || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.type === "analyse-inject") return true;
  const key = o.key === undefined || (typeof o.key === "string" && o.key.length < 64);
  if (o.type === "analyse-part")
    return typeof o.key === "string" && key && typeof o.html === "string" && o.html.length <= ANALYSE_PART;
  return (
    o.type === "analyse-page" &&
    typeof o.url === "string" &&
    o.url.length < 4096 &&
    typeof o.html === "string" &&
    o.html.length <= MAX_ANALYSE_HTML &&
    key
  );
}

/** The cards and sidebar of an analysed page, kept by the background. */
export interface AnalysedViews {
  cards: Record<string, CardView & { found?: string }>;
  sidebar: SidebarView;
}

/** Background → the analysis bundle (engine.ts): one page to analyse, with the reader's corrections for it. */
export interface AnalyseJob {
  html: string;
  url: string;
  corrections: Record<string, Correction>;
}
export interface AnalyseResult {
  reply: AnalyseReply;
  views?: AnalysedViews;
}
/** The message type of an analysis job sent to Chrome's offscreen document. */
export const OFFSCREEN_ANALYSE = "offscreen-analyse";

export const ANALYSED_PREFIX = "page-";

/** A short, stable id for an analysed page: its address without the fragment, hashed (FNV-1a). */
export function analysedId(url: string): string {
  const u = url.split("#")[0] ?? url;
  let h = 0x811c9dc5;
  for (let i = 0; i < u.length; i++) {
    h ^= u.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${ANALYSED_PREFIX}${h.toString(16).padStart(8, "0")}`;
}
