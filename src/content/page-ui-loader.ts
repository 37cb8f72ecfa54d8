// Our UI in the page (cards, launcher, note button, sidebar frame, the notes' layer) is not in content.js: a page
// that only shows highlights never needs it, and content.js with a site's data file must stay within the injected-
// script budget (src/dataset/sites.ts). Its code is page-ui.js (page-ui-entry.ts), which the background injects
// into this frame's isolated world on first need — after the first paint, for the launcher (docs/decisions/0017).
// A classic script injected so costs a few milliseconds; the same file as an ES module fetched with import() cost
// 30–60 ms of the page's main thread (CDP TaskDuration), and had to be web-accessible.
import { callBackground } from "./call";
import type { PageUi } from "./page-ui";

declare global {
  /** Left by page-ui.js in this isolated world (no page script reaches it). */
  var __sourceAnnotatorPageUi: typeof PageUi | undefined;
}

let loading: Promise<typeof PageUi> | null = null;

export function loadPageUi(): Promise<typeof PageUi> {
  loading ??= (async () => {
    if (!globalThis.__sourceAnnotatorPageUi && !(await callBackground({ type: "page-ui" })))
      throw new Error("page-ui.js was not injected");
    const ui = globalThis.__sourceAnnotatorPageUi;
    if (!ui) throw new Error("page-ui.js did not load");
    return ui;
  })().catch((e: unknown) => {
    loading = null; // the next need tries again
    throw e;
  });
  return loading;
}
