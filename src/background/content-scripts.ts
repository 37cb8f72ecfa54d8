// content.js and the site data files, registered at install (build.mjs writes the entries to
// data/content-scripts.json; the manifest declares only status.js). The browser reads a manifest's content scripts
// on every page load: at 10,000 articles their patterns and globs had cost each page of a publisher's site
// 23–27 ms of main-thread tasks; registered, a fraction of that (docs/decisions/0018-registered-content-scripts.md).
import browser from "webextension-polyfill";
import type { ContentScriptEntry } from "../model/recognition";

const PREFIX = "content";

/** The entries build.mjs wrote for this version of the extension. */
export async function contentScriptEntries(): Promise<ContentScriptEntry[]> {
  const res = await fetch(browser.runtime.getURL("data/content-scripts.json"));
  if (!res.ok) throw new Error(`data/content-scripts.json: ${res.status}`);
  return (await res.json()) as ContentScriptEntry[];
}

const ours = (id: string) => id === PREFIX || id.startsWith(`${PREFIX}-`);

/** Our entries registered now. */
const registered = async () =>
  (await browser.scripting.getRegisteredContentScripts()).filter((s) => ours(s.id));

/**
 * Register this version's entries in place of any registered before (an update clears them in one browser and not
 * in another). They persist across the browser's sessions.
 */
export async function registerContentScripts(): Promise<ContentScriptEntry[]> {
  const before = await registered();
  const wanted = await contentScriptEntries();
  if (before.length) await browser.scripting.unregisterContentScripts({ ids: before.map((s) => s.id) });
  await browser.scripting.registerContentScripts(wanted.map((e) => ({ ...e, persistAcrossSessions: true })));
  return wanted;
}

/** At a browser start: registered again only if none are there (a profile restored without them); else nothing
 *  is read. */
export async function ensureContentScripts(): Promise<void> {
  if (!(await registered()).length) await registerContentScripts();
}

/** The addresses where content.js runs: where a selection can become a note (the context menu's patterns). */
export const contentJsMatches = (entries: readonly ContentScriptEntry[]): string[] =>
  entries.filter((e) => e.js.includes("content.js")).flatMap((e) => e.matches);
