// The background (service worker in Chromium, event page in Firefox): answers the content scripts from the
// bundled dataset, owns the settings and the keyboard commands.
import browser from "webextension-polyfill";
import { analysisMessage } from "../analysis/background";
import {
  type BackgroundRequest,
  DEFAULT_VISIBILITY,
  isBackgroundRequest,
  type NoteDraft,
  type Settings,
  type SidebarHello,
  type SidebarIntent,
  type Status,
  siteKey,
} from "../messages";
import { card, recognise, sidebarView } from "./data";
import { anchorsFor, handleNotes, keepDraft } from "./notes";

/** An extension page (sidebar frame, notes page, popup), as opposed to a content script in a web page. */
const fromExtensionPage = (sender: browser.Runtime.MessageSender) =>
  Boolean(sender.url?.startsWith(browser.runtime.getURL("")));

/**
 * Sidebar frames: the nonce our content script registered for each tab as it created its frame (one use), what
 * that sidebar should show first, and the frames that presented their nonce. A sidebar.html that the page embedded
 * itself has no nonce, so it is never verified and gets no notes.
 */
const sidebars = new Map<number, { nonce: string; intent?: SidebarIntent }>();
const verified = new Set<string>();
const frameKey = (sender: browser.Runtime.MessageSender) => `${sender.tab?.id}:${sender.frameId}`;
/** An extension page in a tab's frame (a sidebar) must have been verified; a page of its own (the notes page) not. */
const trustedPage = (sender: browser.Runtime.MessageSender) =>
  fromExtensionPage(sender) && (!sender.frameId || verified.has(frameKey(sender)));

async function handle(m: BackgroundRequest, sender: browser.Runtime.MessageSender) {
  switch (m.type) {
    case "note-anchors":
      return anchorsFor(m.articleId);
    case "note-draft":
      if (sender.tab?.id === undefined) return null;
      keepDraft(sender.tab.id, m.draft);
      return browser.tabs
        .sendMessage(sender.tab.id, { type: "sidebar", open: true, view: "notes" })
        .catch(() => null);
    case "notes":
      // Note bodies go to extension pages only, never to a content script, nor to a sidebar we did not open.
      if (!trustedPage(sender))
        return { ok: false, code: "forbidden", message: "notes are for the extension's own pages" };
      return handleNotes(m.op, sender.tab?.id);
    case "sidebar-open":
      if (sender.tab?.id === undefined || fromExtensionPage(sender)) return null;
      sidebars.set(sender.tab.id, { nonce: m.nonce, ...(m.intent ? { intent: m.intent } : {}) });
      return true;
    case "sidebar-hello": {
      const tabId = sender.tab?.id;
      const pending = tabId === undefined ? undefined : sidebars.get(tabId);
      if (tabId === undefined || !fromExtensionPage(sender) || pending?.nonce !== m.nonce)
        return { ok: false } satisfies SidebarHello;
      sidebars.delete(tabId);
      verified.add(frameKey(sender));
      return { ok: true, ...(pending.intent ? { intent: pending.intent } : {}) } satisfies SidebarHello;
    }
    case "relay":
      return sender.tab?.id === undefined || !trustedPage(sender)
        ? null
        : browser.tabs.sendMessage(sender.tab.id, m.message).catch(() => null);
    case "recognise":
      return recognise(m.url, m.sample, anchorsFor, m.asked === true);
    case "card":
      return card(m.articleId, m.targetId);
    case "sidebar-view":
      return sidebarView(m.articleId);
  }
}

browser.tabs.onRemoved.addListener((tabId) => {
  sidebars.delete(tabId);
  for (const k of verified) if (k.startsWith(`${tabId}:`)) verified.delete(k);
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Any-article analysis, and the cards and sidebars of analysed pages (src/analysis/background.ts).
  const analysed = analysisMessage(message, sender);
  if (analysed) return analysed;
  // Only this extension's own scripts: content scripts (sender.tab) and pages (extension URL).
  if (sender.id !== browser.runtime.id || !isBackgroundRequest(message)) return undefined;
  return handle(message, sender);
});

/** Flip "all highlights" for a site; every open tab of that site follows via storage.onChanged. */
async function toggleAllFor(hostname: string | undefined): Promise<void> {
  if (!hostname) return;
  const host = siteKey(hostname);
  const { settings } = (await browser.storage.local.get("settings")) as { settings?: Settings };
  const s: Settings = settings ?? { defaults: DEFAULT_VISIBILITY, sites: {} };
  const current = s.sites[host] ?? s.defaults;
  s.sites[host] = { ...current, all: !current.all };
  await browser.storage.local.set({ settings: s });
}

/** A note on the selection of a tab: ask its content script for the passage, keep it, open the editor. */
async function noteOnSelection(tabId: number): Promise<void> {
  const draft = (await browser.tabs
    .sendMessage(tabId, { type: "selection" })
    .catch(() => null)) as NoteDraft | null;
  if (!draft) return;
  keepDraft(tabId, draft);
  await browser.tabs
    .sendMessage(tabId, { type: "sidebar", open: true, view: "notes" })
    .catch(() => undefined);
}

async function onCommand(command: string): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  if (command === "add-note") return noteOnSelection(tab.id);
  if (command === "toggle-sidebar") {
    await browser.tabs.sendMessage(tab.id, { type: "sidebar" }).catch(() => undefined);
    return;
  }
  if (command !== "toggle-highlights") return;
  // The tab's URL may be hidden from us (no "tabs" permission); its content script knows its host.
  const status = (await browser.tabs
    .sendMessage(tab.id, { type: "status" })
    .catch(() => null)) as Status | null;
  await toggleAllFor(status?.host);
}
browser.commands.onCommand.addListener(onCommand);

const MENU_ID = "add-note";
browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({
    id: MENU_ID,
    title: "Add note",
    contexts: ["selection"],
    // Where content.js runs (status.js pages cannot hold an article).
    documentUrlPatterns: (browser.runtime.getManifest().content_scripts ?? [])
      .filter((c) => c.js?.includes("content.js"))
      .flatMap((c) => c.matches ?? []),
  });
});
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab?.id !== undefined) void noteOnSelection(tab.id);
});

// End-to-end builds for Firefox only (build.mjs --e2e; getBrowserInfo is Firefox's): open an extension page at install and at each start of the browser
// profile it is installed in, so a WebDriver BiDi client, which may not navigate to moz-extension:// URLs itself,
// has an extension context to work from.
declare const __E2E__: boolean;
if (__E2E__ && "getBrowserInfo" in browser.runtime) {
  const openProbe = () => void browser.tabs.create({ url: browser.runtime.getURL("options.html?e2e") });
  browser.runtime.onInstalled.addListener(openProbe);
  browser.runtime.onStartup.addListener(openProbe);
}

// Reachable only from the extension's own contexts (the tests drive the command through it: headless browsers
// do not deliver synthetic key presses to extension shortcuts).
(globalThis as unknown as { sourceAnnotator: unknown }).sourceAnnotator = { command: onCommand };
