// Options: the default visibility of each highlight kind, and the opt-in to analyse every site.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { HIGHLIGHT_KINDS, type Settings } from "../messages";
import { KIND_LABELS, Swatch } from "../shared/legend";
import { loadSettings, saveDefaults } from "../shared/settings";

const ALL_SITES = { origins: ["<all_urls>"] };
const SCRIPT_ID = "analyse-every-site";

async function setEverySite(on: boolean): Promise<boolean> {
  if (on) {
    if (!(await browser.permissions.request(ALL_SITES))) return false;
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (!existing.length) {
      await browser.scripting.registerContentScripts([
        { id: SCRIPT_ID, matches: ["<all_urls>"], js: ["content.js"], runAt: "document_idle" },
      ]);
    }
    return true;
  }
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  await browser.permissions.remove(ALL_SITES);
  return false;
}

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [everySite, setEvery] = useState(false);
  useEffect(() => {
    void loadSettings().then(setSettings);
    void browser.permissions.contains(ALL_SITES).then(setEvery);
  }, []);
  if (!settings) return <p>Loading…</p>;
  const d = settings.defaults;
  const save = (next: Settings["defaults"]) => {
    setSettings({ ...settings, defaults: next });
    void saveDefaults(next);
  };
  return (
    <main>
      <h1>Source Annotator options</h1>
      <section>
        <h2>Highlights shown by default</h2>
        <p>
          Each site remembers its own switches from the toolbar popup; these apply where you have not changed
          them.
        </p>
        <label class="switch all">
          <input
            type="checkbox"
            checked={d.all}
            onChange={(e) => save({ ...d, all: e.currentTarget.checked })}
          />{" "}
          All highlights
        </label>
        {HIGHLIGHT_KINDS.map((k) => (
          <label class="switch" key={k}>
            <input
              type="checkbox"
              checked={d.kinds[k]}
              onChange={(e) => save({ ...d, kinds: { ...d.kinds, [k]: e.currentTarget.checked } })}
            />
            <Swatch kind={k} /> {KIND_LABELS[k].label} — <span class="matched">{KIND_LABELS[k].hint}</span>
          </label>
        ))}
        <button type="button" onClick={() => void saveDefaults(d, true)}>
          Forget every site's own switches
        </button>
      </section>
      <section>
        <h2>Where it runs</h2>
        <p>
          The extension runs on The Christian Science Monitor, The New York Times, The Washington Times and
          web.archive.org. Elsewhere, click its toolbar button and choose “Analyse this page”.
        </p>
        <label class="switch">
          <input
            type="checkbox"
            checked={everySite}
            onChange={async (e) => setEvery(await setEverySite(e.currentTarget.checked))}
          />{" "}
          Analyse every site I visit (asks for access to all sites; the page is compared with the bundled
          articles inside your browser, nothing is sent anywhere)
        </label>
      </section>
      <section>
        <h2>Keyboard</h2>
        <p>
          <kbd>Alt+Shift+H</kbd> toggles all highlights on the current site. Change it in your browser's
          extension shortcut settings.
        </p>
      </section>
    </main>
  );
}

const root = document.getElementById("app");
if (root) render(<Options />, root);
