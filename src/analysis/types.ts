// Any-article analysis (issue 18): the contract the `status` reply carries on an analysed page, and the messages
// between the content script and the background that run it. Kept here, apart from src/messages.ts: an analysed
// page reuses the article part's payload, cards and sidebar unchanged.
import type { ArticlePayload } from "../model/protocol";

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

/** Content script → background: analyse this page's HTML. */
export interface AnalyseRequest {
  type: "analyse-page";
  url: string;
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

export function isAnalysisRequest(m: unknown): m is AnalyseRequest | AnalyseInjectRequest {
  if (typeof m !== "object" || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.type === "analyse-inject") return true;
  return (
    o.type === "analyse-page" &&
    typeof o.url === "string" &&
    o.url.length < 4096 &&
    typeof o.html === "string" &&
    o.html.length <= MAX_ANALYSE_HTML
  );
}
