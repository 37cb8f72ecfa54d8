// Baseline: a background that answers at once.
chrome.runtime.onMessage.addListener((_message, _sender, reply) => {
  reply({ ok: true });
});
