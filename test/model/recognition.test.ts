// The publishers' sites as the manifest declares them, and whether a host is on one (src/model/recognition.ts).
import { describe, expect, it } from "vitest";
import { declaredSites, onAnySite, onSite } from "../../src/model/recognition";

describe("publishers' sites", () => {
  it("a host is on a site when it is the site or one of its subdomains, not when it only ends with its name", () => {
    expect(onSite("nytimes.com", "nytimes.com")).toBe(true);
    expect(onSite("www.nytimes.com", "nytimes.com")).toBe(true);
    expect(onSite("xnytimes.com", "nytimes.com")).toBe(false);
    expect(onSite("nytimes.com.evil.example", "nytimes.com")).toBe(false);
    expect(onAnySite("www.csmonitor.com", ["nytimes.com", "csmonitor.com"])).toBe(true);
    expect(onAnySite("www.csmonitor.com", [])).toBe(false);
  });

  it("the manifest's declared sites: each pattern's host, the archive and patterns of no host left out", () => {
    const manifest = {
      content_scripts: [
        {
          matches: ["*://*.csmonitor.com/*", "https://nytimes.com/2011/*", "*://web.archive.org/web/*"],
          js: ["status.js"],
        },
        { matches: ["<all_urls>"] },
        {},
      ],
    };
    expect(declaredSites(manifest)).toEqual(["csmonitor.com", "nytimes.com"]);
    expect(declaredSites({})).toEqual([]);
  });
});
