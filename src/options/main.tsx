// Options: the default visibility of each highlight kind, the opt-in to analyse every site, the keyboard shortcuts
// (with the way to change them in this browser), and where the reader's notes are kept.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { HIGHLIGHT_KINDS, type Settings } from "../model/protocol";
import { KIND_LABELS, Swatch } from "../shared/legend";
import { loadSettings, saveDefaults } from "../shared/settings";
import { LocalIndexSection } from "./local-index";

const ALL_SITES = { origins: ["<all_urls>"] };
const SCRIPT_ID = "analyse-every-site";

async function setEverySite(on: boolean): Promise<boolean> {
  if (on) {
    if (!(await browser.permissions.request(ALL_SITES))) return false;
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (!existing.length) {
      await browser.scripting.registerContentScripts([
        { id: SCRIPT_ID, matches: ["<all_urls>"], js: ["asked.js", "content.js"], runAt: "document_idle" },
      ]);
    }
    return true;
  }
  await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  await browser.permissions.remove(ALL_SITES);
  return false;
}

/** The commands in manifest.json, with the keys they were given by default. */
const SHORTCUTS: { name: string; action: string; key: string }[] = [
  {
    name: "toggle-highlights",
    action: "Show or hide all highlights on the current site",
    key: "Alt+Shift+H",
  },
  { name: "toggle-sidebar", action: "Open or close the sources sidebar", key: "Alt+Shift+S" },
  { name: "add-note", action: "Write a note on the selected text", key: "Alt+Shift+M" },
];

/** Firefox has runtime.getBrowserInfo; Chromium does not. */
const isFirefox = () => typeof browser.runtime.getBrowserInfo === "function";

function Shortcuts() {
  // The keys in use now: the reader may have changed them (or the browser left one unset on a clash).
  const [current, setCurrent] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) => setCurrent(Object.fromEntries(all.map((c) => [c.name ?? "", c.shortcut ?? ""]))))
      .catch(() => setCurrent(null));
  }, []);
  return (
    <section aria-labelledby="keys-h">
      <h2 id="keys-h">Keyboard shortcuts</h2>
      <table class="shortcuts" data-testid="shortcuts">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => {
            const key = current ? current[s.name] : s.key;
            return (
              <tr key={s.name}>
                <td>{s.action}</td>
                <td>{key ? <kbd>{key}</kbd> : <span class="matched">not set</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {isFirefox() ? (
        <p data-testid="shortcut-help">
          To change them, open <strong>Add-ons and themes</strong> (<code>about:addons</code>), click the gear
          button above the list of extensions and choose <strong>Manage Extension Shortcuts</strong>.
        </p>
      ) : (
        <p data-testid="shortcut-help">
          <button
            type="button"
            data-testid="open-shortcuts"
            onClick={() => void browser.tabs.create({ url: "chrome://extensions/shortcuts" })}
          >
            Change the shortcuts
          </button>{" "}
          (opens your browser's extension shortcut settings)
        </p>
      )}
    </section>
  );
}

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [everySite, setEvery] = useState(false);
  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
    void browser.permissions.contains(ALL_SITES).then(setEvery);
  }, []);
  if (!settings) return <p>Loading…</p>;
  const d = settings.defaults;
  const save = (next: Settings["defaults"]) => {
    setSettings({ ...settings, defaults: next });
    void saveDefaults(browser.storage.local, next);
  };
  return (
    <main>
      <h1>Source Annotator options</h1>
      <section aria-labelledby="defaults-h">
        <h2 id="defaults-h">Highlights shown by default</h2>
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
        <button type="button" onClick={() => void saveDefaults(browser.storage.local, d, true)}>
          Forget every site's own switches
        </button>
      </section>
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">Where it runs</h2>
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
      <LocalIndexSection />
      <Shortcuts />
      <section aria-labelledby="notes-h">
        <h2 id="notes-h">Your notes</h2>
        <p data-testid="notes-storage">
          Your notes are kept in this browser only, in the extension's own storage (IndexedDB), never in the
          web page's storage and never sent anywhere: the pages you read cannot see them. Removing the
          extension deletes them, so export them from the notes page first if you want to keep them.
        </p>
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL("notes.html") })}
          data-testid="open-notes"
        >
          Your notes
        </button>
      </section>
    </main>
  );
}

const root = document.getElementById("app");
if (root) render(<Options />, root);
