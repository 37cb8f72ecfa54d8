// The parts of the content script needed only sometimes are not in content.js, which with a site's data file must
// stay within the injected-script budget (src/dataset/sites.ts): our UI in the page (cards, launcher, note button,
// sidebar frame, the notes' layer), which a page that only shows highlights never needs, and the analysis's page
// side (analyse-page.ts). Their code is page-ui.js (page-ui-entry.ts), which the background injects into this
// frame's isolated world on first need — after the first paint, for the launcher (docs/decisions/0017).
// A classic script injected so costs a few milliseconds; the same file as an ES module fetched with import() cost
// 30–60 ms of the page's main thread (CDP TaskDuration), and had to be web-accessible.
import type { analysePage } from "./analyse-page";
import { callBackground } from "./call";
import type { PageUi } from "./page-ui";

/** What page-ui.js leaves in this isolated world (no page script reaches it). */
export interface Later {
  PageUi: typeof PageUi;
  analysePage: typeof analysePage;
}

declare global {
  var __sourceAnnotatorLater: Later | undefined;
}

let loading: Promise<Later> | null = null;

export function loadLater(): Promise<Later> {
  loading ??= (async () => {
    if (!globalThis.__sourceAnnotatorLater && !(await callBackground({ type: "page-ui" })))
      throw new Error("page-ui.js was not injected");
    const later = globalThis.__sourceAnnotatorLater;
    if (!later) throw new Error("page-ui.js did not load");
    return later;
  })().catch((e: unknown) => {
    loading = null; // the next need tries again
    throw e;
  });
  return loading;
}
