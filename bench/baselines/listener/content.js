// Baseline: the least a content script that answers `status` can do — register a runtime message listener.
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.type === "status") reply({ articleId: null });
});
