// Our UI in the page (cards, launcher, note button, sidebar frame, the notes' layer) is not in content.js: a page
// that only shows highlights never needs it, and content.js with a site's data file must stay within the injected-
// script budget (src/dataset/sites.ts). Its code is page-ui.js, an ES module in the extension's package, loaded
// into this isolated world on first need — after the first paint, for the launcher (docs/decisions/0017).
import { api } from "./api";
import type { PageUi } from "./page-ui";

let loading: Promise<typeof PageUi> | null = null;

export function loadPageUi(): Promise<typeof PageUi> {
  loading ??= (import(api.runtime.getURL("page-ui.js")) as Promise<{ PageUi: typeof PageUi }>).then(
    (m) => m.PageUi,
    (e: unknown) => {
      loading = null; // the next need tries again
      throw e;
    },
  );
  return loading;
}
