// Baseline: the least a content script that compares a page's text can do — the listener-only script, plus one
// native read of the page's text (no comparison at all).
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.type === "status") reply({ articleId: null });
});
globalThis.__baselineChars = (document.body?.textContent ?? "").length;
