// Analysis of a page the dataset does not know (issue 18), the content script's side: decide whether to, have
// the page analysed in the background (analyse-page.ts, loaded then), and hand the result to the article part as
// a payload like a known article's, so the same highlights, cards and sidebar follow. Nothing leaves the device.
import type { Analysis } from "../analysis/types";
import { declaredSites, onAnySite } from "../model/recognition";
import { api } from "./api";
import type { ArticleInputs } from "./article";
import { looksLikeArticle } from "./cheap";
import { loadLater } from "./page-ui-loader";

let analysis: Analysis | null = null;

/** What the `status` reply adds: null where nothing was analysed. */
export const analysedStatus = (): Analysis | null => analysis;

/** The page turned out to be a known article (its text arrived late): the analysis no longer applies. */
export function forgetAnalysis(): void {
  analysis = null;
}

let analysedAt = "";
/**
 * Whether an analysed page changed enough to analyse again: another address (a single-page navigation), or
 * enough new text (a hydration that replaced the article, a live blog that grew).
 */
export function bigChange(grew: boolean): boolean {
  return grew || location.href !== analysedAt;
}

/** The publishers' hosts: the sites content scripts are declared on (archives left out). */
const publisherHosts = () => declaredSites(api.runtime.getManifest());

/**
 * Whether to analyse this page, once it is not a known article: an archive copy only of a publisher's page; else
 * when the reader asked (Analyse this page, the every-site opt-in), or on a publisher's page that looks like an
 * article.
 */
export function shouldAnalyse(asked: boolean): boolean {
  if (!document.body) return false;
  if (location.hostname === "web.archive.org") {
    const copied = /^\/web\/[^/]+\/(?:https?:\/\/)?([^/:]+)/.exec(location.pathname)?.[1];
    if (!copied || !onAnySite(copied, publisherHosts())) return false;
    return asked || looksLikeArticle(document);
  }
  if (asked) return true;
  // A site the reader chose to have analysed on every visit (site.js, registered from the popup). The manifest
  // (getManifest() builds the whole object) is read only for a page that looks like an article.
  const chosen = (globalThis as { __sourceAnnotatorSite?: boolean }).__sourceAnnotatorSite === true;
  return looksLikeArticle(document) && (chosen || onAnySite(location.hostname, publisherHosts()));
}

/** Analyse the page in the background; the article part's start, or null (the reason in `note`). */
let following = false;

/** `again`: analyse once more (the reader corrected an attribution: hidden, or its speaker named); `onSlice`
 *  is told how long each slice of serialising the page took. */
export async function analyse(
  note: (reason: string) => void,
  again: () => void,
  onSlice?: (ms: number) => void,
): Promise<ArticleInputs | null> {
  if (!following) {
    following = true;
    api.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
      if (area === "local" && changes.corrections && analysis) again();
    });
  }
  analysedAt = location.href;
  // Its code comes with our UI's (page-ui-loader.ts): content.js keeps only the decision.
  const r = await loadLater().then(
    (later) => later.analysePage(onSlice),
    (e: unknown) => `the analysis could not start: ${String(e)}`,
  );
  if (typeof r === "string") {
    note(r);
    return null;
  }
  analysis = r.analysis;
  return { payload: r.payload, settings: () => r.settings, analysed: true };
}
