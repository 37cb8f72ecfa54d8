// The sidebar: an extension page in an iframe beside the article. It shows how the article is sourced, lists
// every attribution and cross-reference in reading order (the keyboard path to every overlay), the passages that
// could not be placed, and the timeline of positions across the three articles.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  type ContentRequest,
  HIGHLIGHT_KINDS,
  type HighlightKind,
  type SidebarIntent,
  type Status,
} from "../model/protocol";
import type { SidebarHello } from "../model/replies";
import type { SidebarEntry, SidebarView, TimelineEntry } from "../model/views";
import { KIND_LABELS, Swatch } from "../shared/legend";
import { callFromPage } from "../shared/messaging";
import { CorrectionButtons } from "./corrections";
import { Notes } from "./notes";

type State =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; view: SidebarView; status: Status; intent?: SidebarIntent };

/**
 * Prove to the background that this frame is the one our content script opened: the nonce it put in our address
 * (dropped from the address at once). A sidebar.html the page embedded itself has none, and shows nothing.
 */
async function hello(): Promise<SidebarHello> {
  const nonce = location.hash.slice(1);
  history.replaceState(null, "", location.pathname);
  return (await callFromPage({ type: "sidebar-hello", nonce }).catch(() => null)) ?? { ok: false };
}

/** Talk to the content script of the tab this frame is in (through the background: see the relay request). */
const toPage = <M extends ContentRequest>(message: M) => callFromPage({ type: "relay", message });

async function load(): Promise<State> {
  const me = await hello();
  if (!me.ok)
    return {
      kind: "error",
      message: "This sidebar was not opened by Source Annotator on this page, so it shows nothing here.",
    };
  const status = await toPage({ type: "status" });
  if (!status) return { kind: "error", message: "The sidebar must be opened from an article page." };
  // A page analysed on this device (issue 18) is no known article, but has its own id and view.
  const analysed = (status as Status & { analysis?: unknown }).analysis ? status.article?.id : undefined;
  const articleId = status.articleId ?? analysed;
  if (!articleId) return { kind: "error", message: "This page is not a known article." };
  const view = await callFromPage({ type: "sidebar-view", articleId });
  if (!view) return { kind: "error", message: "No data for this article." };
  return { kind: "ready", view, status, ...(me.intent ? { intent: me.intent } : {}) };
}

function Summary({ view }: { view: SidebarView }) {
  const s = view.summary;
  const bar = (n: number) => ({ width: `${s.attributions ? (100 * n) / s.attributions : 0}%` });
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">How this article is sourced</h2>
      <dl class="summary" data-testid="source-summary">
        <div>
          <dt>
            {KIND_LABELS.named.label}s
            <span class="bar named" style={bar(s.named)} aria-hidden="true" />
          </dt>
          <dd data-testid="count-named">{s.named}</dd>
        </div>
        <div>
          <dt>
            {KIND_LABELS.anonymous.label}s
            <span class="bar anonymous" style={bar(s.anonymous)} aria-hidden="true" />
          </dt>
          <dd data-testid="count-anonymous">{s.anonymous}</dd>
        </div>
        <div>
          <dt>
            Direct quotations
            <span class="bar plain" style={bar(s.direct)} aria-hidden="true" />
          </dt>
          <dd data-testid="count-direct">{s.direct}</dd>
        </div>
        <div>
          <dt>
            Reported statements
            <span class="bar plain" style={bar(s.indirect)} aria-hidden="true" />
          </dt>
          <dd data-testid="count-indirect">{s.indirect}</dd>
        </div>
        <div>
          <dt>
            {KIND_LABELS.secondhand.label}
            <span class="bar secondhand" style={bar(s.secondHand)} aria-hidden="true" />
          </dt>
          <dd data-testid="count-secondhand">{s.secondHand}</dd>
        </div>
      </dl>
      {s.byOutlet.length > 0 && (
        <p class="muted">
          Second-hand, by outlet: {s.byOutlet.map((o) => `${o.outlet} (${o.count})`).join(", ")}
        </p>
      )}
    </section>
  );
}

function Entries({
  entries,
  reveal,
  pageId,
  pageUrl,
}: {
  entries: SidebarEntry[];
  reveal: (id: string) => void;
  /** An analysed page's id: its entries can be corrected. */
  pageId?: string;
  /** The analysed page's address, kept with its corrections. */
  pageUrl?: string | undefined;
}) {
  const [shown, setShown] = useState<Record<HighlightKind, boolean>>({
    named: true,
    anonymous: true,
    secondhand: true,
    crossref: true,
    note: true,
  });
  const list = entries.filter((e) => shown[e.kind]);
  return (
    <section aria-labelledby="list-h">
      <h2 id="list-h">In reading order</h2>
      <fieldset class="filters">
        <legend class="visually-hidden">Show</legend>
        {HIGHLIGHT_KINDS.filter((k) => k !== "note").map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={shown[k]}
              onChange={(e) => setShown({ ...shown, [k]: e.currentTarget.checked })}
              data-testid={`filter-${k}`}
            />
            <Swatch kind={k} /> {KIND_LABELS[k].label} ({entries.filter((e) => e.kind === k).length})
          </label>
        ))}
      </fieldset>
      <ol class="entries" data-testid="entries">
        {list.map((e) => (
          <li key={e.targetId}>
            <button
              type="button"
              class={`entry ${e.kind}`}
              onClick={() => reveal(e.targetId)}
              data-target-id={e.targetId}
            >
              <span class="title">
                <Swatch kind={e.kind} /> {e.title}
              </span>
              <span class="excerpt">{e.excerpt}</span>
            </button>
            {pageId && (e as SidebarEntry & { exact?: string }).exact && (
              <CorrectionButtons
                pageId={pageId}
                url={pageUrl}
                exact={(e as SidebarEntry & { exact: string }).exact}
                n={entries.indexOf(e)}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Timeline({ entries, reveal }: { entries: TimelineEntry[]; reveal: (id: string) => void }) {
  if (!entries.length) return null;
  return (
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">Positions on Gadhafi's fate</h2>
      <ol class="timeline" data-testid="timeline">
        {entries.map((t) => (
          <li key={`${t.date}-${t.label}`}>
            <time dateTime={t.date} title={t.passage.dateBasis}>
              {t.dateLabel}
            </time>{" "}
            <strong>{t.speaker}</strong>: {t.label}
            <blockquote>
              {t.passage.text}
              <span class="source">
                {t.passage.publisher}
                {" · "}
                {t.here && t.passage.targetId ? (
                  <button type="button" class="link" onClick={() => reveal(t.passage.targetId as string)}>
                    Show in this article
                  </button>
                ) : t.passage.href ? (
                  <a href={t.passage.href} target="_blank" rel="noopener noreferrer">
                    Read it in the article
                  </a>
                ) : (
                  "in another article"
                )}
              </span>
            </blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Sidebar() {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    load()
      .then(setState)
      .catch((e: Error) => setState({ kind: "error", message: e.message }));
  }, []);
  const close = () => void toPage({ type: "sidebar", open: false });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });
  if (state.kind === "loading") return <p>Loading…</p>;
  if (state.kind === "error") return <p role="alert">{state.message}</p>;
  const { view, status } = state;
  const reveal = (targetId: string) => void toPage({ type: "reveal", targetId });
  const entriesById = new Map(view.entries.map((e) => [e.targetId, e]));
  return (
    <main>
      <header>
        <h1>Sources</h1>
        <button type="button" class="close" onClick={close} aria-label="Close the sidebar">
          ×
        </button>
        <p class="muted">
          {view.article.publisher}, <span title={view.article.dateBasis}>{view.article.dateLabel}</span>
          {view.article.headline ? ` — ${view.article.headline}` : ""}
        </p>
      </header>
      <Notes
        articleId={view.article.id}
        status={status}
        toPage={toPage}
        {...(state.intent ? { intent: state.intent } : {})}
      />
      <Summary view={view} />
      <Entries
        entries={view.entries}
        reveal={reveal}
        {...(status.articleId ? {} : { pageId: view.article.id, pageUrl: view.article.url })}
      />
      <section aria-labelledby="unplaced-h">
        <h2 id="unplaced-h">Not found on this page ({status.orphaned.length})</h2>
        {status.orphaned.length === 0 ? (
          <p class="muted">Every passage was found on this page.</p>
        ) : (
          <ul data-testid="unplaced">
            {status.orphaned.map((id) => (
              <li key={id}>{entriesById.get(id)?.excerpt ?? id}</li>
            ))}
          </ul>
        )}
      </section>
      <Timeline entries={view.timeline} reveal={reveal} />
    </main>
  );
}

const root = document.getElementById("app");
if (root) render(<Sidebar />, root);
