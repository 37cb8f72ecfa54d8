// After "Analyse this page" on a site the extension has no standing access to (issue 18): the access the click
// gave (activeTab) ends when the tab leaves the page, so the next article of the site would not be analysed. The
// popup offers access to this one site, says why, and registers content.js there (with site.js: articles only).
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { declaredSites, onAnySite } from "../model/recognition";

const scriptId = (host: string) => `site-${host}`;

export function AllowSite({ host }: { host: string }) {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    void browser.scripting
      .getRegisteredContentScripts({ ids: [scriptId(host)] })
      .then((r) => setAllowed(r.length > 0))
      .catch(() => setAllowed(false));
  }, [host]);
  // The publishers' sites have their content scripts already.
  const declared = onAnySite(host, declaredSites(browser.runtime.getManifest()));
  if (allowed === null || !host || declared) return null;
  if (allowed)
    return (
      <p class="muted" data-testid="site-allowed">
        Articles on {host} are analysed on every visit.
      </p>
    );
  const allow = async () => {
    const origins = [`*://${host}/*`];
    if (!(await browser.permissions.request({ origins }).catch(() => false))) return;
    await browser.scripting.registerContentScripts([
      { id: scriptId(host), matches: origins, js: ["site.js", "content.js"], runAt: "document_idle" },
    ]);
    setAllowed(true);
  };
  return (
    <p>
      <button type="button" onClick={() => void allow()} data-testid="allow-site">
        Analyse articles on {host} on every visit
      </button>
      <br />
      <span class="muted">
        Your click gave access to this page only, until you leave it. This asks your browser for access to{" "}
        {host} alone; the analysis stays on this device.
      </span>
    </p>
  );
}
