// The content script of a publisher's pages whose address rules out every known article (a section front, a story
// of another month): it only answers `status`, so on the great majority of a publisher's pages the extension costs
// what one message listener costs. build.mjs declares it on every page of the publishers' sites but the addresses
// where an article could be, while content.js is registered there at install (statusExcludes, src/dataset/sites.ts);
// where it still runs after content.js (at scale, a site not visited yet), content.js has marked the page as its own
// first and this script does nothing. If content.js is injected later (Analyse this page, or the opt-in for every
// site) it takes over and removes this listener.
import { isStatusRequest } from "../model/message-checks";
import { notAnArticle, type Status } from "../model/protocol";
import { api } from "./api";
import { looksLikeArticle } from "./cheap";

declare global {
  interface Window {
    __sourceAnnotatorLoaded?: boolean;
    __sourceAnnotatorIdle?: Parameters<typeof chrome.runtime.onMessage.addListener>[0];
  }
}

if (!window.__sourceAnnotatorLoaded && !window.__sourceAnnotatorIdle) {
  // Built when asked: the page's load pays for the listener alone (a first read of `location` sets up its bindings).
  const status = (): Status & { analysis: null } => ({
    ...notAnArticle(),
    ready: true,
    host: location.hostname,
    note: "not a known article: this page's address rules out every one, so its text is not read",
    analysis: null,
  });
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, reply: (r: unknown) => void) => {
    if (sender.id === api.runtime.id && isStatusRequest(message)) reply(status());
    return undefined;
  };
  api.runtime.onMessage.addListener(listener);
  window.__sourceAnnotatorIdle = listener;
  // An article page of the publisher's site that the dataset does not hold: the background injects content.js,
  // which analyses it on this device (issue 18). Section fronts and search results stop at this cheap test.
  if (looksLikeArticle(document))
    void api.runtime.sendMessage({ type: "analyse-inject" }).catch(() => undefined);
}
