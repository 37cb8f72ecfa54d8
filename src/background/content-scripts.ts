// content.js and the site data files, registered at install (build.mjs writes the entries to
// data/content-scripts.json; the manifest declares only status.js). The browser reads a manifest's content scripts
// on every page load: at 10,000 articles their patterns and globs had cost each page of a publisher's site
// 23–27 ms of main-thread tasks; registered, a fraction of that (docs/decisions/0018-registered-content-scripts.md).
// The renderer still looks at every registered entry on each page of those sites; past a few dozen, a site's
// entries are registered at the reader's first visit to it instead, the sites registered longest ago let go
// (docs/decisions/0033-entries-registered-on-visits.md).
import browser from "webextension-polyfill";
import { type ContentScriptEntry, onSite, UNVISITED_ID } from "../model/recognition";

const PREFIX = "content";
/** The sites whose entries are registered, in the order they were (they persist with them). */
const VISITED_KEY = "visitedSites";
/** Most entries registered for visited sites; the sites registered longest ago go first. */
const VISITED_ENTRIES_MAX = 64;

/** The entries build.mjs wrote for this version of the extension. */
export async function contentScriptEntries(): Promise<ContentScriptEntry[]> {
  const res = await fetch(browser.runtime.getURL("data/content-scripts.json"));
  if (!res.ok) throw new Error(`data/content-scripts.json: ${res.status}`);
  return (await res.json()) as ContentScriptEntry[];
}

let entries: Promise<ContentScriptEntry[]> | null = null;
/** The same, read once by this worker. */
const allEntries = () => {
  entries ??= contentScriptEntries().catch((e: unknown) => {
    entries = null;
    throw e;
  });
  return entries;
};

const ours = (id: string) => id === PREFIX || id.startsWith(`${PREFIX}-`);

/** Our entries registered now. */
const registered = async () =>
  (await browser.scripting.getRegisteredContentScripts()).filter((s) => ours(s.id));

const register = (list: readonly ContentScriptEntry[]) =>
  browser.scripting.registerContentScripts(
    list.map(({ site: _site, ...e }) => ({ ...e, persistAcrossSessions: true })),
  );

/**
 * Register this version's entries in place of any registered before (an update clears them in one browser and not
 * in another), all but those that wait for a visit to their site. They persist across the browser's sessions.
 */
export async function registerContentScripts(): Promise<ContentScriptEntry[]> {
  const before = await registered();
  const wanted = await allEntries();
  if (before.length) await browser.scripting.unregisterContentScripts({ ids: before.map((s) => s.id) });
  await browser.storage.local.remove(VISITED_KEY);
  await register(wanted.filter((e) => !e.site));
  return wanted;
}

/** At a browser start: registered again only if none are there (a profile restored without them); else nothing
 *  is read. */
export async function ensureContentScripts(): Promise<void> {
  if (!(await registered()).length) await registerContentScripts();
}

/** The addresses where content.js runs with its site's data or its site's rules: where a selection can become a
 *  note (the context menu's patterns). The unvisited sites' entry runs it on any of their pages only to ask. */
export const contentJsMatches = (list: readonly ContentScriptEntry[]): string[] =>
  list.filter((e) => e.js.includes("content.js") && e.id !== UNVISITED_ID).flatMap((e) => e.matches);

let visits: Promise<void> = Promise.resolve();

/**
 * content.js asked from a page at `url` (a page of a publisher's site, or not): when that site's entries wait for
 * a visit, register them, so that its next pages get their data before the first frame; past VISITED_ENTRIES_MAX
 * the entries of the sites registered longest ago go (a page with its site's data asks nothing, so a visit there
 * is not seen), and the unvisited sites' entry leaves out the sites registered. One visit at a time.
 */
export function siteVisited(url: string): Promise<void> {
  visits = visits.then(() => visit(url)).catch(() => undefined); // not registered: the page asks, as before
  return visits;
}

async function visit(url: string): Promise<void> {
  const host = URL.canParse(url) ? new URL(url).hostname : "";
  const all = await allEntries();
  const site = all.find((e) => e.site && onSite(host, e.site))?.site;
  if (!site) return;
  const visited = ((await browser.storage.local.get(VISITED_KEY))[VISITED_KEY] as string[] | undefined) ?? [];
  if (visited.at(-1) === site) return;
  const order = [...visited.filter((s) => s !== site), site];
  const of = (s: string) => all.filter((e) => e.site === s);
  const have = new Set((await registered()).map((s) => s.id));
  const missing = of(site).filter((e) => !have.has(e.id));
  if (missing.length) await register(missing);
  let count = order.reduce((n, s) => n + of(s).length, 0);
  while (order.length > 1 && count > VISITED_ENTRIES_MAX) {
    const gone = of(order.shift() as string);
    count -= gone.length;
    const ids = gone.map((e) => e.id).filter((id) => have.has(id));
    if (ids.length) await browser.scripting.unregisterContentScripts({ ids });
  }
  if (all.some((e) => e.id === UNVISITED_ID))
    await browser.scripting.updateContentScripts([
      { id: UNVISITED_ID, excludeMatches: order.map((s) => `*://*.${s}/*`) },
    ]);
  await browser.storage.local.set({ [VISITED_KEY]: order });
}
