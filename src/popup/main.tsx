// The toolbar popup: what was recognised on this tab, and the highlight switches for its site.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { NOTE_PALETTE } from "../model/colours";
import { articleDateLabel } from "../model/date-labels";
import { HIGHLIGHT_KINDS, type HighlightKind, type Status, type Visibility } from "../model/protocol";
import { visibilityFor } from "../model/visibility";
import { KIND_LABELS, Swatch } from "../shared/legend";
import { callTab } from "../shared/messaging";
import { ColourSwatch } from "../shared/note-fields";
import { loadSettings, saveDefaults, saveSite } from "../shared/settings";
import { AllowSite } from "./allow-site";

type TabState =
  | { kind: "loading" }
  | { kind: "unreachable"; tabId?: number; reason: string }
  | { kind: "status"; tabId: number; host: string; status: Status };

async function queryStatus(tabId: number): Promise<Status> {
  const status = await callTab(tabId, { type: "status" });
  if (!status) throw new Error("no content script in this tab");
  return status;
}

function Summary({ status }: { status: Status }) {
  // Analysed on this device (issue 18): not a known article, its attributions found here.
  const analysis = (status as Status & { analysis?: { attributions: unknown[] } | null }).analysis;
  if (!status.articleId && analysis)
    return (
      <p class="summary" data-testid="summary">
        {status.article?.publisher ? <strong>{status.article.publisher}</strong> : null}
        {status.article?.publisher ? ": " : ""}analysed on this device — {analysis.attributions.length}{" "}
        attributions, {status.orphaned.length} unplaced
      </p>
    );
  if (!status.articleId || !status.article) {
    return (
      <p class="summary" data-testid="summary">
        Not a known article{status.note ? ` (${status.note})` : ""}.
      </p>
    );
  }
  const a = status.article;
  const date = articleDateLabel(a.published ?? a.referenceDate, !a.published);
  return (
    <p class="summary" data-testid="summary">
      <strong>{a.publisher}</strong>, {date} — {status.counts?.attributions ?? 0} attributions,{" "}
      {status.counts?.crossrefs ?? 0} cross-references, {status.orphaned.length} unplaced
      <span class="matched">
        {" "}
        (recognised by {status.matchedBy === "url" ? "address" : `text, score ${status.score.toFixed(2)}`})
      </span>
    </p>
  );
}

function Switches({ host, initial }: { host: string; initial: Visibility }) {
  const [v, setV] = useState(initial);
  const update = (next: Visibility) => {
    setV(next);
    void saveSite(browser.storage.local, host, next);
  };
  return (
    <form class="switches" onSubmit={(e) => e.preventDefault()}>
      <label class="switch all">
        <input
          type="checkbox"
          checked={v.all}
          onChange={(e) => update({ ...v, all: e.currentTarget.checked })}
          data-testid="toggle-all"
        />
        All highlights <kbd>Alt+Shift+H</kbd>
      </label>
      <fieldset disabled={!v.all}>
        <legend>By kind</legend>
        {HIGHLIGHT_KINDS.map((k: HighlightKind) => (
          <label class="switch" key={k} title={KIND_LABELS[k].hint}>
            <input
              type="checkbox"
              checked={v.kinds[k]}
              onChange={(e) => update({ ...v, kinds: { ...v.kinds, [k]: e.currentTarget.checked } })}
              data-testid={`toggle-${k}`}
            />
            <Swatch kind={k} /> {KIND_LABELS[k].label}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!v.all || !v.kinds.note} data-testid="note-colour-switches">
        <legend>Your notes by colour</legend>
        {NOTE_PALETTE.map((c) => (
          <label class="switch" key={c.id}>
            <input
              type="checkbox"
              checked={v.noteColours?.[c.id] !== false}
              onChange={(e) =>
                update({ ...v, noteColours: { ...v.noteColours, [c.id]: e.currentTarget.checked } })
              }
              data-testid={`toggle-colour-${c.id}`}
            />
            <ColourSwatch colour={c.id} /> {c.label}
          </label>
        ))}
      </fieldset>
      <button type="button" class="link" onClick={() => void saveDefaults(browser.storage.local, v)}>
        Use these switches on every site
      </button>
    </form>
  );
}

function Popup() {
  const [state, setState] = useState<TabState>({ kind: "loading" });
  const [visibility, setVisibility] = useState<Visibility | null>(null);

  const refresh = async () => {
    // ?tab=N opens the popup for a given tab (the end-to-end tests open popup.html in a tab of its own).
    const forced = Number(new URLSearchParams(location.search).get("tab"));
    const [tab] = forced
      ? [await browser.tabs.get(forced).catch(() => undefined)]
      : await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return setState({ kind: "unreachable", reason: "No tab." });
    try {
      const status = await queryStatus(tab.id);
      const host = status.host ?? "";
      setVisibility(status.visibility ?? visibilityFor(await loadSettings(browser.storage.local), host));
      setState({ kind: "status", tabId: tab.id, host, status });
    } catch {
      setState({ kind: "unreachable", tabId: tab.id, reason: "This page has not been analysed." });
    }
  };

  const analyse = async (tabId: number) => {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ["asked.js", "content.js"] });
    } catch (err) {
      return setState({
        kind: "unreachable",
        tabId,
        reason: `This page cannot be analysed (${(err as Error).message}).`,
      });
    }
    // Recognition takes a round trip or two; ask again until it settles.
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 150));
      try {
        const status = await queryStatus(tabId);
        if (status.articleId || status.ready || i === 39) return void refresh();
      } catch {}
    }
  };

  useEffect(() => {
    void refresh();
  }, []);

  return (
    <main>
      <h1>Source Annotator</h1>
      {state.kind === "loading" && <p>Looking at this page…</p>}
      {state.kind === "unreachable" && (
        <section>
          <p class="summary" data-testid="summary">
            {state.reason}
          </p>
          {state.tabId !== undefined && (
            <button type="button" onClick={() => void analyse(state.tabId as number)} data-testid="analyse">
              Analyse this page
            </button>
          )}
        </section>
      )}
      {state.kind === "status" && (
        <section>
          <Summary status={state.status} />
          {(state.status as Status & { analysis?: unknown }).analysis && !state.status.articleId && (
            <AllowSite host={state.host} />
          )}
          {(state.status.articleId || state.status.article) && (
            <button
              type="button"
              onClick={() =>
                void callTab(state.tabId, { type: "sidebar", open: true }).then(() => window.close())
              }
              data-testid="open-sidebar"
            >
              Open the sources sidebar <kbd>Alt+Shift+S</kbd>
            </button>
          )}
          {(state.status.articleId || state.status.article) && visibility && (
            <Switches host={state.host} initial={visibility} />
          )}
        </section>
      )}
      <footer>
        <button
          type="button"
          class="link"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL("notes.html") })}
          data-testid="open-notes"
        >
          Your notes
        </button>
        {" · "}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </footer>
    </main>
  );
}

const root = document.getElementById("app");
if (root) render(<Popup />, root);
