// The switches a known article's first paint reads (src/background/first-paint.ts): which content scripts the
// settings need (background.test.ts: the background keeps them registered as the settings change).
import { describe, expect, test, vi } from "vitest";
import { switchScripts } from "../../src/background/first-paint";
import type { Settings, Visibility } from "../../src/model/protocol";
import {
  DEFAULT_VISIBILITY,
  firstPaintName,
  firstPaintNames,
  firstPaintVisibility,
  SITE_KEY_PREFIXES,
  siteKey,
} from "../../src/model/visibility";

vi.mock("webextension-polyfill", () => ({ default: {} })); // switchScripts touches no browser API

const SITES = ["*://*.nytimes.com/*", "*://*.csmonitor.com/*"];
const on = DEFAULT_VISIBILITY;
const off: Visibility = { ...on, all: false };
const noAnonymous: Visibility = { ...on, kinds: { ...on.kinds, anonymous: false } };
const settings = (defaults: Visibility, sites: Record<string, Visibility> = {}): Settings => ({
  defaults,
  sites,
});

describe("the first paint's switches, by name", () => {
  test("every setting has a name, and the name gives the setting back (notes as by default)", () => {
    expect(firstPaintNames()).toHaveLength(17);
    for (const name of firstPaintNames()) expect(firstPaintName(firstPaintVisibility(name))).toBe(name);
    expect(firstPaintName(on)).toBe("k1111");
    expect(firstPaintName(noAnonymous)).toBe("k1011");
    expect(firstPaintName({ ...noAnonymous, all: false })).toBe("off");
    expect(firstPaintVisibility("k1011").kinds).toEqual({ ...noAnonymous.kinds });
  });

  test("no name, or one that is not ours: the defaults", () => {
    for (const name of [undefined, "", "k11", "k11112", "<script>", 42])
      expect(firstPaintVisibility(name)).toEqual(on);
  });
});

test("the addresses a site's switches cover are the hosts siteKey folds into it", () => {
  for (const p of SITE_KEY_PREFIXES) expect(siteKey(`${p}.nytimes.com`)).toBe("nytimes.com");
  expect(siteKey("news.nytimes.com")).toBe("news.nytimes.com");
});

describe("switchScripts", () => {
  test("none for no settings or the defaults everywhere", () => {
    expect(switchScripts(undefined, SITES)).toEqual([]);
    expect(switchScripts(settings(on, { "nytimes.com": on }), SITES)).toEqual([]);
  });

  test("a site switched off: one script on its addresses, at document_start, kept across sessions", () => {
    expect(switchScripts(settings(on, { "nytimes.com": off }), SITES)).toEqual([
      {
        id: "switches-off",
        matches: [
          "*://nytimes.com/*",
          "*://www.nytimes.com/*",
          "*://m.nytimes.com/*",
          "*://mobile.nytimes.com/*",
          "*://amp.nytimes.com/*",
        ],
        js: ["switches/off.js"],
        runAt: "document_start",
        persistAcrossSessions: true,
      },
    ]);
  });

  test("sites with the same switches share a script; a site outside the extension's hosts gets none", () => {
    const s = switchScripts(
      settings(on, { "nytimes.com": noAnonymous, "csmonitor.com": noAnonymous, "other.example": off }),
      SITES,
    );
    expect(s.map((x) => [x.id, x.matches.length])).toEqual([["switches-k1011", 10]]);
  });

  test("the reader's own defaults: on every site but those with switches of their own", () => {
    const s = switchScripts(settings(off, { "nytimes.com": on }), SITES);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      id: "switches-defaults",
      js: ["switches/off.js"],
      matches: SITES,
      excludeMatches: expect.arrayContaining(["*://www.nytimes.com/*"]),
    });
  });
});
