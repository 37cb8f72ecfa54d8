// The WebExtension API in a content script without webextension-polyfill: Firefox's `browser` and MV3 Chromium's
// `chrome` both return promises from runtime.sendMessage and storage.local.get. (The polyfill costs about 1 ms of
// script per page load, measured in ../shared/design/ARCHITECTURE.md; pages and the background use it.)
type Api = typeof chrome;
export const api: Api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
