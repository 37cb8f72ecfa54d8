// Analysis of a page the dataset does not know (issue 18), the content script's side: decide whether to, send
// the page's HTML to the background (which finds the article with Readability, runs the attribution library and
// links the speakers; see src/analysis/), and hand the result to the article part as a payload like a known
// article's, so the same highlights, cards and sidebar follow. Nothing leaves the device.
import type { AnalyseReply, Analysis } from "../analysis/types";
import { ANALYSE_PART, MAX_ANALYSE_HTML } from "../analysis/types";
import type { Settings } from "../model/protocol";
import { api } from "./api";
import type { ArticleInputs } from "./article";
import { looksLikeArticle } from "./cheap";
import { pageHtml } from "./page-html";
import { runSliced, SLICE_MS } from "./slices";

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
function publisherHosts(): string[] {
  return (api.runtime.getManifest().content_scripts ?? [])
    .flatMap((c) => c.matches ?? [])
    .map((m) => /^\*?:\/\/(?:\*\.)?([^/]+)\//.exec(m)?.[1] ?? "")
    .filter((h) => h && h !== "web.archive.org");
}

const onHost = (host: string, hosts: string[]) => hosts.some((h) => host === h || host.endsWith(`.${h}`));

/**
 * Whether to analyse this page, once it is not a known article: an archive copy only of a publisher's page; else
 * when the reader asked (Analyse this page, the every-site opt-in), or on a publisher's page that looks like an
 * article.
 */
export function shouldAnalyse(asked: boolean): boolean {
  if (!document.body) return false;
  const hosts = publisherHosts();
  if (location.hostname === "web.archive.org") {
    const copied = /^\/web\/[^/]+\/(?:https?:\/\/)?([^/:]+)/.exec(location.pathname)?.[1];
    if (!copied || !onHost(copied, hosts)) return false;
    return asked || looksLikeArticle(document);
  }
  // A site the reader chose to have analysed on every visit (site.js, registered from the popup).
  const chosen = (globalThis as { __sourceAnnotatorSite?: boolean }).__sourceAnnotatorSite === true;
  return asked || ((chosen || onHost(location.hostname, hosts)) && looksLikeArticle(document));
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
  // The page's HTML, serialised in slices: a page of megabytes is not one long task (docs/decisions/0011).
  const serialised = runSliced(pageHtml(document, MAX_ANALYSE_HTML), { firstBudgetMs: SLICE_MS, onSlice });
  const html = serialised.sync ? serialised.value : await serialised.value;
  const settings = api.storage.local.get("settings").then(
    (r) => r.settings as Settings | undefined,
    () => undefined,
  );
  // Its own message (src/analysis/types.ts), outside the typed protocol of src/model: the background's analysis
  // service answers it before the protocol's handlers. A big page's HTML goes in parts, each message serialised in
  // a task of its own (one of megabytes took ~50 ms of the page's thread: decision 0011).
  const send = (m: unknown) => api.runtime.sendMessage(m).catch(() => null);
  let key: string | undefined;
  let last = html;
  if (html.length > ANALYSE_PART) {
    key = Math.random().toString(36).slice(2);
    let at = 0;
    for (; html.length - at > ANALYSE_PART; at += ANALYSE_PART)
      if ((await send({ type: "analyse-part", key, html: html.slice(at, at + ANALYSE_PART) })) !== true) {
        note("the analysis did not answer");
        return null;
      }
    last = html.slice(at);
  }
  const reply = (await send({
    type: "analyse-page",
    url: location.href,
    html: last,
    key,
  })) as AnalyseReply | null;
  if (!reply?.ok) {
    note(reply ? reply.reason : "the analysis did not answer");
    return null;
  }
  analysis = reply.analysis;
  return { payload: reply.payload, settings, analysed: true };
}
