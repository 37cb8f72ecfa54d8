// Chrome's offscreen document (offscreen.html, reason DOM_PARSER): the analysis bundle for the service worker,
// which has no DOM. The background creates the document on the first analysis and sends each page's HTML here.
import { analyse } from "./engine";
import { type AnalyseJob, OFFSCREEN_ANALYSE } from "./types";

chrome.runtime.onMessage.addListener((m: { type?: unknown; job?: AnalyseJob } | null, sender, reply) => {
  // The background only: content scripts' messages (which come with a tab) reach every extension page too.
  if (sender.id !== chrome.runtime.id || sender.tab || m?.type !== OFFSCREEN_ANALYSE || !m.job) return false;
  analyse(m.job).then(reply, (e: unknown) =>
    reply({ reply: { ok: false, reason: `analysis failed: ${String(e)}` } } satisfies Awaited<
      ReturnType<typeof analyse>
    >),
  );
  return true;
});
