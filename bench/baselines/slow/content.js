// A content script that blocks the main thread on purpose, in each of the ways the extension's work can run: the
// script's own task, a promise continuation after an extension API's answer, a microtask, a timer, a message-channel
// task and an animation-frame callback. bench/longtasks.ts checks which of them Long Animation Frames attribute
// to the extension's chrome-extension:// URL.
const busy = (ms) => {
  const t0 = performance.now();
  while (performance.now() - t0 < ms);
};
busy(120); // the script's own task (classic-script)
Promise.resolve().then(() => busy(70)); // a microtask in the same task
chrome.storage.local.get("x").then(() => {
  busy(90); // a promise continuation after an extension API's answer
  setTimeout(() => busy(80), 0); // a timer
  const c = new MessageChannel();
  c.port1.onmessage = () => busy(75); // a message-channel task
  c.port2.postMessage(0);
  requestAnimationFrame(() => busy(65)); // an animation-frame callback
});
