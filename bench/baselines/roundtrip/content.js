// Baseline: the least any design that asks its background before painting pays — one message, from the content
// script's start to the answer. Written where the benchmark can read it.
const started = performance.now();
chrome.runtime.sendMessage({ type: "ping" }).then(() => {
  document.documentElement.dataset.benchRoundTrip = String(performance.now() - started);
});
