// One typed protocol for every message between contexts. Each handler checks the sender and the shape.
import type { TextTarget } from "./dataset/types";

export type HighlightKind = "named" | "anonymous" | "secondhand" | "crossref";
export const HIGHLIGHT_KINDS: HighlightKind[] = ["named", "anonymous", "secondhand", "crossref"];

/** What the content script needs to paint one article: its targets, nothing else. */
export interface ArticlePayload {
  article: { id: string; publisher: string; headline?: string; published?: string; referenceDate?: string };
  targets: { id: string; kind: HighlightKind; target: TextTarget }[];
  counts: { attributions: number; crossrefs: number };
}

export interface Visibility {
  all: boolean;
  kinds: Record<HighlightKind, boolean>;
}

export interface Status {
  articleId: string | null;
  matchedBy: "url" | "fingerprint" | null;
  score: number;
  anchored: number;
  orphaned: string[];
  highlightsVisible: boolean;
  /** Extra, for the popup: the page's host (the popup may not read tab URLs), and what was recognised. */
  host?: string;
  article?: ArticlePayload["article"];
  counts?: ArticlePayload["counts"];
  visibility?: Visibility;
  /** Why the script stopped early, if it did ("no body", "page too large"). */
  note?: string;
  /** False while the first recognition (and, for an article, anchoring) is still running. */
  ready?: boolean;
}

/** Content script → background. */
export type BackgroundRequest =
  | { type: "recognise-url"; url: string }
  | { type: "recognise-sample"; sample: number[] }
  | { type: "article"; id: string }
  | { type: "card"; articleId: string; targetId: string }
  | { type: "sidebar-view"; articleId: string }
  /**
   * From an extension frame inside a tab (the sidebar) to the content script of that same tab. Firefox gives such
   * frames no `tabs` API, so the background relays to `sender.tab`.
   */
  | { type: "relay"; message: ContentRequest };

export type RecogniseUrlReply =
  | { articleId: string; matchedBy: "url"; score: 1 }
  | { articleId: null; sampleParams: { shingleSize: number; pageMod: number } };
export type RecogniseSampleReply = { articleId: string | null; score: number };

/** Extension pages and the background → content script. */
export type ContentRequest =
  | { type: "status" }
  /** Scroll to a highlight, flash it and open its card (the sidebar's keyboard path to every overlay). */
  | { type: "reveal"; targetId: string }
  /** Open, close or (no `open`) toggle the sidebar. */
  | { type: "sidebar"; open?: boolean };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  if (!isObj(m)) return false;
  switch (m.type) {
    case "recognise-url":
      return typeof m.url === "string" && m.url.length < 8192;
    case "recognise-sample":
      return (
        Array.isArray(m.sample) &&
        m.sample.length <= 200_000 &&
        m.sample.every((n) => Number.isInteger(n) && n >= 0)
      );
    case "article":
      return isArticleId(m.id);
    case "card":
      return isArticleId(m.articleId) && isTargetId(m.targetId);
    case "sidebar-view":
      return isArticleId(m.articleId);
    case "relay":
      return isContentRequest(m.message);
    default:
      return false;
  }
}

const isArticleId = (v: unknown): v is string => typeof v === "string" && /^[a-z0-9-]{1,100}$/.test(v);
const isTargetId = (v: unknown): v is string => typeof v === "string" && /^[a-z0-9/#@-]{1,160}$/.test(v);

export function isContentRequest(m: unknown): m is ContentRequest {
  if (!isObj(m)) return false;
  switch (m.type) {
    case "status":
      return true;
    case "reveal":
      return isTargetId(m.targetId);
    case "sidebar":
      return m.open === undefined || typeof m.open === "boolean";
    default:
      return false;
  }
}

/** Settings in storage.local: a global default and per-site overrides, keyed by hostname without "www.". */
export interface Settings {
  defaults: Visibility;
  sites: Record<string, Visibility>;
}

export const DEFAULT_VISIBILITY: Visibility = {
  all: true,
  kinds: { named: true, anonymous: true, secondhand: true, crossref: true },
};

export function siteKey(hostname: string): string {
  const h = hostname.toLowerCase().replace(/^(?:www|m|mobile|amp)\./, "");
  return h;
}

export function visibilityFor(settings: Partial<Settings> | undefined, hostname: string): Visibility {
  return settings?.sites?.[siteKey(hostname)] ?? settings?.defaults ?? DEFAULT_VISIBILITY;
}
