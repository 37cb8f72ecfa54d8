// Baselines of start → painted, from a content script's start at document_idle: the first frame after it (what
// any content script that paints waits for at least), and one message to the background and its answer (what a
// design that asks its background before painting pays at least). Written where the benchmark can read them.
const started = performance.now();
requestAnimationFrame(() => {
  document.documentElement.dataset.benchFrame = String(performance.now() - started);
});
chrome.runtime.sendMessage({ type: "ping" }).then(() => {
  document.documentElement.dataset.benchRoundTrip = String(performance.now() - started);
});
