// The background (service worker in Chromium, event page in Firefox): answers the content scripts from the
// bundled dataset, owns the settings and the keyboard commands.
import browser from "webextension-polyfill";
import {
  type BackgroundRequest,
  DEFAULT_VISIBILITY,
  isBackgroundRequest,
  type Settings,
  siteKey,
} from "../messages";
import { articlePayload, bySample, byUrl } from "./data";

async function handle(m: BackgroundRequest) {
  switch (m.type) {
    case "recognise-url":
      return byUrl(m.url);
    case "recognise-sample":
      return bySample(m.sample);
    case "article":
      return articlePayload(m.id);
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only this extension's own scripts: content scripts (sender.tab) and pages (extension URL).
  if (sender.id !== browser.runtime.id || !isBackgroundRequest(message)) return undefined;
  return handle(message);
});

/** Flip "all highlights" for the site of a tab; every open tab of that site follows via storage.onChanged. */
export async function toggleAllFor(url: string | undefined): Promise<void> {
  if (!url) return;
  let host: string;
  try {
    host = siteKey(new URL(url).hostname);
  } catch {
    return;
  }
  const { settings } = (await browser.storage.local.get("settings")) as { settings?: Settings };
  const s: Settings = settings ?? { defaults: DEFAULT_VISIBILITY, sites: {} };
  const current = s.sites[host] ?? s.defaults;
  s.sites[host] = { ...current, all: !current.all };
  await browser.storage.local.set({ settings: s });
}

browser.commands.onCommand.addListener(async (command: string) => {
  if (command !== "toggle-highlights") return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  await toggleAllFor(tab?.url);
});
