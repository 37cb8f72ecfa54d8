// The analysis's page side that runs only when a page is analysed (analysed.ts decides): the page's HTML,
// serialised in slices, sent to the background (which finds the article with Readability, runs the attribution
// library and links the speakers; see src/analysis/). In page-ui.js, not content.js: content.js and a site's data
// share the injected-script budget, and an analysis, hundreds of milliseconds, does not notice the injection.
import type { AnalyseReply } from "../analysis/types";
import { ANALYSE_PART, MAX_ANALYSE_HTML } from "../analysis/types";
import type { Settings } from "../model/protocol";
import { api } from "./api";
import { pageHtml } from "./page-html";
import { runSliced, SLICE_MS, yieldToMain } from "./slices";

/** The background's analysis of this page, or why there is none; `onSlice` is told how long each slice of
 *  serialising the page took. */
export async function analysePage(
  onSlice?: (ms: number) => void,
): Promise<(Extract<AnalyseReply, { ok: true }> & { settings: Promise<Settings | undefined> }) | string> {
  // The page's HTML, serialised in slices: a page of megabytes is not one long task (docs/decisions/0011).
  const serialised = runSliced(pageHtml(document, MAX_ANALYSE_HTML, ANALYSE_PART), {
    firstBudgetMs: SLICE_MS,
    onSlice,
  });
  const chunks = serialised.sync ? serialised.value : await serialised.value;
  const settings = api.storage.local.get("settings").then(
    (r) => r.settings as Settings | undefined,
    () => undefined,
  );
  // Its own message (src/analysis/types.ts), outside the typed protocol of src/model: the background's analysis
  // service answers it before the protocol's handlers. A big page's HTML goes in parts, each message serialised in
  // a task of its own (one of megabytes took ~50 ms of the page's thread: decision 0011) — not the last slice's
  // (traced on a 4 MB page: the slice and the first part's serialising in one task of 56 ms).
  const send = async (m: unknown) => {
    await yieldToMain();
    return api.runtime.sendMessage(m).catch(() => null);
  };
  const last = chunks.pop() ?? "";
  const key = chunks.length ? Math.random().toString(36).slice(2) : undefined;
  for (const html of chunks)
    if ((await send({ type: "analyse-part", key, html })) !== true) return "the analysis did not answer";
  const reply = (await send({
    type: "analyse-page",
    url: location.href,
    html: last,
    key,
  })) as AnalyseReply | null;
  if (!reply?.ok) return reply ? reply.reason : "the analysis did not answer";
  return { ...reply, settings };
}
