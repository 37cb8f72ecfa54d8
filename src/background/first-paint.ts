// The highlight switches where a known article's first paint can read them (docs/decisions/0017-first-frame.md).
// content.js paints a known article in the task it starts in, before the browser renders a frame; the stored
// settings come only with a message, after that frame. So for every publisher's site whose switches are not the
// defaults (and for the reader's own defaults, where they differ), the background registers a content script that
// runs at document_start and names the switches (switches/<name>.js, model/visibility.ts firstPaintName); content.js
// reads the name and applies the stored settings as well once they come, so a page that loads while the
// registration is being changed is right one frame later.
import browser from "webextension-polyfill";
import type { Settings } from "../model/protocol";
import { onAnySite } from "../model/recognition";
import { DEFAULT_VISIBILITY, firstPaintName, SITE_KEY_PREFIXES, visibilityFor } from "../model/visibility";

const PREFIX = "switches-";
const DEFAULT_NAME = firstPaintName(DEFAULT_VISIBILITY);

/** The addresses of a site key: the host, and the host behind each prefix siteKey drops. */
const addressesOf = (key: string) =>
  ["", ...SITE_KEY_PREFIXES.map((p) => `${p}.`)].map((p) => `*://${p}${key}/*`);

export interface SwitchScript {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
  runAt: "document_start";
  persistAcrossSessions: true;
}

/**
 * The switch scripts the settings need. `sites`: the hosts the extension may run on (`*://*.host/*`, from its host
 * permissions); a site key outside them gets none (its pages have no first frame of ours to be in).
 */
export function switchScripts(settings: Settings | undefined, sites: readonly string[]): SwitchScript[] {
  if (!settings) return [];
  const hosts = sites.map((m) => /^\*:\/\/\*\.([^/]+)\/\*$/.exec(m)?.[1]).filter((h) => h !== undefined);
  const ours = (key: string) => onAnySite(key, hosts);
  const script = (id: string, name: string, matches: string[], excludeMatches: string[] = []) => ({
    id: `${PREFIX}${id}`,
    matches,
    ...(excludeMatches.length ? { excludeMatches } : {}),
    js: [`switches/${name}.js`],
    runAt: "document_start" as const,
    persistAcrossSessions: true as const,
  });
  const own = Object.keys(settings.sites ?? {}).filter(ours);
  const byName = new Map<string, string[]>();
  for (const key of own) {
    const name = firstPaintName(visibilityFor(settings, key));
    if (name !== DEFAULT_NAME) byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  const scripts = [...byName].map(([name, keys]) => script(name, name, keys.flatMap(addressesOf)));
  const defaults = firstPaintName(visibilityFor({ defaults: settings.defaults }, ""));
  if (defaults !== DEFAULT_NAME && hosts.length)
    scripts.push(
      script(
        "defaults",
        defaults,
        hosts.map((h) => `*://*.${h}/*`),
        own.flatMap(addressesOf),
      ),
    );
  return scripts;
}

/** The publishers' sites, from the manifest's host permissions. */
const sites = () =>
  ((browser.runtime.getManifest() as { host_permissions?: string[] }).host_permissions ?? []).filter((m) =>
    m.startsWith("*://*."),
  );

let queue: Promise<void> = Promise.resolve();

/** Register the switch scripts these settings need, in place of the ones registered before (one change at a time). */
export function followSwitches(settings: Settings | undefined): Promise<void> {
  queue = queue
    .then(async () => {
      const wanted = switchScripts(settings, sites());
      const before = (await browser.scripting.getRegisteredContentScripts()).filter((s) =>
        s.id.startsWith(PREFIX),
      );
      if (before.length) await browser.scripting.unregisterContentScripts({ ids: before.map((s) => s.id) });
      if (wanted.length) await browser.scripting.registerContentScripts(wanted);
    })
    .catch(() => undefined); // the stored settings still apply, one frame later
  return queue;
}
