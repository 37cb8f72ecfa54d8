// The one owner of the `settings` key in storage.local (the highlight switches, per site and by default). It takes
// the storage area as an argument and imports no browser API, so the content script (no polyfill), the background
// and the extension pages all read and write through it.
import type { Settings, Visibility } from "../model/protocol";
import { DEFAULT_VISIBILITY, siteKey } from "../model/visibility";

const KEY = "settings";

/** storage.local as both browsers' promise APIs (and webextension-polyfill) give it. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The stored settings, undefined when none were saved. */
export async function readSettings(area: LocalArea): Promise<Settings | undefined> {
  return (await area.get(KEY))[KEY] as Settings | undefined;
}

/** The stored settings, or the defaults. */
export async function loadSettings(area: LocalArea): Promise<Settings> {
  return (await readSettings(area)) ?? { defaults: DEFAULT_VISIBILITY, sites: {} };
}

/** The new settings when a storage.onChanged event changed them, else undefined. */
export function changedSettings(
  changes: Record<string, { newValue?: unknown }>,
  areaName: string,
): { settings: Settings | undefined } | undefined {
  const c = areaName === "local" ? changes[KEY] : undefined;
  return c && { settings: c.newValue as Settings | undefined };
}

export async function saveSite(area: LocalArea, hostname: string, v: Visibility): Promise<void> {
  const s = await loadSettings(area);
  s.sites[siteKey(hostname)] = v;
  await area.set({ [KEY]: s });
}

export async function saveDefaults(area: LocalArea, v: Visibility, clearSites = false): Promise<void> {
  const s = await loadSettings(area);
  s.defaults = v;
  if (clearSites) s.sites = {};
  await area.set({ [KEY]: s });
}

/** Flip "all highlights" for a site (the keyboard command). */
export async function toggleAllFor(area: LocalArea, hostname: string): Promise<void> {
  const s = await loadSettings(area);
  const host = siteKey(hostname);
  const current = s.sites[host] ?? s.defaults;
  s.sites[host] = { ...current, all: !current.all };
  await area.set({ [KEY]: s });
}
