// Reading and writing the visibility settings from extension pages.
import browser from "webextension-polyfill";
import type { Settings, Visibility } from "../model/protocol";
import { DEFAULT_VISIBILITY, siteKey } from "../model/visibility";

export async function loadSettings(): Promise<Settings> {
  const { settings } = (await browser.storage.local.get("settings")) as { settings?: Settings };
  return settings ?? { defaults: DEFAULT_VISIBILITY, sites: {} };
}

export async function saveSite(hostname: string, v: Visibility): Promise<void> {
  const s = await loadSettings();
  s.sites[siteKey(hostname)] = v;
  await browser.storage.local.set({ settings: s });
}

export async function saveDefaults(v: Visibility, clearSites = false): Promise<void> {
  const s = await loadSettings();
  s.defaults = v;
  if (clearSites) s.sites = {};
  await browser.storage.local.set({ settings: s });
}
