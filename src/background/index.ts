// The background (service worker in Chromium, event page in Firefox): answers the content scripts from the
// bundled dataset, owns the settings and the keyboard commands.
import browser from "webextension-polyfill";
import { analysisMessage } from "../analysis/background";
import { isBackgroundRequest } from "../model/message-checks";
import type { BackgroundRequest, SidebarIntent } from "../model/protocol";
import type { BackgroundReplies } from "../model/replies";
import { callTab } from "../shared/messaging";
import { changedSettings, readSettings, toggleAllFor } from "../shared/settings";
import {
  contentJsMatches,
  contentScriptEntries,
  ensureContentScripts,
  registerContentScripts,
  siteVisited,
} from "./content-scripts";
import { card, recognisePage, sidebarView } from "./data";
import { followSwitches } from "./first-paint";
import { anchorsFor, handleNotes, keepDraft } from "./notes-service";

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

type Sender = browser.Runtime.MessageSender;
/** One handler per request, each checked against the reply it owes (BackgroundReplies): a wrong reply does not compile. */
const handlers: {
  [K in BackgroundRequest["type"]]: (
    m: Extract<BackgroundRequest, { type: K }>,
    sender: Sender,
  ) => BackgroundReplies[K] | Promise<BackgroundReplies[K]>;
} = {
  "note-anchors": (m) => anchorsFor(m.articleId),
  "note-draft": async (m, sender) => {
    if (sender.tab?.id === undefined) return null;
    keepDraft(sender.tab.id, m.draft);
    await callTab(sender.tab.id, { type: "sidebar", open: true, view: "notes" });
    return null;
  },
  // Note bodies go to extension pages only, never to a content script, nor to a sidebar we did not open.
  notes: (m, sender) =>
    trustedPage(sender)
      ? handleNotes(m.op, sender.tab?.id)
      : { ok: false, code: "forbidden", message: "notes are for the extension's own pages" },
  "sidebar-open": (m, sender) => {
    if (sender.tab?.id === undefined || fromExtensionPage(sender)) return null;
    sidebars.set(sender.tab.id, { nonce: m.nonce, ...(m.intent ? { intent: m.intent } : {}) });
    return true;
  },
  "sidebar-hello": (m, sender) => {
    const tabId = sender.tab?.id;
    const pending = tabId === undefined ? undefined : sidebars.get(tabId);
    if (tabId === undefined || !fromExtensionPage(sender) || pending?.nonce !== m.nonce) return { ok: false };
    sidebars.delete(tabId);
    verified.add(frameKey(sender));
    return { ok: true, ...(pending.intent ? { intent: pending.intent } : {}) };
  },
  relay: (m, sender) =>
    sender.tab?.id === undefined || !trustedPage(sender) ? null : callTab(sender.tab.id, m.message),
  recognise: (m, sender) => {
    // A page of a site whose entries wait for a visit (content-scripts.ts): its next pages get the site's data.
    if (sender.url && !fromExtensionPage(sender)) void siteVisited(sender.url);
    return recognisePage(m.url, m.sample, anchorsFor, m.asked === true);
  },
  card: (m) => card(m.articleId, m.targetId),
  "sidebar-view": (m) => sidebarView(m.articleId),
  // Our UI's code into the content script's own frame (its isolated world), on its first need.
  "page-ui": async (_m, sender) => {
    if (sender.tab?.id === undefined || fromExtensionPage(sender)) return false;
    return browser.scripting
      .executeScript({
        target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
        files: ["page-ui.js"],
      })
      .then(
        () => true,
        () => false,
      );
  },
};

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
  // Each request goes to its own handler (the map's type pairs them; TypeScript cannot follow it through a union).
  const handler = handlers[message.type] as (m: BackgroundRequest, sender: Sender) => unknown;
  return Promise.resolve(handler(message, sender));
});

/** A note on the selection of a tab: ask its content script for the passage, keep it, open the editor. */
async function noteOnSelection(tabId: number): Promise<void> {
  const draft = await callTab(tabId, { type: "selection" });
  if (!draft) return;
  keepDraft(tabId, draft);
  await callTab(tabId, { type: "sidebar", open: true, view: "notes" });
}

async function onCommand(command: string): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  if (command === "add-note") return noteOnSelection(tab.id);
  if (command === "toggle-sidebar") {
    await callTab(tab.id, { type: "sidebar" });
    return;
  }
  if (command !== "toggle-highlights") return;
  // The tab's URL may be hidden from us (no "tabs" permission); its content script knows its host.
  const status = await callTab(tab.id, { type: "status" });
  // Every open tab of that site follows through storage.onChanged.
  if (status?.host) await toggleAllFor(browser.storage.local, status.host);
}
browser.commands.onCommand.addListener(onCommand);

// The switches a known article's first paint reads (first-paint.ts): registered at install and update (they
// persist across sessions, so a browser start does nothing), and changed with the settings.
browser.runtime.onInstalled.addListener(
  () => void readSettings(browser.storage.local).then(followSwitches, () => undefined),
);
browser.storage.onChanged.addListener((changes, area) => {
  const c = changedSettings(changes, area);
  if (c) void followSwitches(c.settings);
});

const MENU_ID = "add-note";
// content.js and the site data (content-scripts.ts): registered at install and update, and at a browser start if
// they are missing; then the context menu, offered where content.js runs (status.js pages cannot hold an article).
/** The registration at install or start: the end-to-end builds' probe page waits for it. */
let registering: Promise<unknown> = Promise.resolve();
browser.runtime.onInstalled.addListener(() => {
  registering = registerContentScripts()
    .catch(contentScriptEntries) // not registered: the menu is still offered where it would run
    .then((entries) =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: "Add note",
        contexts: ["selection"],
        documentUrlPatterns: contentJsMatches(entries),
      }),
    )
    .catch(() => undefined);
});
browser.runtime.onStartup.addListener(() => {
  registering = ensureContentScripts().catch(() => undefined);
});
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab?.id !== undefined) void noteOnSelection(tab.id);
});

// End-to-end builds for Firefox only (build.mjs --e2e; getBrowserInfo is Firefox's): open an extension page at install and at each start of the browser
// profile it is installed in, so a WebDriver BiDi client, which may not navigate to moz-extension:// URLs itself,
// has an extension context to work from.
declare const __E2E__: boolean;
if (__E2E__ && "getBrowserInfo" in browser.runtime) {
  // After the content scripts' registration, so that the pages a test opens get them.
  const openProbe = () =>
    void registering.then(() => browser.tabs.create({ url: browser.runtime.getURL("options.html?e2e") }));
  browser.runtime.onInstalled.addListener(openProbe);
  browser.runtime.onStartup.addListener(openProbe);
}

// Reachable only from the extension's own contexts (the tests drive the command through it: headless browsers
// do not deliver synthetic key presses to extension shortcuts).
(globalThis as unknown as { sourceAnnotator: unknown }).sourceAnnotator = { command: onCommand };
