// The WebExtension API in a content script without webextension-polyfill, which wraps every API at import on every
// page of the matched sites: Firefox's `browser` and MV3 Chromium's `chrome` both return promises already (see
// docs/architecture.md, dependencies). Extension pages and the background use the polyfill.
type Api = typeof chrome;
export const api: Api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
