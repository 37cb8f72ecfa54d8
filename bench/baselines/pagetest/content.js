// Baseline: the least a content script that answers `status` and tests whether the page could be an article
// (issue 18: an article the dataset does not hold is found on the publisher's pages) can do — the listener-only
// script, plus one native selector query of the page (no text read, no layout).
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.type === "status") reply({ articleId: null });
});
globalThis.__baselineArticle = document.querySelector("article") !== null;
